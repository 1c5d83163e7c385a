import Foundation
import Hummingbird
import OmnidashCore

/// `GET /authorization/202309/shops` and `POST /product/202309/products/search` (ecommerce-apis.md §3.3).
extension TikTokShopEmulator {
    /// The shops that authorised the app, each with the `cipher` shop APIs take as `shop_cipher`.
    func authorizedShops(_ call: Call) throws -> Response {
        envelope(call) { writer in
            writer.beginObject()
            writer.key("shops")
            writer.beginArray()
            writer.beginObject()
            writer.field("id", String(shop.shopID))
            writer.field("name", shop.name)
            writer.field("region", shop.region)
            writer.field("seller_type", "LOCAL")
            writer.field("cipher", cipher)
            writer.field("code", shopCode)
            writer.endObject()
            writer.endArray()
            writer.endObject()
        }
    }

    /// The shop code Seller Center shows: the region, `LC` for a local seller and eight characters.
    var shopCode: String {
        "THLC" + String(shop.shopID % 2_821_109_907_456, radix: 36).uppercased().suffix(8)
    }

    static let productStatuses: Set<String> = [
        "ALL", "DRAFT", "PENDING", "FAILED", "ACTIVATE", "SELLER_DEACTIVATED", "PLATFORM_DEACTIVATED", "FREEZE", "DELETED",
    ]

    /// Products paged by `page_size` (1–100) and `page_token`; the body may filter by `status` and `seller_skus`.
    /// Listed products are `ACTIVATE`, unlisted ones `SELLER_DEACTIVATED`.
    func searchProducts(_ call: Call) throws -> Response {
        let size = try pageSize(call.query)
        let status = call.body["status"].map { $0 as? String } ?? "ALL"
        guard let status, Self.productStatuses.contains(status) else {
            throw TikTokShopError.invalidParameter("`status` is not a product status.")
        }
        var skus: Set<String>?
        if let value = call.body["seller_skus"] {
            guard let list = value as? [String] else { throw TikTokShopError.invalidParameter("`seller_skus` must be a list of SKUs.") }
            skus = Set(list)
        }
        let catalog = world.catalog
        let indices = world.products.indices.filter { index in
            let product = world.products[index]
            guard status == "ALL" || productStatus(product) == status else { return false }
            guard let skus else { return true }
            return product.models.contains { skus.contains(catalog.sku($0, on: shop)) }
        }
        let fingerprint = "products|\(status)|\(skus.map { $0.sorted().joined(separator: ",") } ?? "-")|\(size)"
        let offset = try TikTokShopPageToken.offset(call.query["page_token"], query: fingerprint)
        let page = indices.dropFirst(offset).prefix(size)
        let end = offset + page.count
        return envelope(call) { writer in
            writer.beginObject()
            writer.field("total_count", indices.count)
            writer.field("next_page_token", end < indices.count ? TikTokShopPageToken.make(offset: end, query: fingerprint) : "")
            writer.key("products")
            writer.beginArray()
            for index in page { writeProduct(index, into: &writer) }
            writer.endArray()
            writer.endObject()
        }
    }

    private func productStatus(_ product: SandboxProduct) -> String {
        product.status == "NORMAL" ? "ACTIVATE" : "SELLER_DEACTIVATED"
    }

    private func writeProduct(_ index: Int, into writer: inout JSONWriter) {
        let product = world.products[index]
        let catalog = world.catalog
        // Listings were created over 2024 and last updated within the 60 days before "now".
        let created = world.calendar.startOfDay(BusinessDate(year: 2024, month: 6, day: 1)!) + Int64(index) * 2 * 86_400 + 41_000
        let updated = max(created, world.nowUnix - Int64((index * 13) % 60 + 1) * 86_400 + Int64(index * 347 % 36_000))
        writer.beginObject()
        writer.field("id", String(catalog.listingID(index, on: shop)))
        writer.field("title", product.name)
        writer.field("status", productStatus(product))
        writer.key("sales_regions")
        writer.beginArray()
        writer.string(shop.region)
        writer.endArray()
        writer.field("create_time", created)
        writer.field("update_time", updated)
        writer.key("skus")
        writer.beginArray()
        for (modelIndex, model) in product.models.enumerated() {
            let stock = product.status == "NORMAL" ? 20 + (index * 41 + modelIndex * 13) % 500 : 0
            writer.beginObject()
            writer.field("id", String(catalog.variantID(index, model: modelIndex, on: shop)))
            writer.field("seller_sku", catalog.sku(model, on: shop))
            writer.key("price")
            writer.beginObject()
            writer.field("currency", shop.currency)
            writer.field("sale_price", TikTokShopOrderRenderer.amount(model.listPriceMinor))
            writer.field("tax_exclusive_price", TikTokShopOrderRenderer.amount(model.listPriceMinor))
            writer.endObject()
            writer.key("inventory")
            writer.beginArray()
            writer.beginObject()
            writer.field("warehouse_id", String(7_068_517_275_539_719_000 + shop.shopID % 1_000))
            writer.field("quantity", stock)
            writer.endObject()
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }
}
