import Hummingbird
import OmnidashCore

/// `v2.product.get_item_list`, `v2.product.get_item_base_info` and `v2.product.get_model_list`: the brand's listings
/// as the call's shop lists them, with that shop's item ids, model ids and SKU codes.
extension ShopeeEmulator {
    static let itemStatuses: Set<String> = ["NORMAL", "BANNED", "UNLIST", "REVIEWING", "SELLER_DELETE", "SHOPEE_DELETE"]

    func getItemList(_ call: ShopCall) throws -> Response {
        let query = call.query
        let offset = try integer("offset", in: query)
        guard offset >= 0 else { throw ShopeeError.wrongParameters("offset should not be negative") }
        let pageSize = try integer("page_size", in: query)
        guard (1...100).contains(pageSize) else { throw ShopeeError.wrongParameters("page_size should be between 1 and 100") }
        // `item_status` is repeatable (item_status=NORMAL&item_status=UNLIST); a comma list is accepted too.
        let statuses = query.all("item_status").flatMap { $0.split(separator: ",").map(String.init) }
        guard !statuses.isEmpty else { throw ShopeeError.wrongParameters("item_status is required") }
        if let unknown = statuses.first(where: { !ShopeeEmulator.itemStatuses.contains($0) }) {
            throw ShopeeError.wrongParameters("item_status \(unknown) is invalid")
        }
        let updateFrom = query["update_time_from"].flatMap { Int64($0) }
        let updateTo = query["update_time_to"].flatMap { Int64($0) }
        let shop = call.shop
        let items = world.products.enumerated().filter { index, product in
            let updated = productTimes(index).update
            return statuses.contains(product.status)
                && updateFrom.map { updated >= $0 } != false && updateTo.map { updated <= $0 } != false
        }
        let page = items.dropFirst(Int(offset)).prefix(Int(pageSize))
        let next = Int(offset) + page.count
        return envelope { writer in
            writer.beginObject()
            writer.key("item")
            writer.beginArray()
            for (index, product) in page {
                writer.beginObject()
                writer.field("item_id", world.catalog.listingID(index, on: shop))
                writer.field("item_status", product.status)
                writer.field("update_time", productTimes(index).update)
                writer.key("tag")
                writer.beginObject()
                writer.field("kit", false)
                writer.endObject()
                writer.endObject()
            }
            writer.endArray()
            writer.field("total_count", items.count)
            writer.field("has_next_page", next < items.count)
            writer.field("next_offset", next)
            writer.endObject()
        }
    }

    func getItemBaseInfo(_ call: ShopCall) throws -> Response {
        let ids = try itemIDs(call.query)
        let products = ids.compactMap { itemIndex($0, on: call.shop) }
        return envelope { writer in
            writer.beginObject()
            writer.key("item_list")
            writer.beginArray()
            for index in products { writeBaseInfo(index, shop: call.shop, into: &writer) }
            writer.endArray()
            writer.endObject()
        }
    }

    func getModelList(_ call: ShopCall) throws -> Response {
        let itemID = try integer("item_id", in: call.query)
        let shop = call.shop
        guard let index = itemIndex(itemID, on: shop) else {
            throw ShopeeError(code: "error_item_not_found", message: "Item \(itemID) not found.")
        }
        let product = world.products[index]
        return envelope { writer in
            writer.beginObject()
            writer.key("tier_variation")
            writer.beginArray()
            if product.hasVariants {
                writer.beginObject()
                writer.field("name", product.category == "Lip Care" ? "Shade" : "Size")
                writer.key("option_list")
                writer.beginArray()
                for model in product.models {
                    writer.beginObject()
                    writer.field("option", model.name)
                    writer.endObject()
                }
                writer.endArray()
                writer.endObject()
            }
            writer.endArray()
            writer.key("model")
            writer.beginArray()
            if product.hasVariants {
                for (position, model) in product.models.enumerated() {
                    writer.beginObject()
                    writer.field("model_id", world.catalog.variantID(index, model: position, on: shop))
                    writer.key("tier_index")
                    writer.beginArray()
                    writer.int(position)
                    writer.endArray()
                    writer.field("model_sku", world.catalog.shopeeModelSKU(index, model: position, on: shop))
                    writer.field("model_status", "MODEL_NORMAL")
                    writePriceInfo(model.listPriceMinor, currency: shop.currency, into: &writer)
                    writeStock(stock(itemIndex: index, model: position, shop: shop), into: &writer)
                    writer.endObject()
                }
            }
            writer.endArray()
            writer.endObject()
        }
    }

    /// The catalogue index of the listing with this item id on `shop`; another shop's item ids are unknown here.
    private func itemIndex(_ itemID: Int64, on shop: SandboxShop) -> Int? {
        world.products.indices.first { world.catalog.listingID($0, on: shop) == itemID }
    }

    private func itemIDs(_ query: QueryParameters) throws -> [Int64] {
        let texts = list("item_id_list", in: query)
        guard !texts.isEmpty else { throw ShopeeError.wrongParameters("item_id_list is required") }
        guard texts.count <= 50 else { throw ShopeeError.wrongParameters("item_id_list should contain 1 to 50 item_id") }
        return try texts.map { text in
            guard let id = Int64(text) else { throw ShopeeError.wrongParameters("item_id_list must hold integers") }
            return id
        }
    }

    private func writeBaseInfo(_ index: Int, shop: SandboxShop, into writer: inout JSONWriter) {
        let product = world.products[index]
        let itemID = world.catalog.listingID(index, on: shop)
        let times = productTimes(index)
        writer.beginObject()
        writer.field("item_id", itemID)
        writer.field("category_id", product.categoryID)
        writer.field("item_name", product.name)
        writer.field("description", "\(product.name) — ผลิตภัณฑ์แท้จากแบรนด์ \(product.brand) ผลิตในประเทศไทย")
        writer.field("item_sku", world.catalog.shopeeItemSKU(index, on: shop))
        writer.field("create_time", times.create)
        writer.field("update_time", times.update)
        writer.key("attribute_list")
        writer.beginArray()
        writer.endArray()
        if !product.hasVariants {
            // As on Shopee, a listing with variants has no price or stock of its own: see get_model_list.
            writePriceInfo(product.models[0].listPriceMinor, currency: shop.currency, into: &writer)
        }
        writer.key("image")
        writer.beginObject()
        writer.key("image_url_list")
        writer.beginArray()
        writer.string("https://cf.shopee.co.th/file/th-11134207-sukhon-\(itemID)")
        writer.endArray()
        writer.key("image_id_list")
        writer.beginArray()
        writer.string("th-11134207-sukhon-\(itemID)")
        writer.endArray()
        writer.endObject()
        writer.field("weight", ShopeeOrderRenderer.kilograms(grams: product.weightGrams))
        writer.key("dimension")
        writer.beginObject()
        writer.field("package_length", 12)
        writer.field("package_width", 8)
        writer.field("package_height", 6)
        writer.endObject()
        writer.key("pre_order")
        writer.beginObject()
        writer.field("is_pre_order", false)
        writer.field("days_to_ship", 2)
        writer.endObject()
        writer.field("condition", "NEW")
        writer.field("size_chart", "")
        writer.field("item_status", product.status)
        writer.field("has_model", product.hasVariants)
        writer.field("promotion_id", 0)
        writer.key("brand")
        writer.beginObject()
        writer.field("brand_id", 1_100_000 + Int64(product.brand.utf8.count))
        writer.field("original_brand_name", product.brand)
        writer.endObject()
        writer.field("item_dangerous", 0)
        writer.field("description_type", "normal")
        if !product.hasVariants { writeStock(stock(itemIndex: index, model: 0, shop: shop), into: &writer) }
        writer.endObject()
    }

    private func writePriceInfo(_ priceMinor: Int64, currency: String, into writer: inout JSONWriter) {
        writer.key("price_info")
        writer.beginArray()
        writer.beginObject()
        writer.field("currency", currency)
        writer.amountField("original_price", minor: priceMinor)
        writer.amountField("current_price", minor: priceMinor)
        writer.endObject()
        writer.endArray()
    }

    private func writeStock(_ stock: Int, into writer: inout JSONWriter) {
        writer.key("stock_info_v2")
        writer.beginObject()
        writer.key("summary_info")
        writer.beginObject()
        writer.field("total_reserved_stock", stock / 20)
        writer.field("total_available_stock", stock)
        writer.endObject()
        writer.key("seller_stock")
        writer.beginArray()
        writer.beginObject()
        writer.field("location_id", "THZ4JHS1FY")
        writer.field("stock", stock)
        writer.endObject()
        writer.endArray()
        writer.endObject()
    }

    /// Each shop holds its own stock; the reference shop's draw is keyed as it always was.
    private func stock(itemIndex: Int, model: Int, shop: SandboxShop) -> Int {
        var generator = shop.streamKey == 0
            ? SeededGenerator(seed: world.seed, stream: .orderDetails, -1, Int64(itemIndex), Int64(model))
            : SeededGenerator(seed: world.seed, stream: .orderDetails, -1, Int64(itemIndex), Int64(model), shop.streamKey)
        return world.products[itemIndex].status == "NORMAL" ? generator.int(in: 40...900) : 0
    }

    /// Listing creation and last-update times: created over 2024, updated within the 60 days before "now".
    private func productTimes(_ index: Int) -> (create: Int64, update: Int64) {
        let created = world.calendar.startOfDay(BusinessDate(year: 2024, month: 3, day: 1)!) + Int64(index) * 3 * 86_400 + 36_000
        let updated = world.nowUnix - Int64((index * 13) % 60 + 1) * 86_400 + Int64(index * 611 % 36_000)
        return (created, max(created, updated))
    }
}
