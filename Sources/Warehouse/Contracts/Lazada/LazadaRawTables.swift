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

    /// One row per line of the seller's transactions (`/finance/transaction/details/get`): an item's price credit or
    /// one fee of it. Amounts as Lazada writes them, signed (fees negative).
    public static let transactions = RawTableContract("raw_lazada_transactions", key: ["seller_id", "transaction_number"],
                                                      version: "_loaded_at_us", indexes: [["order_no"], ["_loaded_at_us"]], columns: [
        .init("seller_id", .text, nullable: false),
        .init("transaction_number", .text, nullable: false),
        .init("order_no", .text),
        .init("order_item_no", .text),
        .init("order_item_status", .text),
        // As written (`17 May 2016`), and the same day as `yyyy-MM-dd`.
        .init("transaction_date", .text),
        .init("transaction_day", .date, nullable: false),
        .init("transaction_type", .text),
        .init("fee_type", .text),
        .init("fee_name", .text),
        .init("amount", .text, nullable: false),
        .init("vat_in_amount", .text),
        .init("statement", .text),
        .init("paid_status", .text),
        .init("seller_sku", .text),
        .init("lazada_sku", .text),
        .init("raw_json", .text, nullable: false),
    ])

    /// The settlement tables, created by their own migration (`all` is what the first Lazada migration created).
    public static let settlements = [transactions]

    public static let all = [orders, products, sellers]
}
