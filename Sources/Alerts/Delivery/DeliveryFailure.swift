/// Why one attempt to deliver an alert failed, and whether trying again may help.
public struct DeliveryFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line, naming the channel and what the service said.
    public var message: String
    /// The HTTP status or SMTP reply code, when the service answered.
    public var responseCode: Int?
    /// 429, 5xx and connection errors are worth another try; a refused token or a malformed message is not.
    public var retryable: Bool
    /// The service's own hint (`Retry-After`).
    public var retryAfter: Duration?

    public init(_ message: String, responseCode: Int? = nil, retryable: Bool, retryAfter: Duration? = nil) {
        self.message = message
        self.responseCode = responseCode
        self.retryable = retryable
        self.retryAfter = retryAfter
    }

    public var description: String { message }

    /// Whether an HTTP status is worth another try.
    static func isRetryable(httpStatus: Int) -> Bool { httpStatus == 429 || httpStatus >= 500 }
}
