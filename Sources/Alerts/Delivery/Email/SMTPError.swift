/// An SMTP conversation that did not end with the message accepted, in one line.
public struct SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The server's reply code, when it answered.
    public var code: Int?

    public init(_ message: String, code: Int? = nil) {
        self.message = message
        self.code = code
    }

    public var description: String { message }
}
