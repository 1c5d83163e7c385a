import Foundation
import OmnidashCore
import Warehouse

/// `raw_lazada_sellers` → `stg_shops` and `raw_lazada_products` → `stg_products`, one product row per SKU.
struct LazadaCatalogStaging: StagingBuilder {
    var name: String { "stg_catalog.lazada" }
    var rawTables: [RawTableContract] { [LazadaRawTables.sellers, LazadaRawTables.products] }

    struct SKU: Decodable {
        let sellerSKU: String?
        let price: NumericText?
        let quantity: Int64?
        enum CodingKeys: String, CodingKey { case sellerSKU = "SellerSku", price, quantity }
    }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        let catalog = CatalogStaging(platform: .lazada, context: context)
        guard try await catalog.changed(rawTables, after: watermark) else { return StagingOutcome() }
        let shops = try await context.warehouse.query("SELECT seller_id, name, short_code, status FROM raw_lazada_sellers").map { seller in
            CatalogStaging.Shop(shopID: seller.text("seller_id"), name: seller.optionalText("name"),
                                url: "https://www.lazada.co.th/shop/\(seller.text("short_code").lowercased())", region: "TH",
                                isActive: seller.text("status") == "ACTIVE")
        }
        var listings: [CatalogStaging.Listing] = []
        for product in try await context.warehouse.query("SELECT item_id, name, skus FROM raw_lazada_products") {
            let skus = (try? JSONDecoder().decode([SKU].self, from: Data(product.text("skus").utf8))) ?? []
            for sku in skus {
                listings.append(CatalogStaging.Listing(productID: product.text("item_id"), sku: sku.sellerSKU, name: product.optionalText("name"),
                                                       price: sku.price?.text, stock: sku.quantity))
            }
        }
        return StagingOutcome(rows: try await catalog.write(shops: shops, listings: listings))
    }
}
