import Foundation
import Hummingbird

/// A LINE Ads API error answer. Only the status codes are documented (400, 401, 403, 404, 429, 500; ads-apis.md
/// §7.2); no official error body was found, so the body is a plain, stable shape of the Sandbox's own,
/// `{"errors":[{"reason":"UNAUTHORIZED","message":"…"}]}` (the reference's `line_ads_error.json` guess). Clients
/// should act on the status and keep the body.
struct LineAdsError: Error {
    let status: HTTPResponse.Status
    let reason: String
    let message: String

    func response() -> Response {
        var headers: HTTPFields = [:]
        if status == .tooManyRequests { HTTPReply.set("retry-after", "1", in: &headers) }
        let body: JSONValue = .object([("errors", .array([.object([("reason", .string(reason)), ("message", .string(message))])]))])
        return HTTPReply.json(status, body, headers: headers)
    }

    static func badRequest(_ message: String) -> LineAdsError {
        LineAdsError(status: .badRequest, reason: "INVALID_PARAMETER", message: message)
    }

    static func unauthorized(_ message: String) -> LineAdsError {
        LineAdsError(status: .unauthorized, reason: "UNAUTHORIZED", message: message)
    }

    static func forbidden(_ message: String) -> LineAdsError {
        LineAdsError(status: .forbidden, reason: "FORBIDDEN", message: message)
    }

    static func notFound(_ path: String) -> LineAdsError {
        LineAdsError(status: .notFound, reason: "NOT_FOUND", message: "No resource at \(path)")
    }

    static let tooManyRequests = LineAdsError(status: .tooManyRequests, reason: "TOO_MANY_REQUESTS", message: "Rate limit exceeded.")

    static let serverError = LineAdsError(status: .internalServerError, reason: "INTERNAL_SERVER_ERROR",
                                          message: "An internal error occurred. Please try again later.")
}
