/// The website's staging and marts, recreated with what the two GA4 paths and the attribution need.
///
/// GA4 reaches the warehouse two ways: the Data API's reports (`data_source = 'data_api'`) and the BigQuery export's
/// events (`'export'`). Each path stages its own rows into the same tables, so neither overwrites the other; the marts
/// take the export's figures for a date when it has any (they are exact: distinct users, no thresholding) and the
/// Data API's otherwise, and say which in `data_source`. Users do not add up across rows (one person can come from two
/// sources in a day), so every grain that shows users is staged at that grain (`stg_ga4_audience`).
///
/// `stg_ad_entities` gains each ad's landing URL and the UTM parameters read from it (a creative's URL tags, a final URL
/// suffix, a landing page's query), which is how ad campaigns are matched to GA4 sessions.
enum CreateWebsiteTables {
    static let sessions = TableSchema("stg_ga4_sessions", primaryKey: ["session_id"], indexes: [["date"], ["campaign"]], columns: [
        .init("date", .date, nullable: false),
        // user_pseudo_id and ga_session_id joined by a dot: ga_session_id alone repeats across users.
        .init("session_id", .text, nullable: false),
        .init("user_pseudo_id", .text, nullable: false),
        .init("session_start", .timestamp),
        .init("session_end", .timestamp),
        .init("session_duration_seconds", .integer),
        .init("engagement_time_msec", .integer),
        .init("pageviews", .integer),
        .init("events_count", .integer),
        .init("session_number", .integer),
        .init("is_new_user", .boolean),
        .init("landing_page", .text),
        // Session scope: the session's own campaign, or the last non-direct one within 30 days.
        .init("source", .text),
        .init("medium", .text),
        .init("campaign", .text),
        .init("campaign_id", .text),
        .init("term", .text),
        .init("content", .text),
        .init("channel_grouping", .text),
        // User scope: how the user first arrived, which never changes.
        .init("first_user_source", .text),
        .init("first_user_medium", .text),
        .init("device_category", .text),
        .init("operating_system", .text),
        .init("browser", .text),
        .init("country", .text),
        .init("city", .text),
        .init("is_engaged", .boolean),
        .init("is_bounced", .boolean),
        .init("has_purchase", .boolean),
        .init("transactions", .integer),
        .init("purchase_revenue", .decimal),
        .init("purchase_revenue_thb_minor", .integer),
        .init("_ingested_at", .timestamp),
    ])

    static let traffic = TableSchema("stg_ga4_traffic", primaryKey: ["date", "data_source", "source", "medium", "campaign"],
                                     indexes: [["campaign"]], columns: [
        .init("date", .date, nullable: false),
        .init("data_source", .text, nullable: false),
        .init("source", .text, nullable: false),
        .init("medium", .text, nullable: false),
        .init("campaign", .text, nullable: false),
        .init("campaign_id", .text),
        .init("channel_grouping", .text),
        .init("sessions", .integer),
        .init("engaged_sessions", .integer),
        .init("users", .integer),
        .init("new_users", .integer),
        .init("pageviews", .integer),
        // Σ session durations, so averages can be taken over any grouping.
        .init("session_duration_seconds", .real),
        .init("avg_session_duration", .real),
        .init("bounce_rate", .real),
        .init("transactions", .integer),
        .init("revenue", .decimal),
        .init("revenue_thb_minor", .integer),
        .init("_ingested_at", .timestamp),
    ])

    static let pages = TableSchema("stg_ga4_pages", primaryKey: ["date", "data_source", "page_path"], columns: [
        .init("date", .date, nullable: false),
        .init("data_source", .text, nullable: false),
        .init("page_path", .text, nullable: false),
        .init("page_title", .text),
        .init("pageviews", .integer),
        .init("unique_pageviews", .integer),
        .init("avg_time_on_page", .real),
        .init("entrances", .integer),
        .init("exits", .integer),
        .init("exit_rate", .real),
        .init("bounce_rate", .real),
        .init("_ingested_at", .timestamp),
    ])

    /// One row per date and value of a dimension: `total` (value ''), `device`, `country` or `channel` (the default
    /// channel group), each counted at its own grain so users are distinct within the row.
    static let audience = TableSchema("stg_ga4_audience", primaryKey: ["date", "data_source", "dimension", "value"], columns: [
        .init("date", .date, nullable: false),
        .init("data_source", .text, nullable: false),
        .init("dimension", .text, nullable: false),
        .init("value", .text, nullable: false),
        .init("sessions", .integer),
        .init("engaged_sessions", .integer),
        .init("users", .integer),
        .init("new_users", .integer),
        .init("pageviews", .integer),
        .init("session_duration_seconds", .real),
        .init("transactions", .integer),
        .init("revenue", .decimal),
        .init("revenue_thb_minor", .integer),
        .init("_ingested_at", .timestamp),
    ])

    /// Every purchase with the session campaign it is credited to; a marketplace checkout's transaction id is the
    /// marketplace's order id.
    static let purchases = TableSchema("stg_ga4_purchases", primaryKey: ["date", "data_source", "transaction_id"],
                                       indexes: [["transaction_id"]], columns: [
        .init("date", .date, nullable: false),
        .init("data_source", .text, nullable: false),
        .init("transaction_id", .text, nullable: false),
        .init("session_id", .text),
        .init("source", .text),
        .init("medium", .text),
        .init("campaign", .text),
        .init("campaign_id", .text),
        .init("items", .integer),
        .init("revenue", .decimal),
        .init("revenue_thb_minor", .integer),
        .init("_ingested_at", .timestamp),
    ])

    static let landingColumns: [TableSchema.Column] = [
        .init("landing_url", .text),
        .init("utm_source", .text),
        .init("utm_medium", .text),
        .init("utm_campaign", .text),
        .init("utm_id", .text),
    ]

    /// `stg_ad_entities` as it stands after this migration: the landing columns come after the ones it had.
    static let adEntities = TableSchema(CreateAdEntityTables.entities.name, primaryKey: CreateAdEntityTables.entities.primaryKey,
                                        indexes: CreateAdEntityTables.entities.indexes,
                                        columns: CreateAdEntityTables.entities.columns + landingColumns)

    static let websiteAnalytics = TableSchema("mart_website_analytics", primaryKey: ["date"], columns: [
        .init("date", .date, nullable: false),
        .init("data_source", .text),
        .init("sessions", .integer),
        .init("users", .integer),
        .init("new_users", .integer),
        .init("returning_users", .integer),
        .init("pageviews", .integer),
        .init("pages_per_session", .real),
        .init("avg_session_duration", .real),
        .init("bounce_rate", .real),
        .init("engaged_sessions", .integer),
        .init("engagement_rate", .real),
        .init("transactions", .integer),
        .init("revenue", .decimal),
        .init("revenue_minor", .integer),
        .init("conversion_rate", .real),
        .init("avg_order_value", .real),
        .init("sessions_vs_yesterday", .real),
        .init("sessions_vs_last_week", .real),
        .init("revenue_vs_yesterday", .real),
        .init("_built_at", .timestamp),
    ])

    static let trafficSources = TableSchema("mart_traffic_sources", primaryKey: ["date", "channel_grouping", "source", "medium", "campaign"],
                                            columns: [
        .init("date", .date, nullable: false),
        .init("data_source", .text),
        .init("channel_grouping", .text, nullable: false),
        .init("source", .text, nullable: false),
        .init("medium", .text, nullable: false),
        .init("campaign", .text, nullable: false),
        .init("campaign_id", .text),
        .init("sessions", .integer),
        .init("engaged_sessions", .integer),
        .init("users", .integer),
        .init("new_users", .integer),
        .init("pageviews", .integer),
        .init("bounce_rate", .real),
        .init("pages_per_session", .real),
        .init("avg_session_duration", .real),
        .init("transactions", .integer),
        .init("revenue", .decimal),
        .init("revenue_minor", .integer),
        .init("conversion_rate", .real),
        .init("sessions_share", .real),
        .init("revenue_share", .real),
        .init("_built_at", .timestamp),
    ])

    static let websitePages = TableSchema("mart_website_pages", primaryKey: ["date", "page_path"], columns: [
        .init("date", .date, nullable: false),
        .init("data_source", .text),
        .init("page_path", .text, nullable: false),
        .init("page_title", .text),
        .init("pageviews", .integer),
        .init("unique_pageviews", .integer),
        .init("avg_time_on_page", .real),
        .init("entrances", .integer),
        .init("exits", .integer),
        .init("exit_rate", .real),
        .init("bounce_rate", .real),
        .init("_built_at", .timestamp),
    ])

    /// Sessions and users by device category, country and channel group, each at its own grain.
    static let websiteAudience = TableSchema("mart_website_audience", primaryKey: ["date", "dimension", "value"], columns: [
        .init("date", .date, nullable: false),
        .init("data_source", .text),
        .init("dimension", .text, nullable: false),
        .init("value", .text, nullable: false),
        .init("sessions", .integer),
        .init("users", .integer),
        .init("new_users", .integer),
        .init("engaged_sessions", .integer),
        .init("engagement_rate", .real),
        .init("transactions", .integer),
        .init("revenue_minor", .integer),
        .init("conversion_rate", .real),
        .init("_built_at", .timestamp),
    ])

    static let crossChannelAttribution = TableSchema("mart_cross_channel_attribution", primaryKey: ["date", "ads_platform", "campaign_id"],
                                                     indexes: [["ads_platform", "campaign_id"]], columns: [
        .init("date", .date, nullable: false),
        .init("ads_platform", .text, nullable: false),
        .init("account_id", .text),
        .init("campaign_id", .text, nullable: false),
        .init("campaign_name", .text),
        // The UTM the campaign's ads carry and how sessions were matched to it: `id` (utm_id or the auto-tagged
        // campaign id) or `name` (normalised utm_campaign against the campaign name).
        .init("utm_source", .text),
        .init("utm_medium", .text),
        .init("utm_campaign", .text),
        .init("match_method", .text),
        .init("data_source", .text),
        .init("ad_spend", .decimal),
        .init("ad_spend_minor", .integer),
        .init("ad_clicks", .integer),
        .init("ad_impressions", .integer),
        // What the platform itself claims.
        .init("platform_conversions", .integer),
        .init("platform_conversion_value_minor", .integer),
        .init("ga_sessions", .integer),
        .init("ga_users", .integer),
        .init("ga_transactions", .integer),
        .init("ga_revenue", .decimal),
        .init("ga_revenue_minor", .integer),
        .init("ecom_orders", .integer),
        .init("ecom_revenue", .decimal),
        .init("ecom_revenue_minor", .integer),
        .init("roas_platform", .real),
        .init("roas_ga", .real),
        .init("roas_ecom", .real),
        .init("cpa_platform", .real),
        .init("cpa_ga", .real),
        .init("cpa_ecom", .real),
        .init("_built_at", .timestamp),
    ])

    /// UTM governance: campaigns that spent without a UTM GA4 could match (`campaign_without_utm`), and session
    /// campaigns that match no ad campaign (`utm_without_campaign`), over the whole synced history.
    static let utmGovernance = TableSchema("mart_utm_governance", primaryKey: ["issue", "subject"], columns: [
        .init("issue", .text, nullable: false),
        // The platform:campaign id, or source / medium / campaign, that the row is about.
        .init("subject", .text, nullable: false),
        .init("ads_platform", .text),
        .init("account_id", .text),
        .init("campaign_id", .text),
        .init("campaign_name", .text),
        .init("utm_source", .text),
        .init("utm_medium", .text),
        .init("utm_campaign", .text),
        .init("first_date", .date),
        .init("last_date", .date),
        .init("sessions", .integer),
        .init("ad_spend_minor", .integer),
        .init("_built_at", .timestamp),
    ])

    static let recreated = [sessions, traffic, pages, websiteAnalytics, trafficSources, crossChannelAttribution]
    static let created = [audience, purchases, websitePages, websiteAudience, utmGovernance]

    static let migration = Migration(id: 24, name: "create_website_tables", creates: [adEntities] + recreated + created) { dialect in
        landingColumns.map { column in
            .execute(SQLStatement("ALTER TABLE stg_ad_entities ADD COLUMN \(SQLDialect.quote(column.name)) \(dialect.typeName(column.type))"))
        }
            + recreated.map { .execute(SQLStatement("DROP TABLE IF EXISTS \(SQLDialect.quote($0.name))")) }
            + (recreated + created).flatMap { $0.createStatements(dialect) }.map(WriteOperation.execute)
    }
}
