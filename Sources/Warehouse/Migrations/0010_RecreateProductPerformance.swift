/// `mart_product_performance` with exact `_minor` money beside every amount, as the other marts have it. The third
/// migration created the table before any model filled it; a mart is derived, so it is created again and rebuilt by
/// the next transform.
enum RecreateProductPerformance {
    static let table = TableSchema("mart_product_performance", primaryKey: ["date", "sku_master"], columns: [
        .init("date", .date, nullable: false),
        .init("sku_master", .text, nullable: false),
        .init("product_name", .text),
        .init("category", .text),
        .init("shopee_units", .integer, nullable: false),
        .init("shopee_revenue", .decimal),
        .init("shopee_revenue_minor", .integer, nullable: false),
        .init("lazada_units", .integer, nullable: false),
        .init("lazada_revenue", .decimal),
        .init("lazada_revenue_minor", .integer, nullable: false),
        .init("tiktok_units", .integer, nullable: false),
        .init("tiktok_revenue", .decimal),
        .init("tiktok_revenue_minor", .integer, nullable: false),
        .init("other_units", .integer, nullable: false),
        .init("other_revenue", .decimal),
        .init("other_revenue_minor", .integer, nullable: false),
        .init("total_units", .integer, nullable: false),
        .init("total_revenue", .decimal),
        .init("total_revenue_minor", .integer, nullable: false),
        // Null when a unit sold that day has no cost in `ref_sku_costs`: a margin without its cost would mislead.
        .init("cost", .decimal),
        .init("cost_minor", .integer),
        .init("gross_profit", .decimal),
        .init("gross_profit_minor", .integer),
        .init("margin_percent", .real),
        .init("revenue_rank", .integer, nullable: false),
        .init("units_rank", .integer, nullable: false),
        .init("_built_at", .timestamp),
    ])

    static let migration = Migration(id: 10, name: "recreate_product_performance", creates: [table]) { dialect in
        [.execute("DROP TABLE IF EXISTS mart_product_performance")] + table.createStatements(dialect).map(WriteOperation.execute)
    }
}
