import OmnidashCore

/// Where the Sandbox receives alerts, under `notifications` in `/_sandbox/credentials`: a LINE Messaging API channel,
/// a Slack incoming webhook and an SMTP server on loopback, each with the names its own configuration uses.
public struct NotificationSandboxCredentials: Codable, Sendable, Equatable {
    public struct Line: Codable, Sendable, Equatable {
        /// The Sandbox's URL, standing for `https://api.line.me`.
        public var baseURL: String
        public var channelAccessToken: String
        /// A user id and a group id the channel may push to.
        public var to: [String]

        enum CodingKeys: String, CodingKey {
            case baseURL = "base_url", channelAccessToken = "channel_access_token", to
        }
    }

    public struct Slack: Codable, Sendable, Equatable {
        /// `{Sandbox URL}/services/T…/B…/…`, standing for `https://hooks.slack.com/services/…`.
        public var webhookURL: String

        enum CodingKeys: String, CodingKey {
            case webhookURL = "webhook_url"
        }
    }

    public struct Email: Codable, Sendable, Equatable {
        public var smtpHost: String
        public var smtpPort: Int
        public var username: String
        public var password: String
        public var from: String
        public var to: [String]

        enum CodingKeys: String, CodingKey {
            case smtpHost = "smtp_host", smtpPort = "smtp_port", username, password, from, to
        }
    }

    public var line: Line
    public var slack: Slack
    public var email: Email

    /// The `notifications` section that delivers to this Sandbox. Its SMTP server offers no STARTTLS, so e-mail goes
    /// in plain text on loopback.
    public func settings(language: NotificationSettings.Language = .th) -> NotificationSettings {
        NotificationSettings(
            language: language,
            line: LineNotificationSettings(channelAccessToken: line.channelAccessToken, to: line.to, baseURL: line.baseURL),
            slack: SlackNotificationSettings(webhookURL: slack.webhookURL),
            email: EmailNotificationSettings(smtpHost: email.smtpHost, smtpPort: email.smtpPort, username: email.username,
                                             password: email.password, from: email.from, to: email.to, startTLS: .auto))
    }

    /// `name value` pairs for the banner `omnidash sandbox` prints.
    public var summary: [(name: String, value: String)] {
        [("line base_url", line.baseURL), ("line channel_access_token", line.channelAccessToken),
         ("line to", line.to.joined(separator: ", ")), ("slack webhook_url", slack.webhookURL),
         ("smtp", "\(email.smtpHost):\(email.smtpPort)"), ("smtp username", email.username),
         ("smtp password", email.password)]
    }
}
