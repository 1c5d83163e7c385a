import OmnidashCore

/// TikTok Marketing API (Business API v1.3): the ad-level integrated report of each advertiser, its currency and time
/// zone, and its campaigns, ad groups and ads. Facts are from shared/reference/ads-apis.md §6.
public enum TikTokAds {
    /// Every path starts here, under the configured host.
    public static let apiPath = "/open_api/v1.3"

    /// The report's metrics: delivery, website purchases (`complete_payment`) and their value, which TikTok names
    /// `total_complete_payment_rate` despite being an amount, video views and engagement, and the parents' names.
    public static let reportMetrics = [
        "campaign_id", "campaign_name", "adgroup_id", "adgroup_name", "ad_name", "spend", "impressions", "clicks", "reach",
        "complete_payment", "total_complete_payment_rate", "video_play_actions", "likes", "comments", "shares",
    ]

    /// Reach does not add up across hours, so hourly requests leave it out.
    public static let hourlyMetrics = reportMetrics.filter { $0 != "reach" }

    public static let advertiserFields = ["advertiser_id", "name", "currency", "timezone", "display_timezone", "status"]

    /// TikTok's largest page.
    public static let pageSize = 1000
    /// The longest range one daily request may cover.
    public static let dailyWindowDays: Int64 = 30

    /// The time dimension of a report request.
    public enum Grain: String, Sendable {
        case day, hour

        public var dimension: String { self == .day ? "stat_time_day" : "stat_time_hour" }
    }
}
