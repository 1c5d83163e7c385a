import Warehouse

/// Shopee Open Platform v2: orders, products and shop information of each authorised shop.
///
/// Everything about the API lives in this folder: signing (`Shopee+Signing`), pure request builders
/// (`Shopee+Requests`), response models, response classification, the token session and the streams. Its raw
/// tables are declared in `Warehouse/Contracts/Shopee`.
/// Facts are from shared/reference/ecommerce-apis.md §1.
public enum Shopee {
    /// `get_order_list` accepts windows of at most 15 days (`order.order_list_invalid_time`).
    public static let maxOrderWindowSeconds: Int64 = 15 * 86_400
    /// `get_order_list` page size, the maximum the API allows.
    public static let orderPageSize = 100
    /// `get_order_detail` takes at most 50 order numbers.
    public static let detailBatchSize = 50
    /// `get_item_base_info` takes at most 50 item ids.
    public static let itemBatchSize = 50
}
