/// TikTok Marketing API raw tables: the integrated report at ad level (daily rows for advertisers on the reporting
/// time zone, hourly rows for the others), the advertisers, and the campaign, ad group and ad entities.
public enum TikTokAdsRawTables {
    /// One row per ad per `stat_time` as TikTok wrote it (`2026-11-01 00:00:00`, in the advertiser's zone); `grain` is
    /// `day` or `hour`. `_date` is the reporting business date the row counts for: the day itself for daily rows, the
    /// day the hour falls on in the reporting zone for hourly rows.
    public static let report = RawTableContract("raw_tiktok_ads", key: ["advertiser_id", "ad_id", "grain", "stat_time"],
                                                version: "_loaded_at_us", indexes: [["_loaded_at_us"], ["_date"]], columns: [
        .init("_date", .date, nullable: false),
        .init("advertiser_id", .text, nullable: false),
        .init("grain", .text, nullable: false),
        .init("stat_time", .text, nullable: false),
        .init("currency", .text, nullable: false),
        .init("timezone", .text),
        .init("campaign_id", .text),
        .init("campaign_name", .text),
        .init("adgroup_id", .text),
        .init("adgroup_name", .text),
        .init("ad_id", .text, nullable: false),
        .init("ad_name", .text),
        .init("spend", .text, nullable: false),
        .init("impressions", .integer),
        .init("clicks", .integer),
        .init("reach", .integer),
        .init("conversions", .integer),
        .init("conversion_value", .text),
        .init("video_views", .integer),
        .init("likes", .integer),
        .init("comments", .integer),
        .init("shares", .integer),
        .init("raw_json", .text, nullable: false),
    ])

    /// `advertiser/info/`: currency and time zone of each advertiser.
    public static let advertisers = RawTableContract("raw_tiktok_ads_advertisers", key: ["advertiser_id"], version: "_loaded_at_us", columns: [
        .init("advertiser_id", .text, nullable: false),
        .init("name", .text),
        .init("currency", .text),
        .init("timezone", .text),
        .init("status", .text),
        .init("raw_json", .text, nullable: false),
    ])

    public static let campaigns = RawTableContract("raw_tiktok_ads_campaigns", key: ["advertiser_id", "campaign_id"], version: "_loaded_at_us", columns: [
        .init("advertiser_id", .text, nullable: false),
        .init("campaign_id", .text, nullable: false),
        .init("campaign_name", .text),
        .init("objective_type", .text),
        .init("budget_mode", .text),
        .init("budget", .text),
        .init("operation_status", .text),
        .init("secondary_status", .text),
        .init("modify_time", .text),
        .init("raw_json", .text, nullable: false),
    ])

    public static let adGroups = RawTableContract("raw_tiktok_ads_adgroups", key: ["advertiser_id", "adgroup_id"], version: "_loaded_at_us", columns: [
        .init("advertiser_id", .text, nullable: false),
        .init("adgroup_id", .text, nullable: false),
        .init("campaign_id", .text, nullable: false),
        .init("adgroup_name", .text),
        .init("budget_mode", .text),
        .init("budget", .text),
        .init("operation_status", .text),
        .init("secondary_status", .text),
        .init("schedule_start_time", .text),
        .init("schedule_end_time", .text),
        .init("modify_time", .text),
        .init("raw_json", .text, nullable: false),
    ])

    public static let ads = RawTableContract("raw_tiktok_ads_ads", key: ["advertiser_id", "ad_id"], version: "_loaded_at_us", columns: [
        .init("advertiser_id", .text, nullable: false),
        .init("ad_id", .text, nullable: false),
        .init("adgroup_id", .text, nullable: false),
        .init("campaign_id", .text, nullable: false),
        .init("ad_name", .text),
        .init("operation_status", .text),
        .init("secondary_status", .text),
        .init("landing_page_url", .text),
        .init("modify_time", .text),
        .init("raw_json", .text, nullable: false),
    ])

    public static let all = [report, advertisers, campaigns, adGroups, ads]
}
