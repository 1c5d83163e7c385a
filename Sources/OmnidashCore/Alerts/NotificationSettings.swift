import Foundation

/// `notifications`: where alerts are delivered (LINE, Slack, e-mail) and in which language. Every channel is
/// optional; none configured means alerts are only shown on the Alerts page. Secrets are written as `${ENV}`
/// references and interpolated before decoding.
public struct NotificationSettings: Sendable, Codable, Equatable {
    /// The language of the messages.
    public enum Language: String, Sendable, Codable, CaseIterable {
        case th, en
    }

    /// `language`: `th` (default) or `en`.
    public var language: Language
    /// `line`: LINE Messaging API push to users or groups.
    public var line: LineNotificationSettings?
    /// `slack`: a Slack incoming webhook.
    public var slack: SlackNotificationSettings?
    /// `email`: e-mail over SMTP.
    public var email: EmailNotificationSettings?

    public init(language: Language = .th, line: LineNotificationSettings? = nil, slack: SlackNotificationSettings? = nil,
                email: EmailNotificationSettings? = nil) {
        self.language = language
        self.line = line
        self.slack = slack
        self.email = email
    }

    enum CodingKeys: String, CodingKey {
        case language, line, slack, email
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let languageText = try c.decodeIfPresent(String.self, forKey: .language) ?? Language.th.rawValue
        guard let language = Language(rawValue: languageText.lowercased()) else {
            throw DecodingError.dataCorruptedError(forKey: .language, in: c,
                                                   debugDescription: "'\(languageText)' is not a language; use th or en")
        }
        self.language = language
        line = try c.decodeIfPresent(LineNotificationSettings.self, forKey: .line)
        slack = try c.decodeIfPresent(SlackNotificationSettings.self, forKey: .slack)
        email = try c.decodeIfPresent(EmailNotificationSettings.self, forKey: .email)
    }

    /// Whether any channel is configured.
    public var hasChannels: Bool { line != nil || slack != nil || email != nil }

    public func problems(at path: String) -> [String] {
        (line?.problems(at: "\(path).line") ?? []) + (slack?.problems(at: "\(path).slack") ?? [])
            + (email?.problems(at: "\(path).email") ?? [])
    }

    /// The section `omnidash init` writes, every channel commented out.
    public static let initTemplate = """
        notifications:
          # th or en: the language of alert messages.
          language: th
          # line:
          #   channel_access_token: ${LINE_CHANNEL_ACCESS_TOKEN}
          #   to: [${LINE_TO_ID}]          # user (U…) or group (C…) ids
          # slack:
          #   webhook_url: ${SLACK_WEBHOOK_URL}
          # email:
          #   smtp_host: smtp.example.com
          #   smtp_port: 587
          #   username: alerts@example.com
          #   password: ${SMTP_PASSWORD}
          #   from: alerts@example.com
          #   to: [marketing@example.com]
          #   starttls: auto                # auto, required or off

        """
}
