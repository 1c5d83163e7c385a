import Foundation
import OmnidashCore

extension Lazada {
    struct ErrorFields: Decodable {
        let code: String?
        let type: String?
        let message: String?
    }

    /// Reads a Lazada response: `code` `"0"` is success; `ApiCallLimit`, `901` and HTTP 429 are throttling; 5xx and
    /// `ISP` errors are transient; `IllegalAccessToken` asks for a refresh; anything else is a permanent failure
    /// (ecommerce-apis.md §2.6). The gateway usually answers errors with HTTP 200 and the code in the body.
    static func classify(_ response: HTTPResponseValue, endpoint: String) -> ResponseVerdict {
        let fields = try? JSONDecoder().decode(ErrorFields.self, from: response.body)
        let code = fields?.code ?? ""
        let message = fields?.message ?? ""
        func error(_ kind: ConnectorError.Kind) -> ConnectorError {
            ConnectorError(kind, platform: .lazada, endpoint: endpoint, code: code.isEmpty ? nil : code,
                           message: message.isEmpty ? "HTTP \(response.status) without an error message" : message,
                           httpStatus: response.status)
        }
        if code == "0" && (200..<300).contains(response.status) { return .success }
        if response.status == 429 || code == "ApiCallLimit" || code == "901" {
            // "this ban will last N seconds"
            let seconds = message.split(separator: " ").compactMap { Int($0) }.last
            return .throttled(reason: code.isEmpty ? "HTTP 429" : "\(code): \(message)", after: seconds.map { .seconds($0) })
        }
        if response.status >= 500 || fields?.type == "ISP" || fields?.type == "SYSTEM" {
            return .transient(reason: code.isEmpty ? "HTTP \(response.status)" : "\(code): \(message)", after: nil)
        }
        if code == "IllegalAccessToken" { return .refreshCredentials(error(.authentication)) }
        if ["IncompleteSignature", "InvalidAppKey", "IllegalRefreshToken", "InvalidCode", "InvalidTimestamp"].contains(code) {
            return .fail(error(.authentication))
        }
        guard fields != nil else {
            return .fail(ConnectorError(.invalidResponse, platform: .lazada, endpoint: endpoint,
                                        message: "the response is not Lazada's JSON envelope", httpStatus: response.status))
        }
        return .fail(error(.rejected))
    }
}
