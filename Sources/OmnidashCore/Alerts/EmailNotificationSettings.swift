/// `notifications.email`: e-mail over SMTP, upgraded to TLS with STARTTLS.
public struct EmailNotificationSettings: Sendable, Codable, Equatable {
    /// `starttls`: when to upgrade the connection to TLS.
    public enum StartTLS: String, Sendable, Codable, CaseIterable {
        /// When the server offers it (default).
        case auto
        /// Refuse to send over a server that does not offer it.
        case required
        /// Never (a relay on this machine).
        case off
    }

    /// `smtp_host` (required).
    public var smtpHost: String
    /// `smtp_port`: default 587 (submission).
    public var smtpPort: Int
    /// `username` and `password`: for AUTH PLAIN or LOGIN; none means no AUTH. The password as `${ENV}`.
    public var username: String?
    public var password: String?
    /// `from` (required): the sender address.
    public var from: String
    /// `to` (at least one): the recipients.
    public var to: [String]
    public var startTLS: StartTLS

    public init(smtpHost: String, smtpPort: Int = 587, username: String? = nil, password: String? = nil, from: String,
                to: [String], startTLS: StartTLS = .auto) {
        self.smtpHost = smtpHost
        self.smtpPort = smtpPort
        self.username = username
        self.password = password
        self.from = from
        self.to = to
        self.startTLS = startTLS
    }

    enum CodingKeys: String, CodingKey {
        case smtpHost = "smtp_host", smtpPort = "smtp_port", username, password, from, to, startTLS = "starttls"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        smtpHost = try c.decodeIfPresent(String.self, forKey: .smtpHost) ?? ""
        smtpPort = try c.decodeIfPresent(Int.self, forKey: .smtpPort) ?? 587
        username = try c.decodeIfPresent(String.self, forKey: .username)
        password = try c.decodeIfPresent(String.self, forKey: .password)
        from = try c.decodeIfPresent(String.self, forKey: .from) ?? ""
        to = try c.decodeIfPresent([String].self, forKey: .to) ?? []
        let mode = try c.decodeIfPresent(String.self, forKey: .startTLS) ?? StartTLS.auto.rawValue
        guard let startTLS = StartTLS(rawValue: mode) else {
            throw DecodingError.dataCorruptedError(forKey: .startTLS, in: c,
                                                   debugDescription: "'\(mode)' is not one of auto, required, off")
        }
        self.startTLS = startTLS
    }

    func problems(at path: String) -> [String] {
        var problems: [String] = []
        if smtpHost.isEmpty { problems.append("\(path).smtp_host: must be set") }
        if !(1...65535).contains(smtpPort) { problems.append("\(path).smtp_port: \(smtpPort) is not a TCP port") }
        if !Self.isAddress(from) { problems.append("\(path).from: '\(from)' is not an e-mail address") }
        if to.isEmpty { problems.append("\(path).to: list at least one recipient") }
        for (index, address) in to.enumerated() where !Self.isAddress(address) {
            problems.append("\(path).to[\(index)]: '\(address)' is not an e-mail address")
        }
        if (username == nil) != (password == nil) {
            problems.append("\(path): username and password go together; give both or neither")
        }
        return problems
    }

    /// `local@domain`, without spaces or angle brackets (they would break the SMTP envelope).
    static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\r" || $0 == "\n" })
    }
}
