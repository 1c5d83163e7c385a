/// Shopee Ads' raw tables, read on the shop's authorisation: the shop's daily CPC totals, each product campaign's
/// daily metrics, and the campaigns' settings. Amounts are kept as the JSON number text Shopee wrote (shop currency,
/// major units), broad and direct figures side by side as Shopee reports them.
public enum ShopeeAdsRawTables {
    /// `get_all_cpc_ads_daily_performance`: one row per shop per day.
    public static let daily = RawTableContract("raw_shopee_ads_daily", key: ["shop_id", "_date"], version: "_loaded_at_us", columns: [
        .init("_date", .date, nullable: false),
        .init("shop_id", .text, nullable: false),
        .init("impression", .integer, nullable: false),
        .init("clicks", .integer, nullable: false),
        .init("ctr", .text),
        .init("expense", .text, nullable: false),
        .init("broad_order", .integer, nullable: false),
        .init("broad_gmv", .text, nullable: false),
        .init("broad_roas", .text),
        .init("broad_item_sold", .integer),
        .init("direct_order", .integer, nullable: false),
        .init("direct_gmv", .text, nullable: false),
        .init("direct_roas", .text),
        .init("direct_item_sold", .integer),
        .init("cost_per_conversion", .text),
        .init("raw_json", .text, nullable: false),
    ])

    /// `get_product_campaign_daily_performance`: one row per campaign per day it delivered.
    public static let campaignDaily = RawTableContract(
        "raw_shopee_ads_campaign_daily", key: ["shop_id", "campaign_id", "_date"], version: "_loaded_at_us", columns: [
        .init("_date", .date, nullable: false),
        .init("shop_id", .text, nullable: false),
        // The shop's two-letter region; its currency is the shop's.
        .init("region", .text),
        .init("campaign_id", .text, nullable: false),
        .init("ad_name", .text),
        .init("ad_type", .text),
        .init("campaign_placement", .text),
        .init("impression", .integer, nullable: false),
        .init("clicks", .integer, nullable: false),
        .init("ctr", .text),
        .init("expense", .text, nullable: false),
        .init("broad_order", .integer, nullable: false),
        .init("broad_gmv", .text, nullable: false),
        .init("broad_roi", .text),
        .init("direct_order", .integer, nullable: false),
        .init("direct_gmv", .text, nullable: false),
        .init("direct_roi", .text),
        .init("raw_json", .text, nullable: false),
    ])

    /// `get_product_level_campaign_setting_info` (common info): one row per campaign, as last synced.
    public static let campaigns = RawTableContract(
        "raw_shopee_ads_campaigns", key: ["shop_id", "campaign_id"], version: "_loaded_at_us", columns: [
        .init("shop_id", .text, nullable: false),
        .init("region", .text),
        .init("campaign_id", .text, nullable: false),
        .init("ad_name", .text),
        .init("ad_type", .text),
        .init("campaign_status", .text),
        .init("campaign_placement", .text),
        .init("bidding_method", .text),
        // Daily budget, shop currency, as Shopee wrote it.
        .init("campaign_budget", .text),
        // Unix seconds; 0 for no end.
        .init("start_time", .integer),
        .init("end_time", .integer),
        .init("raw_json", .text, nullable: false),
    ])

    public static let all = [daily, campaignDaily, campaigns]
}
