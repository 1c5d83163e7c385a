import Hummingbird

/// A Shopee error answer: `{"request_id","error","message"}` with the documented code and message.
///
/// HTTP status: Shopee's docs give no status per error and the reference observes that business errors usually
/// arrive with HTTP 200 (ecommerce-apis.md §1.7), so every envelope error here — signature, token, parameter and
/// business errors alike — is HTTP 200 with the code in `error`. Only the injected faults use other statuses:
/// 429 for throttling and 5xx for server errors, and an unknown path is a 404.
struct ShopeeError: Error {
    let code: String
    let message: String
    var status: HTTPResponse.Status = .ok

    var response: Response {
        HTTPReply.json(status, .object([
            ("request_id", .string(HTTPReply.requestID())),
            ("error", .string(code)),
            ("message", .string(message)),
        ]))
    }

    static func param(_ message: String) -> ShopeeError { ShopeeError(code: "error_param", message: message) }

    /// `Wrong parameters, detail: {msg}.` with the detail filled in.
    static func wrongParameters(_ detail: String) -> ShopeeError {
        param("Wrong parameters, detail: \(detail).")
    }

    static let wrongSign = ShopeeError(code: "error_sign", message: "Wrong sign.")
    static let invalidAccessToken = ShopeeError(code: "error_auth", message: "Invalid access_token.")
    static let invalidPartnerOrShop = ShopeeError(code: "error_auth", message: "Invalid partner_id or shopid.")
    static let invalidRefreshToken = ShopeeError(code: "error_auth", message: "Invalid refresh_token.")
    static let refreshTokenExpired = ShopeeError(code: "refresh_token_expired", message: "Your refresh_token expired.")
    static let invalidCode = ShopeeError(code: "error_auth", message: "Invalid code.")
    static let orderListInvalidTime = ShopeeError(
        code: "order.order_list_invalid_time", message: "Start time must be earlier than end time and diff in 15days.")
    static let notFound = ShopeeError(code: "error_not_found", message: "Wrong api path.", status: .notFound)

    /// The throttling answer. Shopee documents no generic (non-ads) throttle code (ecommerce-apis.md §1.7, open
    /// question 1): the code here is unverified, chosen to contain `too_many` as the reference expects, with HTTP 429.
    static let tooManyRequests = ShopeeError(
        code: "error_too_many_request", message: "Too many requests, please try again later.", status: .tooManyRequests)

    /// Injected server errors alternate between a 500 `error_server` and a 503 `error_system_busy`.
    static func serverError(ordinal: Int) -> ShopeeError {
        ordinal % 2 == 0
            ? ShopeeError(code: "error_server", message: "System error. Please try again later.", status: .internalServerError)
            : ShopeeError(code: "error_system_busy", message: "System busy, please try again later.", status: .serviceUnavailable)
    }
}
