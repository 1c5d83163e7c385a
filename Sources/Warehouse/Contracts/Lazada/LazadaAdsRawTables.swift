/// Lazada Sponsored Solutions' raw tables, read on the seller's authorisation: the campaign report one day at a
/// time, and the campaigns with their budgets. Metrics are kept as the strings Lazada wrote; "store" figures
/// (any product of the store) and "product" figures (the promoted product) side by side.
public enum LazadaAdsRawTables {
    /// `getDiscoveryReportCampaign` asked with `startDate == endDate`: one row per campaign per day.
    public static let campaignReport = RawTableContract(
        "raw_lazada_ads_campaign_report", key: ["seller_id", "campaign_id", "_date"], version: "_loaded_at_us", columns: [
        .init("_date", .date, nullable: false),
        .init("seller_id", .text, nullable: false),
        // The gateway's currency (the seller's country); the report does not name it.
        .init("currency", .text, nullable: false),
        .init("campaign_id", .text, nullable: false),
        .init("campaign_name", .text),
        .init("campaign_type", .text),
        .init("product_type", .text),
        .init("day_budget", .text),
        .init("impressions", .integer, nullable: false),
        .init("clicks", .integer, nullable: false),
        .init("ctr", .text),
        .init("cpc", .text),
        .init("spend", .text, nullable: false),
        .init("store_orders", .integer, nullable: false),
        .init("store_revenue", .text, nullable: false),
        .init("store_roi", .text),
        .init("product_orders", .integer),
        .init("product_revenue", .text),
        .init("raw_json", .text, nullable: false),
    ])

    /// `searchCampaignList`: one row per campaign, as last synced.
    public static let campaigns = RawTableContract(
        "raw_lazada_ads_campaigns", key: ["seller_id", "campaign_id"], version: "_loaded_at_us", columns: [
        .init("seller_id", .text, nullable: false),
        .init("currency", .text, nullable: false),
        .init("campaign_id", .text, nullable: false),
        .init("campaign_name", .text),
        // The combined status (1 on, 0 off) and the seller's switch.
        .init("status", .text),
        .init("switch_status", .text),
        .init("daily_budget", .text),
        .init("start_date", .text),
        .init("end_date", .text),
        .init("raw_json", .text, nullable: false),
    ])

    public static let all = [campaignReport, campaigns]
}
