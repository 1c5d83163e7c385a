import Warehouse

/// Meta (Facebook) Marketing API: ad-level daily performance of each ad account, the same broken down by age and
/// gender, and the campaigns, ad sets and ads with their budgets.
/// Facts are from shared/reference/ads-apis.md §1.
public enum FacebookAds {
    /// The insight fields requested; `date_start`/`date_stop` are asked for explicitly.
    public static let insightFields = [
        "account_id", "account_name", "account_currency", "campaign_id", "campaign_name", "adset_id", "adset_name",
        "ad_id", "ad_name", "impressions", "reach", "frequency", "clicks", "inline_link_clicks", "spend", "cpc", "cpm",
        "ctr", "actions", "action_values", "date_start", "date_stop",
    ]

    /// One purchase is reported under several aliases with the same count; summing them multiplies conversions.
    /// Omnidash counts the first present of these, and takes the value of the same type from `action_values`:
    /// `omni_purchase` is what Ads Manager's "Purchases" column shows (ads-apis.md §1.5).
    public static let purchaseActionTypes = ["omni_purchase", "purchase", "offsite_conversion.fb_pixel_purchase"]

    /// Rows per page; Meta asks to reduce the amount of data when pages are too heavy.
    public static let pageSize = 100
    /// Days per request window; ad-level ranges are kept short so each request stays light.
    public static let windowDays = 7

    /// A pass longer than this many days (a first sync, a backfill, a sync after a week offline) is read through
    /// asynchronous report jobs. 35 keeps the everyday pass (the 28-day lookback plus the days since the last sync)
    /// on the quick synchronous path, and moves anything longer to jobs, which Meta advises for large ad-level ranges
    /// and which do not time out (code 100/1504018) the way a long synchronous read can.
    public static let asyncThresholdDays: Int64 = 35
    /// Days per asynchronous job: a month of one account's ad-level days is a light job for Meta.
    public static let asyncWindowDays: Int64 = 30

    /// The breakdowns of the demographics stream, as the seed's age × gender table has them.
    public static let demographicBreakdowns = ["age", "gender"]

    /// The fields asked for on each entity edge (Campaign, AdSet and Ad node types). Meta's campaign ends at
    /// `stop_time`, an ad set at `end_time`.
    public static let entityFields: [String: [String]] = [
        "campaigns": ["id", "name", "status", "effective_status", "objective", "daily_budget", "lifetime_budget", "budget_remaining",
                      "start_time", "stop_time", "created_time", "updated_time"],
        "adsets": ["id", "name", "campaign_id", "status", "effective_status", "daily_budget", "lifetime_budget", "budget_remaining",
                   "start_time", "end_time", "created_time", "updated_time"],
        // The creative says where the ad sends people: its link, and the URL tags Meta appends to it.
        "ads": ["id", "name", "campaign_id", "adset_id", "status", "effective_status", "created_time", "updated_time",
                "creative{id,url_tags,object_story_spec}"],
    ]

    /// `act_123` → `123`; ids are accepted with or without the prefix in the configuration.
    public static func bareAccountID(_ id: String) -> String {
        id.hasPrefix("act_") ? String(id.dropFirst(4)) : id
    }
}
