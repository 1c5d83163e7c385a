/// Meta's raw table: ad-level daily insights, one row per ad per day of the ad account.
public enum FacebookAdsRawTables {
    public static let insights = RawTableContract("raw_facebook_ads", key: ["account_id", "ad_id", "_date"], version: "_loaded_at_us", columns: [
        .init("_date", .date, nullable: false),
        .init("account_id", .text, nullable: false),
        .init("account_name", .text),
        .init("account_currency", .text),
        .init("campaign_id", .text),
        .init("campaign_name", .text),
        .init("adset_id", .text),
        .init("adset_name", .text),
        .init("ad_id", .text, nullable: false),
        .init("ad_name", .text),
        .init("impressions", .integer),
        .init("clicks", .integer),
        .init("spend", .text),
        .init("reach", .integer),
        .init("frequency", .text),
        .init("cpc", .text),
        .init("cpm", .text),
        .init("ctr", .text),
        .init("conversions", .integer),
        .init("conversion_value", .text),
        .init("actions", .text),
        .init("action_values", .text),
        .init("raw_json", .text, nullable: false),
    ])

    public static let all = [insights]
}
