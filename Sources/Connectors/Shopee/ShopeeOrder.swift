import OmnidashCore

/// The fields of a `get_order_detail` order that Omnidash reads, with exact amounts. Everything else stays in
/// `raw_json`. Read in one pass by `ShopeeOrderParser`.
struct ShopeeOrder {
    struct Item {
        var itemID: Int64 = 0
        var itemName = ""
        var itemSKU: String?
        var modelID: Int64?
        var modelSKU: String?
        var quantity: Int64 = 0
        var originalPrice = FixedDecimal(0)
        var discountedPrice = FixedDecimal(0)

        static let required = ["item_id", "item_name", "model_quantity_purchased", "model_original_price", "model_discounted_price"]

        /// Reads one `item_list` element; `index` names it in errors.
        static func read(_ reader: inout JSONReader, index: Int) throws(JSONReadError) -> Item {
            var item = Item()
            var seen: UInt8 = 0
            func path(_ name: String) -> String { "item_list[\(index)].\(name)" }
            try reader.readObject { reader, key throws(JSONReadError) in
                if key == "item_id" {
                    item.itemID = try JSONReadError.within(path("item_id"), &reader) { reader throws(JSONReadError) in try reader.readInt64() }
                    seen |= 1
                } else if key == "item_name" {
                    item.itemName = try JSONReadError.within(path("item_name"), &reader) { reader throws(JSONReadError) in try reader.readString() }
                    seen |= 2
                } else if key == "model_quantity_purchased" {
                    item.quantity = try JSONReadError.within(path("model_quantity_purchased"), &reader) { reader throws(JSONReadError) in
                        try reader.readInt64()
                    }
                    seen |= 4
                } else if key == "model_original_price" {
                    item.originalPrice = try JSONReadError.within(path("model_original_price"), &reader) { reader throws(JSONReadError) in
                        try reader.readAmount()
                    }
                    seen |= 8
                } else if key == "model_discounted_price" {
                    item.discountedPrice = try JSONReadError.within(path("model_discounted_price"), &reader) { reader throws(JSONReadError) in
                        try reader.readAmount()
                    }
                    seen |= 16
                } else if key == "item_sku" {
                    item.itemSKU = try JSONReadError.within(path("item_sku"), &reader) { reader throws(JSONReadError) in try reader.readOptionalString() }
                } else if key == "model_sku" {
                    item.modelSKU = try JSONReadError.within(path("model_sku"), &reader) { reader throws(JSONReadError) in try reader.readOptionalString() }
                } else if key == "model_id" {
                    item.modelID = try JSONReadError.within(path("model_id"), &reader) { reader throws(JSONReadError) in
                        try reader.readNull() ? nil : try reader.readInt64()
                    }
                } else {
                    try reader.skipValue()
                }
            }
            for (bit, name) in required.enumerated() where seen & (1 << bit) == 0 {
                throw .invalid("\(path(name)): is required")
            }
            return item
        }
    }

    var orderSN = ""
    var currency = ""
    var orderStatus = ""
    var createTime: Int64 = 0
    var updateTime: Int64 = 0
    var totalAmount: FixedDecimal?
    var paymentMethod: String?
    var itemList: [Item] = []
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
