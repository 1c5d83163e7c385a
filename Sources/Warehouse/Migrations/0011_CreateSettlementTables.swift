/// Settlement fees: `stg_order_fees` with every marketplace order's fees in one vocabulary (`FeeType`), the product
/// mart per shop, and the two marts that gain fees and profit after fees. The marts are derived, so they are created
/// again with their new columns and rebuilt by the next transform. Each marketplace's finance tables come in its own
/// migration after this one.
enum CreateSettlementTables {
    static let orderFees = TableSchema("stg_order_fees", primaryKey: ["platform", "shop_id", "order_id"], indexes: [["order_date"]],
                                       columns: [
        .init("order_id", .text, nullable: false),
        .init("platform", .text, nullable: false),
        .init("shop_id", .text, nullable: false),
        // The order's business date (its creation day), so fees land on the day its revenue did.
        .init("order_date", .date, nullable: false),
        // `settled` once the platform has released the order's money and said what it withheld; `unsettled` before
        // (and for ever, for an order cancelled or returned): its fee columns are then null.
        .init("settlement_status", .text, nullable: false),
        .init("settled_at", .timestamp),
        .init("settlement_date", .date),
        // The item revenue the platform settled on, the fees per type, their sum and the payout, in the reporting
        // currency's minor units; fees positive when the seller pays.
        .init("items_total_minor", .integer),
        .init("commission_minor", .integer),
        .init("transaction_minor", .integer),
        .init("service_minor", .integer),
        .init("shipping_subsidy_minor", .integer),
        .init("seller_voucher_minor", .integer),
        .init("platform_voucher_minor", .integer),
        .init("affiliate_minor", .integer),
        .init("other_minor", .integer),
        .init("fees_minor", .integer),
        .init("fees", .decimal),
        .init("payout_minor", .integer),
        .init("payout", .decimal),
        .init("currency", .text),
        .init("_built_at", .timestamp),
    ])

    /// The shop mart as the third migration declared it, with the settlement and profit columns before `_built_at`.
    static let shopPerformance = TableSchema("mart_shop_performance", primaryKey: ["date", "platform", "shop_id"],
                                             columns: CreateMartTables.shopPerformance.columns.filter { $0.name != "_built_at" } + [
        // Of the orders that count: how many have settled, and what was withheld from them.
        .init("settled_orders", .integer, nullable: false),
        .init("unsettled_orders", .integer, nullable: false),
        .init("fees", .decimal),
        .init("fees_minor", .integer, nullable: false),
        .init("payout", .decimal),
        .init("payout_minor", .integer, nullable: false),
        // Null when a unit sold that day has no cost, and so is the profit after fees.
        .init("cost", .decimal),
        .init("cost_minor", .integer),
        .init("profit_after_fees", .decimal),
        .init("profit_after_fees_minor", .integer),
        .init("_built_at", .timestamp),
    ])

    /// The product mart as the tenth migration declared it, with fees and profit after fees before the ranks.
    static let productPerformance = TableSchema("mart_product_performance", primaryKey: ["date", "sku_master"], columns: {
        let earlier = RecreateProductPerformance.table.columns
        let ranks = earlier.firstIndex { $0.name == "revenue_rank" } ?? earlier.endIndex
        return Array(earlier[..<ranks]) + [
            // The settled orders' fees allocated to their master SKUs by revenue (DECISIONLOG.md), and the revenue of
            // lines whose order has not settled yet, whose fees are still to come.
            .init("fees", .decimal),
            .init("fees_minor", .integer, nullable: false),
            .init("unsettled_revenue_minor", .integer, nullable: false),
            .init("profit_after_fees", .decimal),
            .init("profit_after_fees_minor", .integer),
            .init("margin_after_fees_percent", .real),
        ] + earlier[ranks...]
    }())

    /// A product's figures per marketplace shop, where the pages narrow by marketplace or shop and the fees are
    /// allocated; `mart_product_performance` and `mart_shop_performance` sum it.
    static let productShopPerformance = TableSchema("mart_product_shop_performance", primaryKey: ["date", "platform", "shop_id", "sku_master"],
                                                    indexes: [["sku_master"]], columns: [
        .init("date", .date, nullable: false),
        .init("platform", .text, nullable: false),
        .init("shop_id", .text, nullable: false),
        .init("sku_master", .text, nullable: false),
        .init("units", .integer, nullable: false),
        .init("revenue", .decimal),
        .init("revenue_minor", .integer, nullable: false),
        // Null when a unit has no cost.
        .init("cost", .decimal),
        .init("cost_minor", .integer),
        .init("fees", .decimal),
        .init("fees_minor", .integer, nullable: false),
        .init("unsettled_revenue_minor", .integer, nullable: false),
        .init("_built_at", .timestamp),
    ])

    static let migration = Migration(id: 11, name: "create_settlement_tables",
                                     creates: [orderFees, productShopPerformance, shopPerformance, productPerformance]) { dialect in
        [.execute("DROP TABLE IF EXISTS mart_shop_performance"), .execute("DROP TABLE IF EXISTS mart_product_performance")]
            + [orderFees, productShopPerformance, shopPerformance, productPerformance]
            .flatMap { $0.createStatements(dialect) }.map(WriteOperation.execute)
    }
}
