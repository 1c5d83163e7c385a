import Foundation
import Hummingbird

/// A Graph API error answer: `{"error":{"message","type","code","error_subcode","is_transient","fbtrace_id"}}`
/// (ads-apis.md §1.4), with the HTTP status Meta uses for it.
struct GraphError: Error {
    var status: HTTPResponse.Status = .badRequest
    let message: String
    var type = "OAuthException"
    let code: Int
    var subcode: Int?
    var isTransient: Bool?

    func response(headers: HTTPFields = [:]) -> Response {
        var fields: [(String, JSONValue)] = [
            ("message", .string(message)),
            ("type", .string(type)),
            ("code", .int(Int64(code))),
        ]
        if let subcode { fields.append(("error_subcode", .int(Int64(subcode)))) }
        if let isTransient { fields.append(("is_transient", .bool(isTransient))) }
        fields.append(("fbtrace_id", .string(GraphError.traceID())))
        var headers = headers
        if code == 190 || code == 104 {
            // Meta names the OAuth problem in this header too; the body stays the source of truth.
            HTTPReply.set("www-authenticate", "OAuth \"Facebook Platform\" \"invalid_token\" \"\(message)\"", in: &headers)
        }
        return HTTPReply.json(status, .object([("error", .object(fields))]), headers: headers)
    }

    // MARK: - The errors the emulator gives

    static let missingToken = GraphError(message: "An access token is required to request this resource.", code: 104)

    static let invalidToken = GraphError(
        message: "Invalid OAuth access token - Cannot parse access token", code: 190)

    /// The answer for a token that has expired (code 190, subcode 463), dated like Meta's, in Pacific time.
    static func expiredToken(now: Date) -> GraphError {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "America/Los_Angeles")
        formatter.dateFormat = "EEEE, dd-MMM-yy HH:mm:ss zzz"
        let expired = formatter.string(from: now.addingTimeInterval(-3_600))
        let current = formatter.string(from: now)
        return GraphError(
            message: "Error validating access token: Session has expired on \(expired). The current time is \(current).",
            code: 190, subcode: 463)
    }

    static let missingAppSecretProof = GraphError(
        message: "API calls from the server require an appsecret_proof argument", type: "GraphMethodException", code: 100)

    static let invalidAppSecretProof = GraphError(
        message: "Invalid appsecret_proof provided in the API argument", type: "GraphMethodException", code: 100)

    static func unsupportedGet(objectID: String) -> GraphError {
        GraphError(
            message: "Unsupported get request. Object with ID '\(objectID)' does not exist, cannot be loaded due to "
                + "missing permissions, or does not support this operation. Please read the Graph API documentation "
                + "at https://developers.facebook.com/docs/graph-api",
            type: "GraphMethodException", code: 100, subcode: 33)
    }

    static func unsupportedPost(objectID: String) -> GraphError {
        GraphError(
            message: "Unsupported post request. Object with ID '\(objectID)' does not exist, cannot be loaded due to "
                + "missing permissions, or does not support this operation. Please read the Graph API documentation "
                + "at https://developers.facebook.com/docs/graph-api",
            type: "GraphMethodException", code: 100, subcode: 33)
    }

    /// A Marketing API version past its expiry: `(#2635) You are calling a deprecated version of the Ads API. Please
    /// update to the latest version: vNN.0.` (Meta blog 2024-04-16 "Upcoming change in Marketing API version
    /// deprecation"; the wording as quoted in SDK issues, e.g. facebook-nodejs-business-sdk #239). Meta may instead
    /// auto-upgrade a call whose endpoint did not change (same blog); the Sandbox always refuses, so a client learns.
    static func deprecatedVersion(latest: GraphVersion) -> GraphError {
        GraphError(
            message: "(#2635) You are calling a deprecated version of the Ads API. Please update to the latest version: "
                + "\(latest).",
            code: 2635)
    }

    /// A version Meta never released. UNVERIFIED: a client (koala issue #611) reports "Unknown path components" for a
    /// mistyped version; the exact text Meta gives for, say, `v99.0` is not documented.
    static func unknownVersion(_ version: String, rest: String) -> GraphError {
        GraphError(message: "Unknown path components: /\(version)\(rest)", code: 2500)
    }

    /// More than 50 requests in one batch. The message and type are as a Meta answer quoted on pastebin.com/5PVMMuhq;
    /// the code is UNVERIFIED (that quote leaves it out).
    static let batchTooLarge = GraphError(
        message: "Too many requests in batch message. Maximum batch size is 50", type: "GraphBatchException", code: 1)

    static func unknownPath(_ components: String) -> GraphError {
        GraphError(message: "Unknown path components: \(components)", code: 2500)
    }

    /// `(#100) …`: an invalid parameter.
    static func invalidParameter(_ detail: String) -> GraphError {
        GraphError(message: "(#100) \(detail)", code: 100)
    }

    /// Injected throttles rotate through the three codes connectors must treat as rate limits: the Ads Insights
    /// business-use-case limit (80000), the user limit (17) and the application limit (4).
    static func throttle(ordinal: Int) -> GraphError {
        switch ordinal % 3 {
        case 0:
            GraphError(
                message: "(#80000) There have been too many calls from this ad-account. Wait a bit and try again. "
                    + "For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
                code: 80_000, subcode: 2_446_079)
        case 1:
            GraphError(message: "(#17) User request limit reached", code: 17, subcode: 2_446_079)
        default:
            GraphError(message: "(#4) Application request limit reached", code: 4, subcode: 1_504_022)
        }
    }

    /// Injected server errors alternate between an unknown error (HTTP 500, code 1) and a transient one
    /// (HTTP 503, code 2, `is_transient`).
    static func serverError(ordinal: Int) -> GraphError {
        ordinal % 2 == 0
            ? GraphError(status: .internalServerError, message: "An unknown error occurred", code: 1, subcode: 99)
            : GraphError(status: .serviceUnavailable, message: "(#2) Service temporarily unavailable", code: 2,
                         isTransient: true)
    }

    /// Meta trace ids are 23 URL-safe characters.
    static func traceID() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".utf8)
        var generator = SystemRandomNumberGenerator()
        return String(decoding: (0..<23).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] },
                      as: UTF8.self)
    }
}
