import Hummingbird

/// An error as the Google Ads API answers it: a `google.rpc.Status` (`code`, `message`, `status`) whose `details` hold
/// one `GoogleAdsFailure` with its `errors` (`errorCode` is a one-of whose key names the category) and the request id
/// (ads-apis.md §3.4). `searchStream` wraps the object in a JSON array; `search` and the other methods do not.
struct GoogleAdsError: Error, Sendable {
    let httpStatus: HTTPResponse.Status
    /// The rpc status name: `INVALID_ARGUMENT`, `UNAUTHENTICATED`, `PERMISSION_DENIED`, `RESOURCE_EXHAUSTED`, …
    let status: String
    let message: String
    /// `(category, code, message)`: `("queryError", "UNRECOGNIZED_FIELD", "…")`.
    var errors: [(category: String, code: String, message: String)] = []
    /// A quota error's `retryDelay` in seconds.
    var retryDelaySeconds: Int?

    static func query(_ failure: GAQLQuery.Failure) -> GoogleAdsError {
        GoogleAdsError(httpStatus: .badRequest, status: "INVALID_ARGUMENT", message: "Request contains an invalid argument.",
                       errors: [("queryError", failure.code, failure.message)])
    }

    static func request(_ code: String, _ message: String) -> GoogleAdsError {
        GoogleAdsError(httpStatus: .badRequest, status: "INVALID_ARGUMENT", message: "Request contains an invalid argument.",
                       errors: [("requestError", code, message)])
    }

    static func unauthenticated(_ code: String, _ message: String) -> GoogleAdsError {
        GoogleAdsError(httpStatus: .unauthorized, status: "UNAUTHENTICATED",
                       message: "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie "
                           + "or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
                       errors: [("authenticationError", code, message)])
    }

    static func permissionDenied(_ code: String, _ message: String) -> GoogleAdsError {
        GoogleAdsError(httpStatus: .forbidden, status: "PERMISSION_DENIED", message: "The caller does not have permission",
                       errors: [("authorizationError", code, message)])
    }

    static let userPermissionDenied = permissionDenied(
        "USER_PERMISSION_DENIED",
        "User doesn't have permission to access customer. Note: If you're accessing a client customer, the manager's customer id "
            + "must be set in the 'login-customer-id' header. See https://developers.google.com/google-ads/api/docs/concepts/call-structure#cid")

    /// Throttling, as the basic-access developer token meets it.
    static func quota(retryAfter seconds: Int) -> GoogleAdsError {
        GoogleAdsError(httpStatus: .tooManyRequests, status: "RESOURCE_EXHAUSTED", message: "Resource has been exhausted (e.g. check quota).",
                       errors: [("quotaError", "RESOURCE_EXHAUSTED", "Too many requests. Retry in \(seconds) seconds.")],
                       retryDelaySeconds: seconds)
    }

    /// A server failure; `ordinal` alternates between Google's two transient answers.
    static func server(ordinal: Int) -> GoogleAdsError {
        ordinal % 2 == 0
            ? GoogleAdsError(httpStatus: .internalServerError, status: "INTERNAL", message: "Internal error encountered.",
                             errors: [("internalError", "INTERNAL_ERROR", "An internal error has occurred.")])
            : GoogleAdsError(httpStatus: .serviceUnavailable, status: "UNAVAILABLE", message: "The service is currently unavailable.",
                             errors: [("internalError", "TRANSIENT_ERROR", "The service is currently unavailable. Retry the request.")])
    }

    func body(version: String, requestID: String) -> JSONValue {
        let failures: [JSONValue] = errors.map { error in
            var members: [(String, JSONValue)] = [("errorCode", .object([(error.category, .string(error.code))])),
                                                   ("message", .string(error.message))]
            if let retryDelaySeconds {
                members.append(("details", .object([("quotaErrorDetails", .object([
                    ("rateScope", "DEVELOPER"), ("rateName", "Number of operations for basic access"),
                    ("retryDelay", .string("\(retryDelaySeconds)s")),
                ]))])))
            }
            return .object(members)
        }
        return .object([("error", .object([
            ("code", .int(Int64(httpStatus.code))),
            ("message", .string(message)),
            ("status", .string(status)),
            ("details", .array([.object([
                ("@type", .string("type.googleapis.com/google.ads.googleads.\(version).errors.GoogleAdsFailure")),
                ("errors", .array(failures)),
                ("requestId", .string(requestID)),
            ])])),
        ]))])
    }

    /// The response; `streamed` wraps the error in an array, as `searchStream` answers.
    func response(version: String, requestID: String, streamed: Bool) -> Response {
        let body = self.body(version: version, requestID: requestID)
        return HTTPReply.json(httpStatus, streamed ? .array([body]) : body)
    }
}
