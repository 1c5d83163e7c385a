import Foundation
import Hummingbird

/// A TikTok Marketing API business error: HTTP 200 with `{"code", "message", "request_id", "data": {}}` and a non-zero
/// code from the SDK's `tiktok_code.py` (ads-apis.md §6.3–6.4). Validation messages follow TikTok's
/// `field: reason.` style.
struct TikTokAdsError: Error, Equatable {
    let code: Int
    let message: String

    func response(requestID: String) -> Response {
        TikTokAdsEmulator.envelope(code: code, message: message, requestID: requestID, data: .object([]))
    }

    static let emptyToken = TikTokAdsError(code: 40104, message: "Access token is null, please add the Access-Token header.")
    static let invalidToken = TikTokAdsError(code: 40105, message: "Access token is incorrect or has been revoked.")
    static let expiredToken = TikTokAdsError(code: 40102, message: "Access token has expired.")
    static let tooManyRequests = TikTokAdsError(code: 40100, message: "Too many requests. Please retry in some time.")
    static let systemError = TikTokAdsError(code: 50000, message: "System error.")
    static let notFound = TikTokAdsError(code: 40000, message: "The requested API path does not exist.")
    static let methodNotAllowed = TikTokAdsError(code: 40000, message: "The request method is not supported by this API.")

    /// `40002`: one parameter is wrong.
    static func parameter(_ field: String, _ reason: String) -> TikTokAdsError {
        TikTokAdsError(code: 40002, message: "\(field): \(reason)")
    }

    static func missing(_ field: String) -> TikTokAdsError { parameter(field, "Missing data for required field.") }

    /// `40001`: the token was not granted this advertiser.
    static func noPermission(advertiser: String) -> TikTokAdsError {
        TikTokAdsError(code: 40001, message: "No permission to operate advertiser \(advertiser).")
    }
}
