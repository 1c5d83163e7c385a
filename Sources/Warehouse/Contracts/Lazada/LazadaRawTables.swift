/// Lazada's raw tables: orders with their items (one item per unit, a status per item) and buyer fields hashed,
/// products with their SKUs, sellers.
public enum LazadaRawTables {
    public static let orders = RawTableContract("raw_lazada_orders", key: ["seller_id", "order_id"], version: "update_time",
                                                indexes: [["create_time"], ["_loaded_at_us"]], columns: [
        .init("order_id", .text, nullable: false),
        .init("order_number", .text),
        .init("seller_id", .text, nullable: false),
        // The buyer's name, hashed.
        .init("customer_name", .text),
        // The distinct item statuses as Lazada lists them (`statuses`), a JSON array.
        .init("statuses", .text),
        .init("payment_method", .text),
        // Σ item prices, voucher and shipping excluded, as Lazada writes it.
        .init("price", .text),
        .init("currency", .text),
        // As received, with the seller's offset.
        .init("created_at", .text),
        .init("updated_at", .text),
        // The same instants in Unix seconds, for windows and business dates.
        .init("create_time", .integer, nullable: false),
        .init("update_time", .integer, nullable: false),
        // The order's items from `/orders/items/get`, a JSON array.
        .init("items", .text, nullable: false),
        .init("raw_json", .text, nullable: false),
    ])

    public static let products = RawTableContract("raw_lazada_products", key: ["seller_id", "item_id"], version: "update_time",
                                                  columns: [
        .init("seller_id", .text, nullable: false),
        .init("item_id", .text, nullable: false),
        .init("name", .text),
        .init("status", .text),
        // `skus[]` as received, a JSON array.
        .init("skus", .text),
        .init("update_time", .integer, nullable: false),
        .init("raw_json", .text, nullable: false),
    ])

    public static let sellers = RawTableContract("raw_lazada_sellers", key: ["seller_id"], version: "_loaded_at_us", indexes: [],
                                                 columns: [
        .init("seller_id", .text, nullable: false),
        .init("name", .text),
        .init("short_code", .text),
        .init("status", .text),
        .init("raw_json", .text, nullable: false),
    ])

    public static let all = [orders, products, sellers]
}
