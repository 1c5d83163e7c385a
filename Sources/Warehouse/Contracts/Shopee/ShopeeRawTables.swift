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

    public static let all = [orders, products, shops]
}
