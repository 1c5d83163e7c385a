import Foundation
import OmnidashCore

extension TikTokAds {
    /// TikTok's envelope: business errors arrive with HTTP 200 and a non-zero `code` (ads-apis.md §6.3).
    struct Envelope: Decodable {
        let code: Int?
        let message: String?
        let requestID: String?
        enum CodingKeys: String, CodingKey { case code, message, requestID = "request_id" }
    }

    /// Rate limits: REQUEST_TOO_FREQUENT and REQUEST_FREQUENCY_LIMITED.
    static let throttleCodes: Set<Int> = [40100, 40132]
    /// SYS_ERROR, SYS_TIMEOUT and the 51xxx internal service errors: worth another try.
    static func isTransient(_ code: Int) -> Bool { code == 50000 || code == 50002 || (51000...51999).contains(code) }
    /// Codes about the token or the advertiser's authorisation: no retry helps, and TikTok has no refresh flow for
    /// advertiser tokens, so the seller must authorise again.
    static let credentialCodes: Set<Int> = [40001, 40102, 40104, 40105, 40107, 40113, 40130, 40300, 40301]

    static func classify(_ response: HTTPResponseValue, endpoint: String) -> ResponseVerdict {
        if response.status == 429 { return .throttled(reason: "HTTP 429", after: nil) }
        if response.status >= 500 { return .transient(reason: "HTTP \(response.status)", after: nil) }
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: response.body), let code = envelope.code else {
            return .fail(ConnectorError(.invalidResponse, platform: .tiktokAds, endpoint: endpoint,
                                        message: "HTTP \(response.status) without TikTok's envelope (no `code`)", httpStatus: response.status))
        }
        if code == 0 { return .success }
        var message = envelope.message ?? "no message"
        if let requestID = envelope.requestID { message += " (request_id \(requestID))" }
        if throttleCodes.contains(code) { return .throttled(reason: "\(code): \(message)", after: nil) }
        if isTransient(code) { return .transient(reason: "\(code): \(message)", after: nil) }
        let kind: ConnectorError.Kind = credentialCodes.contains(code) ? .authentication : .rejected
        return .fail(ConnectorError(kind, platform: .tiktokAds, endpoint: endpoint, code: String(code), message: message,
                                    httpStatus: response.status))
    }
}
