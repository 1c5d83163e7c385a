import Warehouse

/// Meta (Facebook) Marketing API insights: ad-level daily performance of each ad account.
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

    /// `act_123` → `123`; ids are accepted with or without the prefix in the configuration.
    public static func bareAccountID(_ id: String) -> String {
        id.hasPrefix("act_") ? String(id.dropFirst(4)) : id
    }
}
