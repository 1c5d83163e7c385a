import Foundation
import OmnidashCore

extension GoogleAds {
    /// What a Google error says: the rpc status, its message, and the first `GoogleAdsFailure` error's code
    /// (`quotaError.RESOURCE_EXHAUSTED`) and retry delay.
    struct Failure: Sendable, Equatable {
        var httpStatus: Int
        var status: String?
        var message: String?
        /// `category.NAME`, e.g. `authenticationError.OAUTH_TOKEN_EXPIRED`.
        var code: String?
        var detailMessage: String?
        var retryDelay: Duration?

        /// Reads `{"error": …}` or, as `searchStream` answers, `[{"error": …}]`; `nil` when the body is neither.
        init?(_ body: Data, httpStatus: Int) {
            guard let json = try? JSONSerialization.jsonObject(with: body) else { return nil }
            let object = (json as? [String: Any]) ?? (json as? [[String: Any]])?.first { $0["error"] != nil }
            guard let error = object?["error"] as? [String: Any] else { return nil }
            self.httpStatus = httpStatus
            status = error["status"] as? String
            message = error["message"] as? String
            let details = (error["details"] as? [[String: Any]]) ?? []
            let first = details.compactMap { ($0["errors"] as? [[String: Any]])?.first }.first
            if let codes = first?["errorCode"] as? [String: Any], let (category, name) = codes.first.map({ ($0.key, "\($0.value)") }) {
                code = "\(category).\(name)"
            }
            detailMessage = first?["message"] as? String
            if let delay = ((first?["details"] as? [String: Any])?["quotaErrorDetails"] as? [String: Any])?["retryDelay"] as? String {
                retryDelay = Failure.duration(delay)
            }
        }

        /// A proto Duration's JSON text (`"27s"`, `"1.5s"`).
        static func duration(_ text: String) -> Duration? {
            guard text.hasSuffix("s"), let seconds = Double(text.dropLast()), seconds >= 0 else { return nil }
            return .milliseconds(Int64(seconds * 1_000))
        }

        var summary: String { [detailMessage, message].compactMap { $0 }.first ?? "HTTP \(httpStatus)" }
    }

    /// Authentication codes that a new access token cures.
    static let refreshableCodes: Set<String> = [
        "authenticationError.OAUTH_TOKEN_EXPIRED", "authenticationError.OAUTH_TOKEN_INVALID",
        "authenticationError.OAUTH_TOKEN_REVOKED", "authenticationError.OAUTH_TOKEN_HEADER_INVALID",
    ]

    /// Reads a Google Ads API response: 429 / `RESOURCE_EXHAUSTED` is throttling (waiting `retryDelay`); 5xx, `INTERNAL`,
    /// `UNAVAILABLE` and `DEADLINE_EXCEEDED` are transient; 401 asks for a new access token unless the developer token
    /// is at fault; anything else (a 400 query error, a 403 permission error) is final and names Google's code.
    static func classify(_ response: HTTPResponseValue, endpoint: String) -> ResponseVerdict {
        if (200..<300).contains(response.status) { return .success }
        let failure = Failure(response.body, httpStatus: response.status)
        let error = { (kind: ConnectorError.Kind) in
            ConnectorError(kind, platform: .googleAds, endpoint: endpoint, code: failure?.code ?? failure?.status,
                           message: failure?.summary ?? "HTTP \(response.status) without Google's error envelope",
                           httpStatus: response.status)
        }
        let status = failure?.status ?? ""
        if response.status == 429 || status == "RESOURCE_EXHAUSTED" {
            return .throttled(reason: "\(failure?.code ?? "HTTP 429"): \(failure?.summary ?? "")", after: failure?.retryDelay)
        }
        if response.status >= 500 || ["INTERNAL", "UNAVAILABLE", "DEADLINE_EXCEEDED"].contains(status) {
            return .transient(reason: "\(failure?.code ?? "HTTP \(response.status)"): \(failure?.summary ?? "")", after: nil)
        }
        if response.status == 401 || status == "UNAUTHENTICATED" {
            if let code = failure?.code, !refreshableCodes.contains(code) { return .fail(error(.authentication)) }
            return .refreshCredentials(error(.authentication))
        }
        if response.status == 403 || status == "PERMISSION_DENIED" { return .fail(error(.authentication)) }
        guard failure != nil else { return .fail(error(.invalidResponse)) }
        return .fail(error(.rejected))
    }

    /// Reads the token endpoint's answer: OAuth's `{"error", "error_description"}`; `invalid_grant` (a revoked or expired
    /// refresh token) and `invalid_client` are final, 429 and 5xx are retried.
    static func classifyToken(_ response: HTTPResponseValue, endpoint: String) -> ResponseVerdict {
        if (200..<300).contains(response.status) { return .success }
        let body = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        let code = body?["error"] as? String
        let message = body?["error_description"] as? String ?? "HTTP \(response.status)"
        if response.status == 429 { return .throttled(reason: "\(code ?? "HTTP 429"): \(message)", after: nil) }
        if response.status >= 500 { return .transient(reason: "\(code ?? "HTTP \(response.status)"): \(message)", after: nil) }
        return .fail(ConnectorError(.authentication, platform: .googleAds, endpoint: endpoint, code: code,
                                    message: message + (code == "invalid_grant" ? " — authorise Omnidash again and update refresh_token" : ""),
                                    httpStatus: response.status))
    }
}
