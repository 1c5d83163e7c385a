import Foundation
import Hummingbird

/// A TikTok Shop error answer: the success envelope's `{"code","message","request_id","data":null}` with a non-zero
/// integer `code` (ecommerce-apis.md §3.4, §3.6; `data` is `null` as in the observed error samples).
///
/// HTTP status, chosen so a client must read `code` from any status, as the SDKs do:
/// - 429 for throttling (36009002), as documented;
/// - 400 for the gateway's request checks (36009004: missing or invalid `app_key`, `sign`, `timestamp`, access token,
///   `shop_cipher`, or a parameter; 106013: missing `shop_cipher`), as a live call with a fake `app_key` was observed
///   to answer;
/// - 401 for a wrong signature (106001) and an expired access token (105002): credentials the client must fix or
///   refresh;
/// - 404 for an unknown path (36009009, as observed live), 405 for a wrong method (36009010);
/// - 500 or 503 for injected server errors (36009003), the two statuses the reference names.
/// The token endpoints on the auth host answer their errors with HTTP 200 and the code in the body: token exchange
/// is reported as signalled by `code`, not by the status.
struct TikTokShopError: Error {
    let code: Int64
    let message: String
    var status: HTTPResponse.Status = .badRequest

    func response(requestID: String) -> Response {
        HTTPReply.json(status, .object([
            ("code", .int(code)),
            ("message", .string(message)),
            ("request_id", .string(requestID)),
            ("data", .null),
        ]))
    }

    // MARK: Gateway checks (36009004 is overloaded; its messages say which check failed)

    static let missingSign = TikTokShopError(
        code: 36_009_004, message: "Missing credentials. The request does not include a required signature in the query.")
    static let missingAppKey = TikTokShopError(
        code: 36_009_004, message: "Missing credentials. The request does not include the `app_key` query parameter.")
    static let invalidAppKey = TikTokShopError(code: 36_009_004, message: "Invalid credentials. Invalid `app_key` query parameter.")
    static let missingTimestamp = TikTokShopError(
        code: 36_009_004, message: "Missing credentials. The request does not include the `timestamp` query parameter.")
    static let staleTimestamp = TikTokShopError(
        code: 36_009_004,
        message: "Invalid timestamp. The value of the `timestamp` query parameter must not be earlier than 5 minutes before the current time.")
    static let futureTimestamp = TikTokShopError(
        code: 36_009_004,
        message: "Invalid timestamp. The value of the `timestamp` query parameter must not be later than 30 seconds after the current time.")
    static let invalidTimestamp = TikTokShopError(
        code: 36_009_004, message: "Invalid timestamp. The value of the `timestamp` query parameter must not be lesser than 0.")
    static let missingAccessToken = TikTokShopError(
        code: 36_009_004, message: "Missing credentials. The request does not include the `x-tts-access-token` header.")
    static let invalidAccessToken = TikTokShopError(
        code: 36_009_004, message: "Invalid credentials. The `x-tts-access-token` header is invalid.")
    static let unexpectedShopCipher = TikTokShopError(
        code: 36_009_004, message: "Unexpected identifier. The `shop_cipher` query parameter is not required for this request.")
    static let invalidShopCipher = TikTokShopError(
        code: 36_009_004, message: "Invalid identifier. The `shop_cipher` query parameter is invalid.")
    static let missingShopCipher = TikTokShopError(
        code: 106_013, message: "Missing identifier. The request does not include the required `shop_cipher` query parameter.")

    static let invalidSign = TikTokShopError(
        code: 106_001, message: "Invalid credentials. The 'sign' query parameter is invalid.", status: .unauthorized)
    static let expiredAccessToken = TikTokShopError(
        code: 105_002, message: "Expired credentials. The access_token or x-tts-access-token header has expired.", status: .unauthorized)

    static func invalidParameter(_ detail: String) -> TikTokShopError {
        TikTokShopError(code: 36_009_004, message: "Invalid parameter. \(detail)")
    }

    static let invalidPath = TikTokShopError(code: 36_009_009, message: "Invalid path. The requested API path does not exist.",
                                             status: .notFound)
    static let invalidMethod = TikTokShopError(code: 36_009_010, message: "Invalid method. The HTTP method is not supported by this API.",
                                               status: .methodNotAllowed)

    static let tooManyRequests = TikTokShopError(
        code: 36_009_002, message: "Too many requests. You've made too many requests in a short period of time.",
        status: .tooManyRequests)

    /// Injected server errors alternate between a 500 and a 503, both with the retryable internal-error code.
    static func serverError(ordinal: Int) -> TikTokShopError {
        ordinal % 2 == 0
            ? TikTokShopError(code: 36_009_003, message: "Internal error. Please try again later.", status: .internalServerError)
            : TikTokShopError(code: 36_009_003, message: "Service unavailable. Please try again later.", status: .serviceUnavailable)
    }

    // MARK: The auth host (HTTP 200)

    /// An unknown, spent or expired authorisation code, an unknown refresh token, or an app key and secret that do not
    /// match: TikTok finds no authorisation for the request.
    static let noAuthRecord = TikTokShopError(code: 36_004_005, message: "can not find related auth record", status: .ok)
    static let refreshTokenExpired = TikTokShopError(code: 36_004_001, message: "rt has expired", status: .ok)

    static func missingAuthParameter(_ name: String) -> TikTokShopError {
        TikTokShopError(code: 36_009_004, message: "Invalid parameter. `\(name)` is required.", status: .ok)
    }
}
