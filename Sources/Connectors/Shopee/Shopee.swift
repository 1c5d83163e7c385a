import Warehouse

/// Shopee Open Platform v2: orders, products and shop information of each authorised shop.
///
/// Everything about the API lives in this folder: signing (`Shopee+Signing`), pure request builders
/// (`Shopee+Requests`), response models, response classification, the token session and the streams.
/// Facts are from shared/reference/ecommerce-apis.md §1.
public enum Shopee {
    /// The raw tables this connector fills, with their natural keys.
    public enum Streams {
        public static let orders = RawStream(
            table: "raw_shopee_orders",
            columns: ["order_id", "order_sn", "shop_id", "buyer_username", "order_status", "payment_method", "total_amount",
                      "currency", "create_time", "update_time", "items", "raw_json"],
            key: ["shop_id", "order_sn"], version: "update_time")

        public static let products = RawStream(
            table: "raw_shopee_products",
            columns: ["shop_id", "item_id", "item_name", "item_sku", "item_status", "currency", "current_price",
                      "original_price", "stock", "update_time", "raw_json"],
            key: ["shop_id", "item_id"], version: "update_time")

        public static let shops = RawStream(
            table: "raw_shopee_shops", columns: ["shop_id", "shop_name", "region", "status", "raw_json"],
            key: ["shop_id"], version: "_loaded_at_us")
    }

    /// `get_order_list` accepts windows of at most 15 days (`order.order_list_invalid_time`).
    public static let maxOrderWindowSeconds: Int64 = 15 * 86_400
    /// `get_order_list` page size, the maximum the API allows.
    public static let orderPageSize = 100
    /// `get_order_detail` takes at most 50 order numbers.
    public static let detailBatchSize = 50
    /// `get_item_base_info` takes at most 50 item ids.
    public static let itemBatchSize = 50
}
