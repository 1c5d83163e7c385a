import OmnidashCore
import Warehouse

/// The fields of a `get_order_detail` order that Omnidash reads, with exact amounts. Everything else stays in
/// `raw_json`. Read in one pass by `ShopeeOrderParser`.
struct ShopeeOrder {
    var orderSN = ""
    var currency = ""
    var orderStatus = ""
    var createTime: Int64 = 0
    var updateTime: Int64 = 0
    var totalAmount: FixedDecimal?
    var paymentMethod: String?
    var itemList: [ShopeeOrderItem] = []
    /// `item_list` exactly as received, for the raw table's `items` column.
    var itemsRange: Range<Int>?

    /// The first rule the order breaks, as a one-line reason; `nil` when it is valid.
    func validationProblem() -> String? {
        if orderSN.isEmpty { return "order_sn: is empty" }
        if currency.count != 3 { return "currency: '\(currency)' is not a 3-letter code" }
        if orderStatus.isEmpty { return "order_status: is empty" }
        if createTime <= 0 { return "create_time: \(createTime) is not a Unix time" }
        if updateTime < createTime { return "update_time: \(updateTime) is before create_time \(createTime)" }
        if itemList.isEmpty { return "item_list: is empty" }
        for (index, item) in itemList.enumerated() {
            if item.quantity < 1 { return "item_list[\(index)].model_quantity_purchased: \(item.quantity) is not a positive quantity" }
            if item.discountedPrice.micros < 0 { return "item_list[\(index)].model_discounted_price: \(item.discountedPrice) is negative" }
            if item.originalPrice.micros < 0 { return "item_list[\(index)].model_original_price: \(item.originalPrice) is negative" }
        }
        return nil
    }
}
