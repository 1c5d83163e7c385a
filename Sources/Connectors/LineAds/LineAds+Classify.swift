import Foundation
import OmnidashCore

extension LineAds {
    /// LINE documents its errors by HTTP status only (400, 401, 403, 429, 500); a body's first
    /// `errors[].reason`/`message` is quoted when there is one, else the start of the body.
    static func classify(_ response: HTTPResponseValue, endpoint: String) -> ResponseVerdict {
        if (200..<300).contains(response.status) { return .success }
        let (code, message) = errorText(response.body)
        let error = { (kind: ConnectorError.Kind) in
            ConnectorError(kind, platform: .lineAds, endpoint: endpoint, code: code, message: message, httpStatus: response.status)
        }
        switch response.status {
        case 429:
            let after = response.headers["retry-after"].flatMap(Double.init).map { Duration.seconds($0) }
            return .throttled(reason: "HTTP 429: \(message)", after: after)
        case 500...:
            return .transient(reason: "HTTP \(response.status): \(message)", after: nil)
        case 401:
            // Each attempt is signed afresh with the current Date, so a refused signature is tried once more
            // (a clock that moved, a stale Date) before the sync stops on a wrong key or secret.
            return .refreshCredentials(error(.authentication))
        case 403:
            return .fail(error(.authentication))
        default:
            return .fail(error(.rejected))
        }
    }

    private struct ErrorBody: Decodable {
        struct Entry: Decodable {
            let reason: String?
            let message: String?
        }
        let errors: [Entry]?
    }

    private static func errorText(_ body: Data) -> (code: String?, message: String) {
        if let entry = (try? JSONDecoder().decode(ErrorBody.self, from: body))?.errors?.first {
            return (entry.reason, entry.message ?? "no message")
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        return (nil, text.isEmpty ? "no body" : text)
    }
}
