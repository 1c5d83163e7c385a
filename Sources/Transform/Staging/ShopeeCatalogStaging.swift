import Foundation
import OmnidashCore
import Warehouse

/// `raw_shopee_shops` → `stg_shops` and `raw_shopee_products` → `stg_products` (master SKUs through the SKU
/// map). Catalogues are small, so both are rebuilt whole whenever either changed.
struct ShopeeCatalogStaging: StagingBuilder {
    var name: String { "stg_catalog.shopee" }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        let warehouse = context.warehouse
        let changed = try await warehouse.scalar(SQLStatement("""
            SELECT (SELECT count(*) FROM raw_shopee_shops WHERE _loaded_at_us > :watermark)
                 + (SELECT count(*) FROM raw_shopee_products WHERE _loaded_at_us > :watermark)
            """, ["watermark": .integer(watermark)]))
        guard (changed.int64 ?? 0) > 0 || (watermark == 0 && !context.skuMap.isEmpty) else { return StagingOutcome() }
        let shops = try await warehouse.query("SELECT shop_id, shop_name, region, status FROM raw_shopee_shops")
        let shopRows: [[SQLValue]] = shops.map { shop in
            [.text(shop.text("shop_id")), .text("shopee"), shop["shop_name"], .text("https://shopee.co.th/shop/\(shop.text("shop_id"))"),
             shop["region"], SQLValue(shop.text("status") == "NORMAL"), .text(context.builtAt)]
        }
        let products = try await warehouse.query("SELECT shop_id, item_id, item_name, item_sku, current_price, stock FROM raw_shopee_products")
        var productRows: [[SQLValue]] = []
        var seen = Set<[String]>()
        for product in products {
            let sku = product.optionalText("item_sku") ?? ""
            let entry = sku.isEmpty ? nil : context.skuMap.entry(platform: "shopee", sku: sku)
            let master = entry?.skuMaster ?? (sku.isEmpty ? "shopee:\(product.text("item_id"))" : sku)
            // One row per master SKU and platform product, even when two shops list the same item.
            guard seen.insert([master, product.text("item_id")]).inserted else { continue }
            productRows.append([
                .text(master), SQLValue(entry?.productName ?? product.optionalText("item_name")), SQLValue(entry?.category),
                SQLValue(entry?.brand), SQLValue(entry?.cost), .text("shopee"), SQLValue(sku.isEmpty ? nil : sku),
                .text(product.text("item_id")), product["current_price"], product["stock"], .text(context.builtAt),
            ])
        }
        try await warehouse.write([
            .execute("DELETE FROM stg_shops WHERE platform = 'shopee'"),
            .insert(RowSet(table: "stg_shops", columns: ["shop_id", "platform", "shop_name", "shop_url", "region", "is_active", "_updated_at"],
                           rows: shopRows)),
            .execute("DELETE FROM stg_products WHERE platform = 'shopee'"),
            .insert(RowSet(table: "stg_products",
                           columns: ["sku_master", "product_name", "category", "brand", "cost", "platform", "platform_sku",
                                     "platform_product_id", "current_price", "stock_quantity", "_updated_at"],
                           rows: productRows)),
        ])
        return StagingOutcome(rows: shopRows.count + productRows.count)
    }
}
