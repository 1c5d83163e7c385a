/// Google Ads' raw tables: daily reports at campaign, ad group and keyword level, and the campaign and ad group
/// entities. Report rows are keyed by (customer, object, `segments.date`); a re-pulled day replaces its row.
///
/// Money stays as Google sends it, `cost_micros` (account currency × 10⁶) and budgets' `amount_micros` as integers;
/// `conversions` and `conversion_value` are doubles on the wire and kept as their JSON text.
public enum GoogleAdsRawTables {
    /// Campaign-level daily rows: every campaign, Performance Max included (it reports no ad groups).
    public static let campaigns = RawTableContract("raw_google_ads_campaigns", key: ["customer_id", "campaign_id", "_date"],
                                                   version: "_loaded_at_us", columns: [
        .init("_date", .date, nullable: false),
        .init("customer_id", .text, nullable: false),
        .init("customer_name", .text),
        .init("customer_currency", .text),
        .init("customer_time_zone", .text),
        .init("campaign_id", .text, nullable: false),
        .init("campaign_name", .text),
        .init("campaign_type", .text),
        .init("campaign_status", .text),
        .init("impressions", .integer),
        .init("clicks", .integer),
        .init("cost_micros", .integer),
        .init("conversions", .text),
        .init("conversion_value", .text),
        .init("raw_json", .text, nullable: false),
    ])

    /// Ad-group-level daily rows: the seed's `raw_google_ads`, with all its columns. `ad_id` stays NULL (the rows are
    /// per ad group), as do `search_impression_share` and `quality_score`, which are not requested.
    public static let adGroups = RawTableContract("raw_google_ads", key: ["customer_id", "ad_group_id", "_date"],
                                                  version: "_loaded_at_us", columns: [
        .init("_date", .date, nullable: false),
        .init("customer_id", .text, nullable: false),
        .init("customer_name", .text),
        .init("customer_currency", .text),
        .init("campaign_id", .text),
        .init("campaign_name", .text),
        .init("campaign_type", .text),
        .init("ad_group_id", .text, nullable: false),
        .init("ad_group_name", .text),
        .init("ad_group_status", .text),
        .init("ad_id", .text),
        .init("impressions", .integer),
        .init("clicks", .integer),
        .init("cost_micros", .integer),
        .init("conversions", .text),
        .init("conversion_value", .text),
        .init("search_impression_share", .real),
        .init("quality_score", .integer),
        .init("raw_json", .text, nullable: false),
    ])

    /// `keyword_view` daily rows: one per keyword criterion of an ad group.
    public static let keywords = RawTableContract("raw_google_ads_keywords", key: ["customer_id", "ad_group_id", "criterion_id", "_date"],
                                                  version: "_loaded_at_us", columns: [
        .init("_date", .date, nullable: false),
        .init("customer_id", .text, nullable: false),
        .init("customer_currency", .text),
        .init("campaign_id", .text),
        .init("ad_group_id", .text, nullable: false),
        .init("criterion_id", .text, nullable: false),
        .init("keyword_text", .text),
        .init("match_type", .text),
        .init("criterion_status", .text),
        .init("impressions", .integer),
        .init("clicks", .integer),
        .init("cost_micros", .integer),
        .init("conversions", .text),
        .init("conversion_value", .text),
        .init("raw_json", .text, nullable: false),
    ])

    /// Campaigns with their budgets and URL options, as last listed: `final_url_suffix` is the query Google appends to
    /// the final URL of every ad of the campaign that sets none of its own (the only landing URL a Performance Max
    /// campaign reports, having no ad groups), `tracking_url_template` the redirect a click goes through first.
    public static let campaignEntities = RawTableContract(
        "raw_google_ads_campaign_entities", key: ["customer_id", "campaign_id"], version: "_loaded_at_us",
        columns: campaignEntityColumns + campaignURLColumns)

    /// The table as migration 16 created it, before campaigns carried their URL options; only that migration reads it
    /// (in `allAsCreated`).
    public static let campaignEntitiesAsCreated = RawTableContract("raw_google_ads_campaign_entities", key: ["customer_id", "campaign_id"],
                                                          version: "_loaded_at_us", columns: campaignEntityColumns)

    /// The columns migration 26 added to the campaigns.
    public static let campaignURLColumns: [TableSchema.Column] = [
        .init("final_url_suffix", .text),
        .init("tracking_url_template", .text),
    ]

    private static let campaignEntityColumns: [TableSchema.Column] = [
        .init("customer_id", .text, nullable: false),
        .init("customer_currency", .text),
        .init("campaign_id", .text, nullable: false),
        .init("campaign_name", .text),
        .init("status", .text),
        .init("advertising_channel_type", .text),
        .init("start_date", .text),
        .init("end_date", .text),
        .init("budget_id", .text),
        .init("budget_amount_micros", .integer),
        .init("budget_period", .text),
        .init("raw_json", .text, nullable: false),
    ]

    /// Ad groups, as last listed.
    public static let adGroupEntities = RawTableContract("raw_google_ads_ad_group_entities", key: ["customer_id", "ad_group_id"],
                                                         version: "_loaded_at_us", columns: [
        .init("customer_id", .text, nullable: false),
        .init("customer_currency", .text),
        .init("campaign_id", .text, nullable: false),
        .init("ad_group_id", .text, nullable: false),
        .init("ad_group_name", .text),
        .init("status", .text),
        .init("type", .text),
        .init("raw_json", .text, nullable: false),
    ])

    /// Ads of ad groups (`ad_group_ad`), as last listed (migration 26): `final_url` is the first of the ad's final URLs
    /// (the page, without tracking parameters) and `final_url_suffix` the ad's own suffix, NULL when it takes its
    /// campaign's.
    public static let adEntities = RawTableContract("raw_google_ads_ad_entities", key: ["customer_id", "ad_group_id", "ad_id"],
                                                    version: "_loaded_at_us", columns: [
        .init("customer_id", .text, nullable: false),
        .init("customer_currency", .text),
        .init("campaign_id", .text, nullable: false),
        .init("ad_group_id", .text, nullable: false),
        .init("ad_id", .text, nullable: false),
        .init("ad_name", .text),
        .init("status", .text),
        .init("type", .text),
        .init("final_url", .text),
        .init("final_url_suffix", .text),
        .init("tracking_url_template", .text),
        .init("raw_json", .text, nullable: false),
    ])

    /// Asset groups of Performance Max campaigns, as last listed (migration 26): such a campaign has no ad groups or
    /// ads, so its page is the asset group's first final URL and its tracking parameters the campaign's suffix.
    public static let assetGroupEntities = RawTableContract("raw_google_ads_asset_group_entities", key: ["customer_id", "asset_group_id"],
                                                            version: "_loaded_at_us", columns: [
        .init("customer_id", .text, nullable: false),
        .init("customer_currency", .text),
        .init("campaign_id", .text, nullable: false),
        .init("asset_group_id", .text, nullable: false),
        .init("asset_group_name", .text),
        .init("status", .text),
        .init("final_url", .text),
        .init("raw_json", .text, nullable: false),
    ])

    /// The tables as migration 16 created them.
    public static let allAsCreated = [campaigns, adGroups, keywords, campaignEntitiesAsCreated, adGroupEntities]
}
