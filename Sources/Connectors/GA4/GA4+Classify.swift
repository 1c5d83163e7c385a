import Foundation
import OmnidashCore

extension GA4 {
    /// Google's error envelope, `{"error": {"code", "message", "status"}}`.
    struct Failure: Sendable, Equatable {
        var status: String?
        var message: String?

        init?(_ body: Data) {
            guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
                  let error = object["error"] as? [String: Any] else { return nil }
            status = error["status"] as? String
            message = error["message"] as? String
        }
    }

    /// How long GA4's quota message says to wait: concurrent requests free up within seconds, hourly tokens within the
    /// hour (ads-apis.md §4.4; Airbyte backs off 30 s and 30 min for them). `nil` for a daily quota, which no wait
    /// within a sync cures.
    static func quotaWait(_ message: String) -> Duration?? {
        if message.contains("per day") { return .some(nil) }
        if message.contains("concurrent") { return .seconds(30) }
        if message.contains("per hour") || message.contains("thresholded") { return .seconds(1_800) }
        return nil
    }

    /// Reads a Data API response: 429 / `RESOURCE_EXHAUSTED` waits as its message says (a daily quota ends the sync);
    /// 5xx, `INTERNAL`, `UNAVAILABLE` are transient; 401 asks for a new access token; 403 and 400 are final.
    static func classify(_ response: HTTPResponseValue, endpoint: String) -> ResponseVerdict {
        if (200..<300).contains(response.status) { return .success }
        let failure = Failure(response.body)
        let message = failure?.message ?? "HTTP \(response.status) without Google's error envelope"
        func error(_ kind: ConnectorError.Kind, _ text: String = message) -> ConnectorError {
            ConnectorError(kind, platform: .ga4, endpoint: endpoint, code: failure?.status, message: text, httpStatus: response.status)
        }
        let status = failure?.status ?? ""
        if response.status == 429 || status == "RESOURCE_EXHAUSTED" {
            switch quotaWait(message) {
            case .some(.none): return .fail(error(.rateLimited, message + " — the property's daily quota; sync again tomorrow"))
            case .some(.some(let wait)): return .throttled(reason: "RESOURCE_EXHAUSTED: \(message)", after: wait)
            case .none: return .throttled(reason: "RESOURCE_EXHAUSTED: \(message)", after: nil)
            }
        }
        if response.status >= 500 || ["INTERNAL", "UNAVAILABLE", "DEADLINE_EXCEEDED"].contains(status) {
            return .transient(reason: "\(status.isEmpty ? "HTTP \(response.status)" : status): \(message)", after: nil)
        }
        if response.status == 401 || status == "UNAUTHENTICATED" { return .refreshCredentials(error(.authentication)) }
        if response.status == 403 || status == "PERMISSION_DENIED" {
            return .fail(error(.authentication, message + " — add the account as a Viewer on the property"))
        }
        return .fail(error(failure == nil ? .invalidResponse : .rejected))
    }

    /// Reads the token endpoint's answer: OAuth's `{"error", "error_description"}`; 429 and 5xx are retried, the rest
    /// is final.
    static func classifyToken(_ response: HTTPResponseValue, endpoint: String) -> ResponseVerdict {
        if (200..<300).contains(response.status) { return .success }
        let body = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        let code = body?["error"] as? String
        let message = body?["error_description"] as? String ?? "HTTP \(response.status)"
        if response.status == 429 { return .throttled(reason: "\(code ?? "HTTP 429"): \(message)", after: nil) }
        if response.status >= 500 { return .transient(reason: "\(code ?? "HTTP \(response.status)"): \(message)", after: nil) }
        return .fail(ConnectorError(.authentication, platform: .ga4, endpoint: endpoint, code: code, message: message,
                                    httpStatus: response.status))
    }
}
