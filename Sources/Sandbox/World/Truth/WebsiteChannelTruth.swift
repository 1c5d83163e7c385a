import OmnidashCore

/// What GA4 recorded for one default channel group on one day: the website figures the marts must reproduce.
public struct WebsiteChannelTruth: Codable, Sendable, Equatable {
    public var date: BusinessDate
    public var channelGroup: String
    public var sessions: Int64 = 0
    /// Distinct users of the channel on the day.
    public var users: Int64 = 0
    public var newUsers: Int64 = 0
    public var engagedSessions: Int64 = 0
    public var pageviews: Int64 = 0
    /// Purchases, and their item value in satang (shipping excluded).
    public var transactions: Int64 = 0
    public var revenueMinor: Int64 = 0

    public init(date: BusinessDate, channelGroup: String) {
        self.date = date
        self.channelGroup = channelGroup
    }

    enum CodingKeys: String, CodingKey {
        case date
        case channelGroup = "channel_group"
        case sessions, users
        case newUsers = "new_users"
        case engagedSessions = "engaged_sessions"
        case pageviews, transactions
        case revenueMinor = "revenue_minor"
    }
}
