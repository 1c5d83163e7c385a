/// The staging layer: every source mapped to one vocabulary (THB, Bangkok business dates, normalised
/// statuses, master SKUs, GA4 channel groups).
///
/// Money columns come in pairs: the seed's decimal column (major units, for analysts) and an exact
/// `_minor` integer (satang) that every total is summed from.
enum CreateStagingTables {
    static let migration = Migration(id: 2, name: "create_staging_tables", tables: [
        orders, orderItems, adsPerformance, products, shops, ga4Sessions, ga4Traffic, ga4Pages,
    ])

    static let orders = TableSchema("stg_orders", primaryKey: ["platform", "shop_id", "order_id"],
                                    indexes: [["order_date"]], columns: [
        .init("order_id", .text, nullable: false),
        .init("platform", .text, nullable: false),
        .init("shop_id", .text, nullable: false),
        .init("shop_name", .text),
        .init("order_status", .text),
        .init("order_status_normalized", .text, nullable: false),
        .init("payment_method", .text),
        .init("buyer_hash", .text),
        .init("gross_amount", .decimal),
        .init("discount_amount", .decimal),
        .init("net_amount", .decimal),
        .init("currency", .text),
        .init("fx_rate", .decimal),
        .init("amount_thb", .decimal),
        .init("gross_amount_thb_minor", .integer, nullable: false),
        .init("net_amount_thb_minor", .integer, nullable: false),
        .init("units", .integer, nullable: false),
        .init("order_date", .date, nullable: false),
        .init("order_timestamp", .timestamp, nullable: false),
        .init("updated_at", .timestamp),
        .init("_ingested_at", .timestamp),
    ])

    static let orderItems = TableSchema("stg_order_items", primaryKey: ["platform", "shop_id", "order_id", "line_number"],
                                        indexes: [["order_date"], ["sku_normalized"]], columns: [
        .init("order_id", .text, nullable: false),
        .init("platform", .text, nullable: false),
        .init("shop_id", .text, nullable: false),
        .init("line_number", .integer, nullable: false),
        .init("order_date", .date, nullable: false),
        .init("order_status_normalized", .text, nullable: false),
        .init("item_id", .text),
        .init("model_id", .text),
        .init("sku", .text),
        .init("sku_normalized", .text),
        .init("product_name", .text),
        .init("quantity", .integer, nullable: false),
        .init("unit_price", .decimal),
        .init("unit_price_thb", .decimal),
        .init("total_price", .decimal),
        .init("total_price_thb", .decimal),
        .init("total_price_thb_minor", .integer, nullable: false),
        .init("original_total_thb_minor", .integer, nullable: false),
        .init("_ingested_at", .timestamp),
    ])

    static let adsPerformance = TableSchema("stg_ads_performance", primaryKey: ["platform", "account_id", "ad_id", "date"],
                                            indexes: [["date"], ["platform", "campaign_id"]], columns: [
        .init("date", .date, nullable: false),
        .init("platform", .text, nullable: false),
        .init("account_id", .text, nullable: false),
        .init("account_name", .text),
        .init("campaign_id", .text),
        .init("campaign_name", .text),
        .init("campaign_type", .text),
        .init("adset_id", .text),
        .init("adset_name", .text),
        .init("ad_id", .text, nullable: false),
        .init("ad_name", .text),
        .init("impressions", .integer, nullable: false),
        .init("clicks", .integer, nullable: false),
        .init("currency", .text),
        .init("fx_rate", .decimal),
        .init("spend", .decimal),
        .init("spend_thb", .decimal),
        .init("spend_thb_minor", .integer, nullable: false),
        .init("conversions", .integer, nullable: false),
        .init("conversion_value", .decimal),
        .init("conversion_value_thb", .decimal),
        .init("conversion_value_thb_minor", .integer, nullable: false),
        .init("reach", .integer),
        .init("video_views", .integer),
        .init("engagement", .integer),
        .init("_ingested_at", .timestamp),
    ])

    static let products = TableSchema("stg_products", primaryKey: ["sku_master", "platform", "platform_product_id"], columns: [
        .init("sku_master", .text, nullable: false),
        .init("product_name", .text),
        .init("category", .text),
        .init("brand", .text),
        .init("cost", .decimal),
        .init("platform", .text, nullable: false),
        .init("platform_sku", .text),
        .init("platform_product_id", .text, nullable: false),
        .init("current_price", .decimal),
        .init("stock_quantity", .integer),
        .init("_updated_at", .timestamp),
    ])

    static let shops = TableSchema("stg_shops", primaryKey: ["platform", "shop_id"], columns: [
        .init("shop_id", .text, nullable: false),
        .init("platform", .text, nullable: false),
        .init("shop_name", .text),
        .init("shop_url", .text),
        .init("region", .text),
        .init("is_active", .boolean),
        .init("_updated_at", .timestamp),
    ])

    static let ga4Sessions = TableSchema("stg_ga4_sessions", primaryKey: ["session_id"], indexes: [["date"]], columns: [
        .init("date", .date, nullable: false),
        .init("session_id", .text, nullable: false),
        .init("user_pseudo_id", .text),
        .init("session_start", .timestamp),
        .init("session_end", .timestamp),
        .init("session_duration_seconds", .integer),
        .init("pageviews", .integer),
        .init("events_count", .integer),
        .init("source", .text),
        .init("medium", .text),
        .init("campaign", .text),
        .init("channel_grouping", .text),
        .init("device_category", .text),
        .init("operating_system", .text),
        .init("browser", .text),
        .init("country", .text),
        .init("city", .text),
        .init("is_engaged", .boolean),
        .init("is_bounced", .boolean),
        .init("has_purchase", .boolean),
        .init("purchase_revenue", .decimal),
        .init("purchase_revenue_thb_minor", .integer),
        .init("_ingested_at", .timestamp),
    ])

    static let ga4Traffic = TableSchema("stg_ga4_traffic", primaryKey: ["date", "source", "medium", "campaign"], columns: [
        .init("date", .date, nullable: false),
        .init("source", .text, nullable: false),
        .init("medium", .text, nullable: false),
        .init("campaign", .text, nullable: false),
        .init("channel_grouping", .text),
        .init("sessions", .integer),
        .init("users", .integer),
        .init("new_users", .integer),
        .init("pageviews", .integer),
        .init("avg_session_duration", .real),
        .init("bounce_rate", .real),
        .init("transactions", .integer),
        .init("revenue", .decimal),
        .init("revenue_thb_minor", .integer),
        .init("_ingested_at", .timestamp),
    ])

    static let ga4Pages = TableSchema("stg_ga4_pages", primaryKey: ["date", "page_path"], columns: [
        .init("date", .date, nullable: false),
        .init("page_path", .text, nullable: false),
        .init("page_title", .text),
        .init("pageviews", .integer),
        .init("unique_pageviews", .integer),
        .init("avg_time_on_page", .real),
        .init("entrances", .integer),
        .init("exits", .integer),
        .init("exit_rate", .real),
        .init("_ingested_at", .timestamp),
    ])
}
