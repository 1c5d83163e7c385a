import Hummingbird

/// An error as the GA4 Data API answers it: a `google.rpc.Status` JSON envelope, `{"error": {"code", "message",
/// "status"}}` (ads-apis.md §4.4; payloads `ga4_error_*.json`).
struct GA4Error: Error, Sendable {
    let httpStatus: HTTPResponse.Status
    let status: String
    let message: String

    static func invalidArgument(_ message: String) -> GA4Error {
        GA4Error(httpStatus: .badRequest, status: "INVALID_ARGUMENT", message: message)
    }

    static func unknownDimension(_ name: String) -> GA4Error {
        invalidArgument("Field \(name) is not a valid dimension. For a list of valid dimensions and metrics, see "
            + "https://developers.google.com/analytics/devguides/reporting/data/v1/api-schema ")
    }

    static func unknownMetric(_ name: String) -> GA4Error {
        invalidArgument("Field \(name) is not a valid metric. For a list of valid dimensions and metrics, see "
            + "https://developers.google.com/analytics/devguides/reporting/data/v1/api-schema ")
    }

    static let permissionDenied = GA4Error(
        httpStatus: .forbidden, status: "PERMISSION_DENIED",
        message: "User does not have sufficient permissions for this property. To learn more about Property ID, see "
            + "https://developers.google.com/analytics/devguides/reporting/data/v1/property-id.")

    static let unauthenticated = GA4Error(
        httpStatus: .unauthorized, status: "UNAUTHENTICATED",
        message: "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid "
            + "authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.")

    static let insufficientScope = GA4Error(
        httpStatus: .forbidden, status: "PERMISSION_DENIED", message: "Request had insufficient authentication scopes.")

    /// The property's quota ran out; `ordinal` rotates through the hourly and the concurrent-requests messages (the
    /// daily one would end a sync, so the throttle fault never sends it).
    static func quota(ordinal: Int) -> GA4Error {
        let messages = [
            "Exhausted property tokens per hour. These quota tokens will return in under an hour. To learn more, see "
                + "https://developers.google.com/analytics/devguides/reporting/data/v1/quotas",
            "Exhausted concurrent requests quota. To learn more, see https://developers.google.com/analytics/devguides/reporting/data/v1/quotas",
        ]
        return GA4Error(httpStatus: .tooManyRequests, status: "RESOURCE_EXHAUSTED", message: messages[ordinal % messages.count])
    }

    static func server(ordinal: Int) -> GA4Error {
        ordinal % 2 == 0
            ? GA4Error(httpStatus: .internalServerError, status: "INTERNAL", message: "Internal error encountered.")
            : GA4Error(httpStatus: .serviceUnavailable, status: "UNAVAILABLE", message: "The service is currently unavailable.")
    }

    static func notFound(_ path: String) -> GA4Error {
        GA4Error(httpStatus: .notFound, status: "NOT_FOUND", message: "The requested URL \(path) was not found on this server.")
    }

    var response: Response {
        HTTPReply.json(httpStatus, .object([("error", .object([
            ("code", .int(Int64(httpStatus.code))), ("message", .string(message)), ("status", .string(status)),
        ]))]))
    }
}
