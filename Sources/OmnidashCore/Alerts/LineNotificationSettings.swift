import Foundation

/// `notifications.line`: LINE Messaging API push messages (ads-apis.md §8).
public struct LineNotificationSettings: Sendable, Codable, Equatable {
    /// `channel_access_token` (required): the Messaging API channel's long-lived token, as `${ENV}`.
    public var channelAccessToken: String
    /// `to` (at least one): user (`U…`), group (`C…`) or room (`R…`) ids.
    public var to: [String]
    /// `base_url`: default `https://api.line.me`.
    public var baseURL: String

    public static let defaultBaseURL = "https://api.line.me"

    public init(channelAccessToken: String, to: [String], baseURL: String = defaultBaseURL) {
        self.channelAccessToken = channelAccessToken
        self.to = to
        self.baseURL = baseURL
    }

    enum CodingKeys: String, CodingKey {
        case channelAccessToken = "channel_access_token", to, baseURL = "base_url"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        channelAccessToken = try c.decodeIfPresent(String.self, forKey: .channelAccessToken) ?? ""
        to = try c.decodeIfPresent([String].self, forKey: .to) ?? []
        baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL) ?? Self.defaultBaseURL
    }

    func problems(at path: String) -> [String] {
        var problems: [String] = []
        if channelAccessToken.isEmpty { problems.append("\(path).channel_access_token: must be set (use ${ENV_VAR})") }
        if to.isEmpty { problems.append("\(path).to: list at least one user or group id") }
        for (index, id) in to.enumerated() where !Self.isRecipientID(id) {
            problems.append("\(path).to[\(index)]: '\(id)' is not a LINE user, group or room id (U, C or R and 32 hex digits)")
        }
        if URL(string: baseURL)?.host == nil { problems.append("\(path).base_url: '\(baseURL)' is not a URL") }
        return problems
    }

    /// `U`, `C` or `R` followed by 32 lowercase hex digits.
    static func isRecipientID(_ id: String) -> Bool {
        guard let first = id.first, "UCR".contains(first), id.count == 33 else { return false }
        return id.dropFirst().allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
