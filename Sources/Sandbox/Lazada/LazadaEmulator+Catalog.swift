import Foundation
import Hummingbird
import OmnidashCore

/// `/products/get` and `/seller/get` (ecommerce-apis.md §2.3).
extension LazadaEmulator {
    static let productFilters: Set<String> = ["all", "live", "inactive", "deleted", "pending", "rejected", "sold-out"]

    /// Products paged by `offset` and `limit` (at most 50), each with its SKUs; `filter` selects live or inactive ones.
    func getProducts(_ call: Call) throws -> Response {
        let parameters = call.parameters
        let filter = parameters["filter"] ?? "all"
        guard Self.productFilters.contains(filter) else { throw LazadaError.invalidParameter("filter", "'\(filter)' is not a filter") }
        let offset = try integer("offset", in: parameters, default: 0, range: 0...10_000, error: .invalidOffset)
        let limit = try integer("limit", in: parameters, default: 20, range: 1...50, error: .invalidLimit)
        let products = world.products.indices.filter { index in
            let live = world.products[index].status == "NORMAL"
            switch filter {
            case "all": return true
            case "live": return live
            case "inactive": return !live
            default: return false
            }
        }
        return envelope { writer in
            writer.beginObject()
            writer.field("total_products", String(products.count))
            writer.key("products")
            writer.beginArray()
            for index in products.dropFirst(offset).prefix(limit) { writeProduct(index, into: &writer) }
            writer.endArray()
            writer.endObject()
        }
    }

    private func writeProduct(_ index: Int, into writer: inout JSONWriter) {
        let product = world.products[index]
        let times = productTimes(index)
        writer.beginObject()
        writer.field("item_id", String(world.catalog.listingID(index, on: shop)))
        writer.field("primary_category", String(product.categoryID))
        writer.field("created_time", String(times.create * 1_000))
        writer.field("updated_time", String(times.update * 1_000))
        writer.field("status", product.status == "NORMAL" ? "Active" : "InActive")
        writer.key("attributes")
        writer.beginObject()
        writer.field("name", product.name)
        writer.field("brand", product.brand)
        writer.field("short_description", product.englishName)
        writer.endObject()
        writer.key("skus")
        writer.beginArray()
        for (modelIndex, model) in product.models.enumerated() {
            let stock = product.status == "NORMAL" ? 30 + (index * 37 + modelIndex * 11) % 600 : 0
            writer.beginObject()
            writer.field("SkuId", world.catalog.variantID(index, model: modelIndex, on: shop))
            writer.field("SellerSku", world.catalog.sku(model, on: shop))
            writer.field("ShopSku", "\(world.catalog.listingID(index, on: shop))_TH-\(world.catalog.variantID(index, model: modelIndex, on: shop))")
            writer.field("Status", product.status == "NORMAL" ? "active" : "inactive")
            writer.key("price")
            writer.number(AmountText.twoDecimals(minor: model.listPriceMinor))
            writer.field("quantity", stock)
            writer.field("Available", stock)
            writer.field("package_weight", AmountText.twoDecimals(minor: Int64(product.weightGrams) / 10))
            if !model.name.isEmpty { writer.field("variation", model.name) }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    /// Listings were created over 2024 and last updated within the 60 days before "now".
    private func productTimes(_ index: Int) -> (create: Int64, update: Int64) {
        let created = world.calendar.startOfDay(BusinessDate(year: 2024, month: 5, day: 1)!) + Int64(index) * 2 * 86_400 + 30_000
        let updated = world.nowUnix - Int64((index * 17) % 60 + 1) * 86_400 + Int64(index * 503 % 36_000)
        return (created, max(created, updated))
    }

    func getSeller(_ call: Call) throws -> Response {
        envelope { writer in
            writer.beginObject()
            writer.field("name", shop.name)
            writer.field("name_company", "Sukhon Beauty Co., Ltd.")
            writer.field("seller_id", String(shop.shopID))
            writer.field("short_code", shortCode)
            writer.field("email", "seller@sukhon-beauty.co.th")
            writer.field("logo_url", shop.logoURL)
            writer.field("location", "Bangkok")
            writer.field("status", "ACTIVE")
            writer.field("verified", "true")
            writer.field("cb", "false")
            writer.field("marketplaceEaseMode", "false")
            writer.endObject()
        }
    }
}
