/// Ad entities, budgets and breakdowns: `stg_ads_performance` gains a marketplace's direct conversions beside its broad
/// ones; `stg_ads_keywords` and `stg_ads_demographics` hold the finer grains some platforms report; `stg_ad_entities`
/// (every platform's campaigns, ad sets / ad groups and ads with their status and budgets, as last synced),
/// `stg_ad_budget_days` (each campaign's daily budget on each day it was in
/// force, in THB), and the two ads marts created again with the figures they gain: budgets and utilisation, video
/// views and engagement (NULL where a platform does not report them), CPC and CPM per campaign. The marts are
/// derived, so the next transform rebuilds them.
enum CreateAdEntityTables {
    static let entities = TableSchema("stg_ad_entities", primaryKey: ["platform", "account_id", "level", "entity_id"],
                                      indexes: [["platform", "campaign_id"]], columns: [
        .init("platform", .text, nullable: false),
        .init("account_id", .text, nullable: false),
        // `campaign`, `adset` (an ad set or ad group) or `ad`.
        .init("level", .text, nullable: false),
        .init("entity_id", .text, nullable: false),
        .init("parent_id", .text),
        .init("campaign_id", .text, nullable: false),
        .init("name", .text),
        // The platform's own status text, and whether it is delivering-capable now (not paused, removed or ended).
        .init("status", .text),
        .init("is_active", .boolean, nullable: false),
        // The platform's objective or campaign type.
        .init("objective", .text),
        .init("currency", .text),
        // Budgets in the account currency's major units; a lifetime budget is spread over the schedule's days.
        .init("daily_budget", .decimal),
        .init("lifetime_budget", .decimal),
        .init("start_date", .date),
        .init("end_date", .date),
        .init("_built_at", .timestamp),
    ])

    static let budgetDays = TableSchema("stg_ad_budget_days", primaryKey: ["platform", "account_id", "campaign_id", "date"],
                                        indexes: [["date"]], columns: [
        .init("date", .date, nullable: false),
        .init("platform", .text, nullable: false),
        .init("account_id", .text, nullable: false),
        .init("campaign_id", .text, nullable: false),
        // The campaign's budget, or the sum of its active ad sets' when they carry the budget.
        .init("daily_budget", .decimal, nullable: false),
        .init("currency", .text, nullable: false),
        .init("fx_rate", .decimal),
        .init("daily_budget_thb_minor", .integer, nullable: false),
        .init("_built_at", .timestamp),
    ])

    /// Search keyword delivery per day in THB, beside `stg_ads_performance` (whose rows stay at ad or ad group grain).
    static let adsKeywords = TableSchema("stg_ads_keywords", primaryKey: ["platform", "account_id", "adset_id", "keyword_id", "date"],
                                         indexes: [["date"], ["platform", "campaign_id"]], columns: [
        .init("date", .date, nullable: false),
        .init("platform", .text, nullable: false),
        .init("account_id", .text, nullable: false),
        .init("campaign_id", .text),
        .init("adset_id", .text, nullable: false),
        .init("keyword_id", .text, nullable: false),
        .init("keyword_text", .text),
        // `exact`, `phrase` or `broad`.
        .init("match_type", .text),
        .init("status", .text),
        .init("impressions", .integer, nullable: false),
        .init("clicks", .integer, nullable: false),
        .init("currency", .text, nullable: false),
        .init("fx_rate", .decimal),
        // Spend and conversion value in the account currency's major units, exactly as reported, and in satang.
        .init("spend", .decimal, nullable: false),
        .init("spend_thb_minor", .integer, nullable: false),
        .init("conversions", .integer, nullable: false),
        .init("conversion_value", .decimal, nullable: false),
        .init("conversion_value_thb_minor", .integer, nullable: false),
        .init("_ingested_at", .timestamp),
        .init("_built_at", .timestamp),
    ])

    /// Delivery by age bucket and gender, one row per (date, platform, account, ad, age, gender). Money is apportioned so
    /// that the rows of one ad-day add up, to the satang, to that ad-day's `stg_ads_performance` row.
    static let demographics = TableSchema("stg_ads_demographics", primaryKey: ["platform", "account_id", "ad_id", "date", "age", "gender"],
                                          indexes: [["date"], ["platform", "campaign_id"]], columns: [
        .init("date", .date, nullable: false),
        .init("platform", .text, nullable: false),
        .init("account_id", .text, nullable: false),
        .init("campaign_id", .text),
        .init("adset_id", .text),
        .init("ad_id", .text, nullable: false),
        // The platform's buckets: `18-24` … `65+`, `unknown`; `female`, `male`, `unknown`.
        .init("age", .text, nullable: false),
        .init("gender", .text, nullable: false),
        .init("impressions", .integer, nullable: false),
        .init("clicks", .integer, nullable: false),
        .init("reach", .integer),
        .init("currency", .text),
        .init("fx_rate", .decimal),
        .init("spend", .decimal),
        .init("spend_thb_minor", .integer, nullable: false),
        .init("conversions", .integer, nullable: false),
        .init("conversion_value", .decimal),
        .init("conversion_value_thb_minor", .integer, nullable: false),
        .init("_ingested_at", .timestamp),
        .init("_built_at", .timestamp),
    ])

    /// Columns both ads marts gain, before `_built_at`. Reach is not among them: people reached by two ads are one
    /// person, so reach does not add up beyond the ad that reported it.
    private static let deliveryColumns: [TableSchema.Column] = [
        .init("video_views", .integer),
        .init("engagement", .integer),
    ]

    static let adsChannelPerformance = TableSchema("mart_ads_channel_performance", primaryKey: ["date", "platform", "account_id"],
                                                   columns: CreateMartTables.adsChannelPerformance.columns.filter { $0.name != "_built_at" }
        + [.init("daily_budget_minor", .integer)] + deliveryColumns + [.init("_built_at", .timestamp)])

    static let campaignPerformance = TableSchema(
        "mart_campaign_performance", primaryKey: ["date", "platform", "account_id", "campaign_id"],
        columns: CreateMartTables.campaignPerformance.columns.filter { $0.name != "_built_at" } + [
            .init("account_name", .text),
            .init("cpc", .real),
            .init("cpm", .real),
            .init("daily_budget", .decimal),
            .init("daily_budget_minor", .integer),
            .init("budget_utilization", .real),
        ] + deliveryColumns + [.init("_built_at", .timestamp)])

    /// A marketplace's ads count a purchase of any of the shop's items after a click (broad, `conversions`) and of the
    /// advertised item itself (direct); platforms without the distinction leave these NULL. Added at the end of the
    /// table, so the staged rows stay.
    private static let directColumns: [TableSchema.Column] = [
        .init("direct_conversions", .integer),
        .init("direct_conversion_value", .decimal),
        .init("direct_conversion_value_thb_minor", .integer),
    ]

    static let adsPerformance = TableSchema(
        CreateStagingTables.adsPerformance.name, primaryKey: CreateStagingTables.adsPerformance.primaryKey,
        indexes: CreateStagingTables.adsPerformance.indexes, columns: CreateStagingTables.adsPerformance.columns + directColumns)

    static let migration = Migration(id: 15, name: "create_ad_entity_tables",
                                     creates: [adsPerformance, entities, budgetDays, adsKeywords, demographics, adsChannelPerformance,
                                               campaignPerformance]) { dialect in
        directColumns.map { column in
            .execute(SQLStatement("ALTER TABLE stg_ads_performance ADD COLUMN \(SQLDialect.quote(column.name)) \(dialect.typeName(column.type))"))
        }
            + [.execute("DROP TABLE IF EXISTS mart_ads_channel_performance"), .execute("DROP TABLE IF EXISTS mart_campaign_performance")]
            + [entities, budgetDays, adsKeywords, demographics, adsChannelPerformance, campaignPerformance]
            .flatMap { $0.createStatements(dialect) }.map(WriteOperation.execute)
    }
}
