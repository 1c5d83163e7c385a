/// The raw layer: one table per source stream, records as received (PII replaced by keyed hashes).
///
/// Every raw table carries the seed plan's columns plus `_loaded_at_us` (microseconds; what the staging
/// builders' watermarks compare) and `_sync_run_id`. Money is kept as the platform's own text, exactly.
/// The primary key is the natural key the append-dedup rule works on.
enum CreateRawTables {
    static let migration = Migration(id: 1, name: "create_raw_tables", tables: [
        ShopeeRawTables.orders.schema, ShopeeRawTables.products.schema, ShopeeRawTables.shops.schema, lazadaOrders,
        tiktokOrders, FacebookAdsRawTables.insights.schema, googleAds, tiktokAds, ga4Events,
    ])

    /// Tables whose connectors exist are declared as contracts beside their source (`Contracts/<Source>/`); the
    /// rest are the seed plan's tables, waiting for theirs.
    static func lineage() -> [TableSchema.Column] { RawTableContract.lineage }

    static let lazadaOrders = TableSchema("raw_lazada_orders", primaryKey: ["seller_id", "order_id"],
                                          indexes: [["_loaded_at_us"]], columns: lineage() + [
        .init("order_id", .text, nullable: false),
        .init("order_number", .text),
        .init("seller_id", .text, nullable: false),
        .init("customer_name", .text),
        .init("status", .text),
        .init("payment_method", .text),
        .init("price", .text),
        .init("currency", .text),
        .init("created_at", .timestamp),
        .init("updated_at", .timestamp),
        .init("items", .text),
        .init("raw_json", .text, nullable: false),
    ])

    static let tiktokOrders = TableSchema("raw_tiktok_orders", primaryKey: ["shop_id", "order_id"],
                                          indexes: [["_loaded_at_us"]], columns: lineage() + [
        .init("order_id", .text, nullable: false),
        .init("shop_id", .text, nullable: false),
        .init("buyer_email", .text),
        .init("order_status", .text),
        .init("payment_method", .text),
        .init("total_amount", .text),
        .init("currency", .text),
        .init("create_time", .integer),
        .init("update_time", .integer),
        .init("items", .text),
        .init("raw_json", .text, nullable: false),
    ])

    static let googleAds = TableSchema("raw_google_ads", primaryKey: ["customer_id", "ad_group_id", "ad_id", "_date"],
                                       indexes: [["_loaded_at_us"]], columns: lineage() + [
        .init("_date", .date, nullable: false),
        .init("customer_id", .text, nullable: false),
        .init("customer_name", .text),
        .init("campaign_id", .text),
        .init("campaign_name", .text),
        .init("campaign_type", .text),
        .init("ad_group_id", .text, nullable: false),
        .init("ad_group_name", .text),
        .init("ad_id", .text, nullable: false),
        .init("impressions", .integer),
        .init("clicks", .integer),
        .init("cost_micros", .integer),
        .init("conversions", .text),
        .init("conversion_value", .text),
        .init("search_impression_share", .real),
        .init("quality_score", .integer),
        .init("raw_json", .text, nullable: false),
    ])

    static let tiktokAds = TableSchema("raw_tiktok_ads", primaryKey: ["advertiser_id", "ad_id", "_date"],
                                       indexes: [["_loaded_at_us"]], columns: lineage() + [
        .init("_date", .date, nullable: false),
        .init("advertiser_id", .text, nullable: false),
        .init("advertiser_name", .text),
        .init("campaign_id", .text),
        .init("campaign_name", .text),
        .init("adgroup_id", .text),
        .init("adgroup_name", .text),
        .init("ad_id", .text, nullable: false),
        .init("ad_name", .text),
        .init("impressions", .integer),
        .init("clicks", .integer),
        .init("spend", .text),
        .init("reach", .integer),
        .init("video_views", .integer),
        .init("likes", .integer),
        .init("shares", .integer),
        .init("comments", .integer),
        .init("conversions", .integer),
        .init("conversion_value", .text),
        .init("raw_json", .text, nullable: false),
    ])

    static let ga4Events = TableSchema("raw_ga4_events", primaryKey: ["stream_id", "user_pseudo_id", "event_timestamp", "event_name"],
                                       indexes: [["event_date"], ["_loaded_at_us"]], columns: lineage() + [
        .init("event_date", .date, nullable: false),
        .init("event_timestamp", .integer, nullable: false),
        .init("event_name", .text, nullable: false),
        .init("event_params", .text),
        .init("user_pseudo_id", .text, nullable: false),
        .init("user_id", .text),
        .init("device", .text),
        .init("geo", .text),
        .init("traffic_source", .text),
        .init("ecommerce", .text),
        .init("platform", .text),
        .init("stream_id", .text, nullable: false),
        .init("raw_json", .text, nullable: false),
    ])
}
