import Foundation
import OmnidashCore
import Warehouse

/// `raw_tiktok_shops` → `stg_shops` and `raw_tiktok_products` → `stg_products`, one product row per SKU.
struct TikTokShopCatalogStaging: StagingBuilder {
    var name: String { "stg_catalog.tiktok" }
    var rawTables: [RawTableContract] { [TikTokShopRawTables.shops, TikTokShopRawTables.products] }

    struct SKU: Decodable {
        struct Price: Decodable {
            let salePrice: String?
            enum CodingKeys: String, CodingKey { case salePrice = "sale_price" }
        }
        struct Inventory: Decodable { let quantity: Int64? }
        let sellerSKU: String?
        let price: Price?
        let inventory: [Inventory]?
        enum CodingKeys: String, CodingKey { case sellerSKU = "seller_sku", price, inventory }
    }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        let catalog = CatalogStaging(platform: .tiktokShop, context: context)
        guard try await catalog.changed(rawTables, after: watermark) else { return StagingOutcome() }
        let shops = try await context.warehouse.query("SELECT shop_id, name, region FROM raw_tiktok_shops").map { shop in
            let region = shop.optionalText("region") ?? "TH"
            // TikTok publishes no shop page address for an id; the region's Seller Center is where the seller manages it.
            return CatalogStaging.Shop(shopID: shop.text("shop_id"), name: shop.optionalText("name"),
                                       url: "https://seller-\(region.lowercased()).tiktok.com", region: region, isActive: true)
        }
        var listings: [CatalogStaging.Listing] = []
        for product in try await context.warehouse.query("SELECT product_id, title, skus FROM raw_tiktok_products") {
            let skus = (try? JSONDecoder().decode([SKU].self, from: Data(product.text("skus").utf8))) ?? []
            for sku in skus {
                let stock = sku.inventory.map { $0.reduce(0) { $0 + ($1.quantity ?? 0) } }
                listings.append(CatalogStaging.Listing(productID: product.text("product_id"), sku: sku.sellerSKU,
                                                       name: product.optionalText("title"), price: sku.price?.salePrice, stock: stock))
            }
        }
        return StagingOutcome(rows: try await catalog.write(shops: shops, listings: listings))
    }
}
