import Foundation

/// The fields of a `get_order_detail` order that Omnidash reads, decoded with exact `Decimal` amounts.
/// Everything else stays in `raw_json`.
struct ShopeeOrder: Decodable {
    struct Item: Decodable {
        let itemID: Int64
        let itemName: String
        let itemSKU: String?
        let modelID: Int64?
        let modelSKU: String?
        let quantity: Int
        let originalPrice: Decimal
        let discountedPrice: Decimal

        enum CodingKeys: String, CodingKey {
            case itemID = "item_id", itemName = "item_name", itemSKU = "item_sku", modelID = "model_id",
                 modelSKU = "model_sku", quantity = "model_quantity_purchased", originalPrice = "model_original_price",
                 discountedPrice = "model_discounted_price"
        }
    }

    let orderSN: String
    let currency: String
    let orderStatus: String
    let createTime: Int64
    let updateTime: Int64
    let totalAmount: Decimal?
    let paymentMethod: String?
    let buyerUsername: String?
    let itemList: [Item]

    enum CodingKeys: String, CodingKey {
        case orderSN = "order_sn", currency, orderStatus = "order_status", createTime = "create_time",
             updateTime = "update_time", totalAmount = "total_amount", paymentMethod = "payment_method",
             buyerUsername = "buyer_username", itemList = "item_list"
    }

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
            if item.discountedPrice < 0 { return "item_list[\(index)].model_discounted_price: \(item.discountedPrice) is negative" }
            if item.originalPrice < 0 { return "item_list[\(index)].model_original_price: \(item.originalPrice) is negative" }
        }
        return nil
    }
}
