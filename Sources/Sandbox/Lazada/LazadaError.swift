import Hummingbird

/// A Lazada error answer, `{"type","code","message","request_id"}` (ecommerce-apis.md §2.4, §2.6).
///
/// Lazada's gateway answers business errors with HTTP 200 and the code in the body, as its SDKs expect (they read
/// `code` and never the status). Only the injected server errors use 5xx, and an unknown path is a 404.
struct LazadaError: Error {
    /// `ISV` (the caller's data), `ISP` (a backend service: retry later) or `SYSTEM`.
    let type: String
    let code: String
    let message: String
    var status: HTTPResponse.Status = .ok

    var response: Response {
        HTTPReply.json(status, .object([
            ("type", .string(type)),
            ("code", .string(code)),
            ("message", .string(message)),
            ("request_id", .string(HTTPReply.requestID())),
        ]))
    }

    static func missingParameter(_ name: String) -> LazadaError {
        LazadaError(type: "ISV", code: "MissingParameter",
                    message: "The input parameter \"\(name)\" that is mandatory for processing this request is not supplied")
    }

    static func invalidParameter(_ name: String, _ detail: String) -> LazadaError {
        LazadaError(type: "ISV", code: "InvalidParameter", message: "The specified parameter \"\(name)\" is invalid: \(detail)")
    }

    static let incompleteSignature = LazadaError(
        type: "ISV", code: "IncompleteSignature", message: "The request signature does not conform to lazada standards")
    static let invalidAppKey = LazadaError(type: "ISV", code: "InvalidAppKey", message: "The specified app key is invalid")
    static let invalidTimestamp = LazadaError(
        type: "ISV", code: "InvalidTimestamp", message: "The specified timestamp is invalid or out of the allowed 7200 seconds")
    static let illegalAccessToken = LazadaError(
        type: "ISV", code: "IllegalAccessToken", message: "The specified access token is invalid or expired")
    static let illegalRefreshToken = LazadaError(
        type: "ISV", code: "IllegalRefreshToken", message: "The specified refresh token is invalid or expired")
    static let invalidCode = LazadaError(type: "ISV", code: "InvalidCode", message: "Invalid authorization code")
    static func invalidDateFormat(_ value: String) -> LazadaError {
        LazadaError(type: "ISV", code: "17", message: "E017: \"\(value)\" Invalid Date Format")
    }
    static let invalidOffset = LazadaError(type: "ISV", code: "14", message: "E014: Invalid Offset")
    static let invalidLimit = LazadaError(type: "ISV", code: "19", message: "E019: Invalid Limit")
    static let invalidOrderIDs = LazadaError(type: "ISV", code: "56", message: "E056: Invalid Order ID List")
    static let notFound = LazadaError(type: "ISV", code: "InvalidApiPath", message: "The specified API path is invalid",
                                      status: .notFound)

    /// Throttling rotates between the gateway's frequency ban and the API's own E901.
    static func throttled(ordinal: Int) -> LazadaError {
        ordinal % 2 == 0
            ? LazadaError(type: "ISV", code: "ApiCallLimit", message: "Api access frequency exceeds the limit. this ban will last 1 seconds")
            : LazadaError(type: "ISP", code: "901", message: "E901: The request is too frequent, please try again later")
    }

    static func serverError(ordinal: Int) -> LazadaError {
        ordinal % 2 == 0
            ? LazadaError(type: "SYSTEM", code: "ServiceUnavailable", message: "The service is temporarily unavailable",
                          status: .serviceUnavailable)
            : LazadaError(type: "ISP", code: "InternalError", message: "The request processing has failed due to some unknown error",
                          status: .internalServerError)
    }
}
