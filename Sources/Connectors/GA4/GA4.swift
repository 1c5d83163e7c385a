import OmnidashCore
import Warehouse

/// Google Analytics 4 Data API v1beta: the seed's three custom reports and the audience and purchase reports the
/// website marts need, read per property by day windows with `runReport` (or `batchRunReports` for the audience's four
/// grains), paged by `offset`/`rowCount`. Facts are from shared/reference/ads-apis.md §2 (OAuth, service accounts) and
/// §4 (Data API).
public enum GA4 {
    /// Days per request; the `date` dimension splits them.
    public static let windowDays = 7
    /// Rows per page (GA4 takes up to 250,000; 100,000 keeps an answer's JSON small enough to parse at once).
    public static let defaultPageSize = GA4Settings.defaultPageSize
    /// Seconds before expiry at which the access token is renewed (Google's last an hour).
    public static let refreshMargin: Int64 = 300
    /// Lifetime of a service account's JWT assertion: Google's default, also its maximum.
    public static let assertionLifetime: Int64 = 3_600
    public static let scope = "https://www.googleapis.com/auth/analytics.readonly"

    /// One report: its dimensions and metrics (at most 9 and 10) and the raw table it lands in.
    public enum Report: String, Sendable, CaseIterable {
        case dailyTraffic = "daily_traffic"
        case pagePerformance = "page_performance"
        case ecommerceEvents = "ecommerce_events"
        case audienceTotal = "audience_total"
        case audienceDevice = "audience_device"
        case audienceCountry = "audience_country"
        case audienceChannel = "audience_channel"
        case purchases

        static let audienceMetrics = ["sessions", "engagedSessions", "totalUsers", "newUsers", "screenPageViews",
                                      "averageSessionDuration", "transactions", "purchaseRevenue"]

        public var dimensions: [String] {
            switch self {
            case .dailyTraffic:
                ["date", "sessionSource", "sessionMedium", "sessionCampaignName", "sessionCampaignId", "deviceCategory", "country",
                 "sessionDefaultChannelGroup"]
            case .pagePerformance: ["date", "pagePath", "pageTitle"]
            case .ecommerceEvents: ["date", "eventName", "transactionId"]
            case .audienceTotal: ["date"]
            case .audienceDevice: ["date", "deviceCategory"]
            case .audienceCountry: ["date", "country"]
            case .audienceChannel: ["date", "sessionDefaultChannelGroup"]
            case .purchases: ["date", "transactionId", "sessionSource", "sessionMedium", "sessionCampaignName", "sessionCampaignId"]
            }
        }

        public var metrics: [String] {
            switch self {
            case .dailyTraffic:
                ["sessions", "engagedSessions", "totalUsers", "newUsers", "screenPageViews", "averageSessionDuration", "bounceRate",
                 "transactions", "purchaseRevenue"]
            case .pagePerformance: ["screenPageViews", "averageSessionDuration", "bounceRate", "sessions"]
            case .ecommerceEvents: ["eventCount", "purchaseRevenue", "itemsPurchased"]
            case .audienceTotal, .audienceDevice, .audienceCountry, .audienceChannel: Self.audienceMetrics
            case .purchases: ["ecommercePurchases", "purchaseRevenue", "itemsPurchased"]
            }
        }

        /// The audience reports' `breakdown` column: the grain each counts users at.
        var breakdown: String? {
            switch self {
            case .audienceTotal: "total"
            case .audienceDevice: "device"
            case .audienceCountry: "country"
            case .audienceChannel: "channel"
            default: nil
            }
        }

        var table: RawTableContract {
            switch self {
            case .dailyTraffic: GA4RawTables.dailyTraffic
            case .pagePerformance: GA4RawTables.pagePerformance
            case .ecommerceEvents: GA4RawTables.ecommerceEvents
            case .audienceTotal, .audienceDevice, .audienceCountry, .audienceChannel: GA4RawTables.audience
            case .purchases: GA4RawTables.purchases
            }
        }
    }

    /// The streams of a property, each one raw table; the audience's four reports go in one `batchRunReports`.
    public static let streams: [(name: String, reports: [Report])] = [
        ("daily_traffic", [.dailyTraffic]),
        ("page_performance", [.pagePerformance]),
        ("ecommerce_events", [.ecommerceEvents]),
        ("audience", [.audienceTotal, .audienceDevice, .audienceCountry, .audienceChannel]),
        ("purchases", [.purchases]),
    ]
}
