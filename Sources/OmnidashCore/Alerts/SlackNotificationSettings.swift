import Foundation

/// `notifications.slack`: a Slack incoming webhook, which posts to the channel it was created for.
public struct SlackNotificationSettings: Sendable, Codable, Equatable {
    /// `webhook_url` (required): `https://hooks.slack.com/services/T…/B…/…`, a secret, so `${ENV}`.
    public var webhookURL: String

    public init(webhookURL: String) {
        self.webhookURL = webhookURL
    }

    enum CodingKeys: String, CodingKey {
        case webhookURL = "webhook_url"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        webhookURL = try c.decodeIfPresent(String.self, forKey: .webhookURL) ?? ""
    }

    func problems(at path: String) -> [String] {
        if webhookURL.isEmpty { return ["\(path).webhook_url: must be set (use ${ENV_VAR})"] }
        guard let url = URL(string: webhookURL), url.host != nil, ["http", "https"].contains(url.scheme ?? "") else {
            return ["\(path).webhook_url: is not an http(s) URL"]
        }
        return []
    }
}
