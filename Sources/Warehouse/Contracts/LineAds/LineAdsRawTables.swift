/// LINE Ads' raw tables: the online report of each day at each level, and the campaigns, ad groups and ads.
///
/// LINE reports money as JSON numbers in the account currency's major units; they are kept as their exact text.
/// Ids are numbers in LINE's JSON and kept as text.
public enum LineAdsRawTables {
    /// One row per reported object (campaign, ad group or ad) per day: `GET …/reports/online/{level}` asked with
    /// `since == until`, because LINE's rows carry no date (ads-apis.md §7.2).
    public static let reports = RawTableContract("raw_line_ads", key: ["ad_account_id", "level", "entity_id", "_date"],
                                                 version: "_loaded_at_us", indexes: [["_date"], ["_loaded_at_us"]], columns: [
        .init("_date", .date, nullable: false),
        .init("ad_account_id", .text, nullable: false),
        // `campaign`, `adgroup` or `ad`: the report level the row was asked at.
        .init("level", .text, nullable: false),
        // The id of the row's object at its level.
        .init("entity_id", .text, nullable: false),
        .init("account_name", .text),
        .init("currency", .text, nullable: false),
        .init("timezone", .text),
        .init("campaign_id", .text),
        .init("campaign_name", .text),
        .init("campaign_objective", .text),
        .init("adgroup_id", .text),
        .init("adgroup_name", .text),
        .init("ad_id", .text),
        .init("ad_name", .text),
        .init("imp", .integer, nullable: false),
        .init("click", .integer, nullable: false),
        // Account currency, major units, as LINE wrote the number.
        .init("cost", .text, nullable: false),
        .init("cv", .integer),
        .init("cv_purchase", .integer),
        // Value of "Conversion Purchase (Clicks)", account currency, as written.
        .init("cv_purchase_value", .text),
        .init("reach", .integer),
        .init("video_start", .integer),
        .init("video_view_3s", .integer),
        .init("raw_json", .text, nullable: false),
    ])

    /// Campaigns, ad groups and ads as last listed (`GET …/campaigns`, `/adgroups`, `/ads`); an ad's `landing_url` is
    /// where it sends people, tracking parameters included (NULL on campaigns and ad groups).
    public static let entities = RawTableContract("raw_line_ads_entities", key: ["ad_account_id", "level", "entity_id"],
                                                                 version: "_loaded_at_us", columns: entityColumns + landingColumns)

    /// The table as migration 18 created it, before ads carried their landing URL; only that migration reads it (in `allAsCreated`).
    public static let entitiesAsCreated = RawTableContract("raw_line_ads_entities", key: ["ad_account_id", "level", "entity_id"],
                                                  version: "_loaded_at_us", columns: entityColumns)

    /// The columns migration 26 added.
    public static let landingColumns: [TableSchema.Column] = [.init("landing_url", .text)]

    private static let entityColumns: [TableSchema.Column] = [
        .init("ad_account_id", .text, nullable: false),
        // `campaign`, `adgroup` or `ad`.
        .init("level", .text, nullable: false),
        .init("entity_id", .text, nullable: false),
        // The parent campaign of an ad group; the parent ad group of an ad.
        .init("campaign_id", .text),
        .init("adgroup_id", .text),
        .init("name", .text),
        .init("configured_status", .text),
        .init("delivery_status", .text),
        .init("campaign_objective", .text),
        // A campaign's spending limit: `NONE`, `MONTHLY` or `LIFETIME`, and its amount in micros.
        .init("spending_limit_type", .text),
        .init("spending_limit_micro", .integer),
        // An ad group's daily budget in micros of the account currency.
        .init("daily_budget_micro", .integer),
        .init("bid_type", .text),
        .init("start_date", .text),
        .init("end_date", .text),
        .init("modified_date", .text),
        .init("raw_json", .text, nullable: false),
    ]

    /// The tables as migration 18 created them.
    public static let allAsCreated = [reports, entitiesAsCreated]
}
