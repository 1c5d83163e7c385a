/// TikTok Shop's raw tables: orders with their line items (one per unit) and buyer fields hashed, returns and refunds,
/// products with their SKUs, and the authorised shops.
public enum TikTokShopRawTables {
    public static let orders = RawTableContract("raw_tiktok_orders", key: ["shop_id", "order_id"], version: "update_time",
                                                indexes: [["create_time"], ["_loaded_at_us"]], columns: [
        .init("order_id", .text, nullable: false),
        .init("shop_id", .text, nullable: false),
        // The buyer's `user_id` and e-mail, hashed.
        .init("user_id", .text),
        .init("buyer_email", .text),
        .init("order_status", .text, nullable: false),
        .init("payment_method", .text),
        // `payment.total_amount` and `payment.sub_total`, as TikTok writes them (decimal text).
        .init("total_amount", .text),
        .init("sub_total", .text),
        .init("currency", .text, nullable: false),
        // Unix seconds.
        .init("create_time", .integer, nullable: false),
        .init("update_time", .integer, nullable: false),
        // `line_items` as received, a JSON array with one entry per unit.
        .init("items", .text, nullable: false),
        .init("raw_json", .text, nullable: false),
    ])

    /// One row per return or refund request (`/return_refund/202309/returns/search`); an order's refund is known only here.
    public static let returns = RawTableContract("raw_tiktok_returns", key: ["shop_id", "return_id"], version: "update_time",
                                                 indexes: [["order_id"], ["_loaded_at_us"]], columns: [
        .init("return_id", .text, nullable: false),
        .init("shop_id", .text, nullable: false),
        .init("order_id", .text, nullable: false),
        .init("return_type", .text),
        .init("return_status", .text, nullable: false),
        // `refund_amount.refund_total` as TikTok writes it, and its currency.
        .init("refund_total", .text),
        .init("currency", .text),
        // The `order_line_item_id`s the return covers, a JSON array of strings.
        .init("line_item_ids", .text, nullable: false),
        .init("create_time", .integer, nullable: false),
        .init("update_time", .integer, nullable: false),
        .init("raw_json", .text, nullable: false),
    ])

    public static let products = RawTableContract("raw_tiktok_products", key: ["shop_id", "product_id"], version: "update_time",
                                                  columns: [
        .init("shop_id", .text, nullable: false),
        .init("product_id", .text, nullable: false),
        .init("title", .text),
        .init("status", .text),
        // `skus[]` as received, a JSON array.
        .init("skus", .text),
        .init("update_time", .integer, nullable: false),
        .init("raw_json", .text, nullable: false),
    ])

    /// The shops the authorisation covers (`/authorization/202309/shops`); the cipher is not stored, it is asked for anew.
    public static let shops = RawTableContract("raw_tiktok_shops", key: ["shop_id"], version: "_loaded_at_us", indexes: [], columns: [
        .init("shop_id", .text, nullable: false),
        .init("name", .text),
        .init("region", .text),
        .init("seller_type", .text),
        .init("code", .text),
        .init("raw_json", .text, nullable: false),
    ])

    /// The shop's daily statements (`/finance/202309/statements`). Amounts as TikTok writes them (decimal text).
    public static let statements = RawTableContract("raw_tiktok_statements", key: ["shop_id", "statement_id"], version: "_loaded_at_us",
                                                    indexes: [["statement_time"], ["_loaded_at_us"]], columns: [
        .init("shop_id", .text, nullable: false),
        .init("statement_id", .text, nullable: false),
        // Unix seconds.
        .init("statement_time", .integer, nullable: false),
        .init("currency", .text),
        .init("revenue_amount", .text),
        .init("fee_amount", .text),
        .init("adjustment_amount", .text),
        .init("settlement_amount", .text),
        .init("payment_status", .text),
        .init("payment_id", .text),
        .init("raw_json", .text, nullable: false),
    ])

    /// One row per transaction of a statement (`/finance/202309/statements/{id}/statement_transactions`): an order's
    /// settlement with its fee breakdown, deductions negative.
    public static let statementTransactions = RawTableContract(
        "raw_tiktok_statement_transactions", key: ["shop_id", "transaction_id"], version: "_loaded_at_us",
        indexes: [["order_id"], ["_loaded_at_us"]], columns: [
        .init("shop_id", .text, nullable: false),
        .init("transaction_id", .text, nullable: false),
        .init("statement_id", .text, nullable: false),
        // The statement's time (Unix seconds): when the order's money was settled.
        .init("statement_time", .integer, nullable: false),
        // `ORDER`, or an adjustment's type.
        .init("type", .text),
        .init("order_id", .text),
        .init("order_create_time", .integer),
        .init("currency", .text),
        .init("revenue_amount", .text),
        .init("settlement_amount", .text),
        .init("fee_amount", .text),
        .init("adjustment_amount", .text),
        .init("after_seller_discounts_subtotal_amount", .text),
        .init("customer_shipping_fee_amount", .text),
        .init("shipping_fee_amount", .text),
        .init("shipping_fee_subsidy_amount", .text),
        .init("platform_commission_amount", .text),
        .init("transaction_fee_amount", .text),
        .init("sfp_service_fee_amount", .text),
        .init("affiliate_commission_amount", .text),
        .init("affiliate_partner_commission_amount", .text),
        .init("affiliate_ads_commission_amount", .text),
        .init("raw_json", .text, nullable: false),
    ])

    /// The settlement tables, created by their own migration (`all` is what the first TikTok Shop migration created).
    public static let settlements = [statements, statementTransactions]

    public static let all = [orders, returns, products, shops]

    /// The `return_status` of a return whose refund is complete: the buyer has the money back.
    public static let refundCompleteStatus = "RETURN_OR_REFUND_REQUEST_COMPLETE"

    /// The `type` of a statement transaction that settles an order; the other types are adjustments.
    public static let orderTransactionType = "ORDER"
}
