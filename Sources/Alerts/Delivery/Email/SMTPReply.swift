/// One SMTP reply: its three-digit code and its lines' text (a multi-line reply is `250-…` lines ending in `250 …`).
public struct SMTPReply: Sendable, Equatable {
    public var code: Int
    public var lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    public var isPositive: Bool { (200..<400).contains(code) }
    /// 4xx: a temporary failure, worth another try; 5xx is permanent.
    public var isTransient: Bool { (400..<500).contains(code) }

    /// The EHLO keywords, upper-cased (`STARTTLS`, `AUTH PLAIN LOGIN`, `8BITMIME`), the greeting line excluded.
    public var extensions: [String] { lines.dropFirst().map { $0.uppercased() } }

    /// The mechanisms after `AUTH` in an EHLO reply.
    public var authMechanisms: Set<String> {
        Set(extensions.filter { $0.hasPrefix("AUTH ") || $0.hasPrefix("AUTH=") }
            .flatMap { $0.dropFirst(5).split(separator: " ").map(String.init) })
    }

    public var text: String { "\(code) " + lines.joined(separator: " / ") }
}
