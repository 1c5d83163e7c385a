import OmnidashCore

/// One element of a Shopee order's `item_list`, as the connector checks it on the way in and staging reads it back
/// from `raw_shopee_orders.items` (the list exactly as Shopee sent it): the contract of that column's content.
public struct ShopeeOrderItem: Sendable {
    public var itemID: Int64 = 0
    public var itemName = ""
    public var itemSKU: String?
    public var modelID: Int64?
    public var modelSKU: String?
    public var quantity: Int64 = 0
    public var originalPrice = FixedDecimal(0)
    public var discountedPrice = FixedDecimal(0)

    static let required = ["item_id", "item_name", "model_quantity_purchased", "model_original_price", "model_discounted_price"]

    /// The variant's SKU when it has one, else the item's.
    public var sku: String? {
        if let modelSKU, !modelSKU.isEmpty { return modelSKU }
        if let itemSKU, !itemSKU.isEmpty { return itemSKU }
        return nil
    }

    /// Reads one element; `index` names it in errors (`item_list[2].model_quantity_purchased: expected …`).
    public static func read(_ reader: inout JSONReader, index: Int) throws(JSONReadError) -> ShopeeOrderItem {
        var item = ShopeeOrderItem()
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

    /// The whole `items` column of one raw order, read in one pass.
    public static func list(_ text: String) throws(JSONReadError) -> [ShopeeOrderItem] {
        var text = text
        let result = text.withUTF8 { buffer -> Result<[ShopeeOrderItem], JSONReadError> in
            var reader = JSONReader(buffer)
            var items: [ShopeeOrderItem] = []
            do throws(JSONReadError) {
                try reader.readArray { reader, index throws(JSONReadError) in items.append(try read(&reader, index: index)) }
                try reader.expectEnd()
                return .success(items)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
