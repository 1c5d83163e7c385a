import Foundation
import OmnidashCore

extension Shopee {
    /// Reads a Shopee response: HTTP 429 and throttle codes are throttling, 5xx and server codes are transient,
    /// an invalid access token asks for a refresh, anything else in `error` is a permanent failure.
    ///
    /// Shopee usually answers business errors with their code in the body (`error`, `message`), whatever the
    /// HTTP status; its generic throttle code is not documented, so HTTP 429 and any `…too_many…` /
    /// `…rate_limit…` code count as throttling (ecommerce-apis.md §1.7).
    static func classify(_ response: HTTPResponseValue, endpoint: String) -> ResponseVerdict {
        let fields = try? JSONDecoder().decode(ErrorFields.self, from: response.body)
        let code = fields?.error ?? ""
        let message = fields?.message ?? ""
        func error(_ kind: ConnectorError.Kind) -> ConnectorError {
            ConnectorError(kind, platform: .shopee, endpoint: endpoint, code: code.isEmpty ? nil : code,
                           message: message.isEmpty ? "HTTP \(response.status) without an error message" : message,
                           httpStatus: response.status)
        }
        let retryAfter = response.headers["retry-after"].flatMap(Int.init).map { Duration.seconds($0) }
        let lowered = code.lowercased()
        if response.status == 429 || lowered.contains("too_many") || lowered.contains("rate_limit") {
            return .throttled(reason: code.isEmpty ? "HTTP 429" : "\(code): \(message)", after: retryAfter)
        }
        if ["error_server", "error_inner", "error_network", "error_system_busy", "error_busy"].contains(lowered)
            || (response.status >= 500 && lowered.isEmpty) {
            return .transient(reason: code.isEmpty ? "HTTP \(response.status)" : "\(code): \(message)", after: retryAfter)
        }
        if lowered == "error_auth" || lowered == "invalid_access_token" || lowered == "invalid_acceess_token" {
            let aboutToken = message.lowercased().contains("access_token") || lowered != "error_auth"
            return aboutToken ? .refreshCredentials(error(.authentication)) : .fail(error(.authentication))
        }
        if lowered == "error_sign" || lowered == "error_permission" { return .fail(error(.authentication)) }
        if !lowered.isEmpty { return .fail(error(.rejected)) }
        guard (200..<300).contains(response.status) else { return .fail(error(.rejected)) }
        guard fields != nil else {
            return .fail(ConnectorError(.invalidResponse, platform: .shopee, endpoint: endpoint,
                                        message: "the response is not Shopee's JSON envelope", httpStatus: response.status))
        }
        return .success
    }
}
