import Foundation
import OmnidashCore

extension FacebookAds {
    struct ErrorEnvelope: Decodable {
        struct Body: Decodable {
            let message: String?
            let type: String?
            let code: Int?
            let errorSubcode: Int?
            let isTransient: Bool?
            enum CodingKeys: String, CodingKey {
                case message, type, code, errorSubcode = "error_subcode", isTransient = "is_transient"
            }
        }
        let error: Body
    }

    /// Meta's throttling codes: application, user, pages, custom and business-use-case limits (ads-apis.md §1.4).
    static let throttleCodes: Set<Int> = [4, 17, 32, 613, 80000, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80009, 80014]

    static func classify(_ response: HTTPResponseValue, endpoint: String) -> ResponseVerdict {
        let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: response.body)
        guard let body = envelope?.error else {
            if (200..<300).contains(response.status) { return .success }
            if response.status == 429 { return .throttled(reason: "HTTP 429", after: usageHint(response.headers)) }
            if response.status >= 500 { return .transient(reason: "HTTP \(response.status)", after: nil) }
            return .fail(ConnectorError(.invalidResponse, platform: .facebookAds, endpoint: endpoint,
                                        message: "HTTP \(response.status) without Meta's error envelope", httpStatus: response.status))
        }
        let code = body.code ?? 0
        let message = body.message ?? "no message"
        let codeText = body.errorSubcode.map { "\(code)/\($0)" } ?? "\(code)"
        let error = { (kind: ConnectorError.Kind) in
            ConnectorError(kind, platform: .facebookAds, endpoint: endpoint, code: codeText, message: message, httpStatus: response.status)
        }
        if throttleCodes.contains(code) {
            return .throttled(reason: "\(codeText): \(message)", after: usageHint(response.headers))
        }
        // Temporary failures Meta says to retry: code 2, is_transient, unknown error 1/99, batch timeout 960, HTTP 5xx.
        if code == 2 || body.isTransient == true || (code == 1 && (body.errorSubcode == 99 || response.status >= 500))
            || code == 960 || response.status >= 500 {
            return .transient(reason: "\(codeText): \(message)", after: nil)
        }
        if code == 190 || code == 102 || code == 200 || body.type == "OAuthException" && code == 10 {
            return .fail(error(.authentication))
        }
        return .fail(error(.rejected))
    }

    /// How long Meta says to wait: the business-use-case header's `estimated_time_to_regain_access` (minutes),
    /// else the ad-account header's `reset_time_duration` (seconds).
    static func usageHint(_ headers: [String: String]) -> Duration? {
        if let text = headers["x-business-use-case-usage"], let data = text.data(using: .utf8),
           let usage = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            let minutes = usage.values.compactMap { $0 as? [[String: Any]] }.flatMap { $0 }
                .compactMap { ($0["estimated_time_to_regain_access"] as? NSNumber)?.doubleValue }.max()
            if let minutes, minutes > 0 { return .seconds(minutes * 60) }
        }
        if let text = headers["x-ad-account-usage"], let data = text.data(using: .utf8),
           let usage = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           let seconds = (usage["reset_time_duration"] as? NSNumber)?.doubleValue, seconds > 0 {
            return .seconds(seconds)
        }
        return nil
    }

    /// The highest utilisation Meta reports for the app or the account, in percent, from any usage header.
    static func utilisation(_ headers: [String: String]) -> Double {
        var highest = 0.0
        for name in ["x-fb-ads-insights-throttle", "x-app-usage", "x-ad-account-usage"] {
            guard let text = headers[name], let data = text.data(using: .utf8),
                  let usage = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            for key in ["app_id_util_pct", "acc_id_util_pct", "call_count", "total_time", "total_cputime"] {
                if let value = (usage[key] as? NSNumber)?.doubleValue { highest = max(highest, value) }
            }
        }
        return highest
    }
}
