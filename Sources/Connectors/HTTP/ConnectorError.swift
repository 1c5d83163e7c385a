import OmnidashCore

/// Why a connector stopped: names the platform, the endpoint, and the platform's own code and message.
public struct ConnectorError: UserFacingError, Equatable {
    public enum Kind: String, Sendable {
        /// The platform refused our credentials or signature; retrying will not help.
        case authentication
        /// The platform kept throttling after every retry.
        case rateLimited
        /// The platform kept failing (5xx) or did not answer.
        case unavailable
        /// The request or the response was not what the documentation describes.
        case invalidResponse
        /// Anything else the platform refused.
        case rejected
    }

    public var kind: Kind
    /// The platform or feed, as a seller names it (a platform's display name, or `FX feed`).
    public var source: String
    public var endpoint: String
    public var code: String?
    public var message: String
    public var httpStatus: Int?

    public init(_ kind: Kind, platform: Platform, endpoint: String, code: String? = nil, message: String, httpStatus: Int? = nil) {
        self.init(kind, source: platform.displayName, endpoint: endpoint, code: code, message: message, httpStatus: httpStatus)
    }

    public init(_ kind: Kind, source: String, endpoint: String, code: String? = nil, message: String, httpStatus: Int? = nil) {
        self.kind = kind
        self.source = source
        self.endpoint = endpoint
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
    }

    public var description: String {
        var text = "\(source) \(endpoint): "
        if let code, !code.isEmpty { text += "\(code): " }
        text += message
        if let httpStatus { text += " (HTTP \(httpStatus))" }
        return text
    }
}
