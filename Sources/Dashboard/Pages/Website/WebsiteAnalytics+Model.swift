import OmnidashCore

extension WebsiteAnalytics {
    public struct Model: Sendable, Hashable, Codable {
        public var filters: DashboardFilters
        /// Every default channel group with sessions in the range or its comparison, for the channel control.
        public var channels: [String]
        /// Sessions, users, new and returning users, engagement and bounce rates, pages per session, average session
        /// duration, transactions, revenue, conversion rate and AOV, each against the previous period.
        public var kpis: [KPIValue]
        public var totals: WebsiteFigures
        /// Which GA4 path the range's figures come from.
        public var dataSource: WebsiteDataSource
        /// Every channel group of the range by sessions (only the chosen one under a channel filter).
        public var channelRows: [AudienceRow]
        /// Daily sessions of the channels drawn (`chartChannels`), the rest summed in the last value.
        public var daily: [DailySessions]
        /// The channels drawn, largest first; the chart adds "other channels" when there are more.
        public var chartChannels: [String]
        /// One row per channel, source / medium and campaign, by sessions.
        public var sources: [SourceRow]
        /// The most viewed pages.
        public var pages: [PageRow]
        public var devices: [AudienceRow]
        public var countries: [AudienceRow]
    }

    /// One value of a split (a channel group, a device category, a country) with its figures and its sessions'
    /// change against the previous period.
    public struct AudienceRow: Sendable, Hashable, Codable {
        public var value: String
        public var figures: WebsiteFigures
        public var previousSessions: Int64
        /// Share of the split's sessions and revenue.
        public var sessionShare: Double?
        public var revenueShare: Double?
        public var sessionsChange: Double? { Metrics.change(Double(figures.sessions), from: Double(previousSessions)) }
    }

    public struct DailySessions: Sendable, Hashable, Codable {
        public var date: BusinessDate
        /// One count per chart channel, then the other channels' sum when there are more channels than are drawn.
        public var sessions: [Int64]
    }

    public struct SourceRow: Sendable, Hashable, Codable {
        public var channel: String
        public var source: String
        public var medium: String
        public var campaign: String
        public var figures: WebsiteFigures
        public var sessionShare: Double?
        public var revenueShare: Double?
    }

    public struct PageRow: Sendable, Hashable, Codable {
        public var path: String
        public var title: String?
        public var pageviews: Int64
        public var uniquePageviews: Int64
        public var entrances: Int64
        public var exits: Int64
        /// Time on page averaged over the page views.
        public var averageTimeOnPage: Double?
        /// Bounces over entrances: the share of sessions landing here that did not engage.
        public var bounceRate: Double?
        public var exitRate: Double? { pageviews == 0 ? nil : Double(exits) / Double(pageviews) }
    }
}
