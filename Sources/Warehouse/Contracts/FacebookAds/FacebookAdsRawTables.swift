/// Meta's raw tables: ad-level daily insights, the same rows broken down by age and gender, and the campaigns, ad sets
/// and ads as last listed.
public enum FacebookAdsRawTables {
    /// The insight columns both daily tables share, after their date.
    private static let insightColumns: [TableSchema.Column] = [
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
    ]

    public static let insights = RawTableContract("raw_facebook_ads", key: ["account_id", "ad_id", "_date"], version: "_loaded_at_us",
                                                  columns: [.init("_date", .date, nullable: false)] + insightColumns
                                                      + [.init("raw_json", .text, nullable: false)])

    /// `breakdowns=age,gender`: one row per ad, day, age bucket (`18-24` … `65+`, `Unknown`) and gender (`female`,
    /// `male`, `unknown`); the rows of an ad-day add up to its unbroken row.
    public static let demographics = RawTableContract(
        "raw_facebook_ads_demographics", key: ["account_id", "ad_id", "_date", "age", "gender"], version: "_loaded_at_us",
        columns: [.init("_date", .date, nullable: false)] + insightColumns + [
            .init("age", .text, nullable: false),
            .init("gender", .text, nullable: false),
            .init("raw_json", .text, nullable: false),
        ])

    /// Campaigns, ad sets and ads (`level`), snapshotted on every sync. Budgets are Meta's text in the account
    /// currency's minor units (`"150000"` is ฿1,500.00); times are Meta's ISO 8601 with offset. An ad's `link` is its
    /// creative's destination without tracking parameters and `url_tags` the query Meta appends to it (`utm_source=…`),
    /// both NULL on campaigns and ad sets.
    public static let entities = RawTableContract(
        "raw_facebook_ad_entities", key: ["account_id", "level", "id"], version: "_loaded_at_us",
        columns: entityColumns + landingColumns)

    /// The table as migration 21 created it, before ads carried their link; only that migration reads it.
    public static let entitiesAsCreated = RawTableContract("raw_facebook_ad_entities", key: ["account_id", "level", "id"], version: "_loaded_at_us",
                                                  columns: entityColumns)

    /// The columns migration 26 added, in order.
    public static let landingColumns: [TableSchema.Column] = [
        .init("creative_id", .text),
        .init("link", .text),
        .init("url_tags", .text),
    ]

    private static let entityColumns: [TableSchema.Column] = [
        .init("account_id", .text, nullable: false),
        // `campaign`, `adset` or `ad`.
        .init("level", .text, nullable: false),
        .init("id", .text, nullable: false),
        .init("account_currency", .text),
        .init("campaign_id", .text),
        .init("adset_id", .text),
        .init("name", .text),
        .init("status", .text),
        .init("effective_status", .text),
        .init("objective", .text),
        .init("daily_budget", .text),
        .init("lifetime_budget", .text),
        .init("budget_remaining", .text),
        .init("start_time", .text),
        .init("end_time", .text),
        .init("created_time", .text),
        .init("updated_time", .text),
        .init("raw_json", .text, nullable: false),
    ]

    public static let all = [insights, demographics, entities]
}
