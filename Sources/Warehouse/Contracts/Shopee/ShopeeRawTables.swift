/// Shopee's raw tables: orders with their items and buyer fields hashed, products, shops.
public enum ShopeeRawTables {
    public static let orders = RawTableContract("raw_shopee_orders", key: ["shop_id", "order_sn"], version: "update_time",
                                           indexes: [["create_time"], ["_loaded_at_us"]], columns: [
        .init("order_id", .text, nullable: false),
        .init("order_sn", .text, nullable: false),
        .init("shop_id", .text, nullable: false),
        .init("buyer_username", .text),
        .init("order_status", .text),
        .init("payment_method", .text),
        .init("total_amount", .text),
        .init("currency", .text),
        .init("create_time", .integer, nullable: false),
        .init("update_time", .integer, nullable: false),
        .init("items", .text),
        .init("raw_json", .text, nullable: false),
    ])

    public static let products = RawTableContract("raw_shopee_products", key: ["shop_id", "item_id"], version: "update_time", columns: [
        .init("shop_id", .text, nullable: false),
        .init("item_id", .text, nullable: false),
        .init("item_name", .text),
        .init("item_sku", .text),
        .init("item_status", .text),
        .init("currency", .text),
        .init("current_price", .text),
        .init("original_price", .text),
        .init("stock", .integer),
        .init("update_time", .integer, nullable: false),
        .init("raw_json", .text, nullable: false),
    ])

    public static let shops = RawTableContract("raw_shopee_shops", key: ["shop_id"], version: "_loaded_at_us",
                                           indexes: [], columns: [
        .init("shop_id", .text, nullable: false),
        .init("shop_name", .text),
        .init("region", .text),
        .init("status", .text),
        .init("raw_json", .text, nullable: false),
    ])

    /// One row per order whose escrow Shopee has released (`v2.payment.get_escrow_list`), with its accounting detail
    /// (`get_escrow_detail_batch`'s `escrow_detail`). Amounts are the JSON numbers' text as Shopee wrote them, baht, fees
    /// positive.
    public static let escrows = RawTableContract("raw_shopee_escrows", key: ["shop_id", "order_sn"], version: "_loaded_at_us",
                                                 indexes: [["escrow_release_time"], ["_loaded_at_us"]], columns: [
        .init("shop_id", .text, nullable: false),
        .init("order_sn", .text, nullable: false),
        // Unix seconds, from the escrow list.
        .init("escrow_release_time", .integer, nullable: false),
        .init("payout_amount", .text),
        // `order_income` members.
        .init("escrow_amount", .text),
        .init("buyer_total_amount", .text),
        .init("order_selling_price", .text),
        .init("commission_fee", .text),
        .init("service_fee", .text),
        .init("seller_transaction_fee", .text),
        .init("final_shipping_fee", .text),
        .init("buyer_paid_shipping_fee", .text),
        .init("voucher_from_seller", .text),
        .init("voucher_from_shopee", .text),
        .init("order_ams_commission_fee", .text),
        .init("seller_coin_cash_back", .text),
        .init("escrow_tax", .text),
        .init("drc_adjustable_refund", .text),
        .init("cross_border_tax", .text),
        // `order_income.items` as received, a JSON array.
        .init("items", .text),
        // The whole `escrow_detail`.
        .init("raw_json", .text, nullable: false),
    ])

    /// The settlement tables, created by their own migration (`all` is what the first Shopee migrations created).
    public static let settlements = [escrows]

    public static let all = [orders, products, shops]
}
