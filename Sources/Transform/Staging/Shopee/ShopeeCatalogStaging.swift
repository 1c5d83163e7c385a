import Foundation
import OmnidashCore
import Warehouse

/// `raw_shopee_shops` → `stg_shops` and `raw_shopee_products` → `stg_products` (master SKUs through the SKU
/// map). Catalogues are small, so both are rebuilt whole whenever either changed.
struct ShopeeCatalogStaging: StagingBuilder {
    var name: String { "stg_catalog.shopee" }
    var rawTables: [RawTableContract] { [ShopeeRawTables.shops, ShopeeRawTables.products] }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        let warehouse = context.warehouse
        let changed = try await warehouse.scalar(SQLStatement("""
            SELECT (SELECT count(*) FROM raw_shopee_shops WHERE _loaded_at_us > :watermark)
                 + (SELECT count(*) FROM raw_shopee_products WHERE _loaded_at_us > :watermark)
            """, ["watermark": .integer(watermark)]))
        guard (changed.int64 ?? 0) > 0 || (watermark == 0 && !context.skuMap.isEmpty) else { return StagingOutcome() }
        let shops = try await warehouse.query("SELECT shop_id, shop_name, region, status FROM raw_shopee_shops")
        let shopRows: [TableRow] = shops.map { shop in
            var row = StagingTables.shops.row()
            row["shop_id"] = .text(shop.text("shop_id"))
            row["platform"] = .text(Platform.shopee.rawValue)
            row["shop_name"] = shop["shop_name"]
            row["shop_url"] = .text("https://shopee.co.th/shop/\(shop.text("shop_id"))")
            row["region"] = shop["region"]
            row["is_active"] = SQLValue(shop.text("status") == "NORMAL")
            row["_updated_at"] = .text(context.builtAt)
            return row
        }
        let products = try await warehouse.query("SELECT shop_id, item_id, item_name, item_sku, current_price, stock FROM raw_shopee_products")
        var productRows: [TableRow] = []
        var seen = Set<[String]>()
        for product in products {
            let sku = product.optionalText("item_sku") ?? ""
            let entry = sku.isEmpty ? nil : context.skuMap.entry(platform: Platform.shopee.rawValue, sku: sku)
            let master = entry?.skuMaster ?? (sku.isEmpty ? "shopee:\(product.text("item_id"))" : sku)
            // One row per master SKU and platform product, even when two shops list the same item.
            guard seen.insert([master, product.text("item_id")]).inserted else { continue }
            var row = StagingTables.products.row()
            row["sku_master"] = .text(master)
            row["product_name"] = SQLValue(entry?.productName ?? product.optionalText("item_name"))
            row["category"] = SQLValue(entry?.category)
            row["brand"] = SQLValue(entry?.brand)
            row["cost"] = SQLValue(entry?.cost)
            row["platform"] = .text(Platform.shopee.rawValue)
            row["platform_sku"] = SQLValue(sku.isEmpty ? nil : sku)
            row["platform_product_id"] = .text(product.text("item_id"))
            row["current_price"] = product["current_price"]
            row["stock_quantity"] = product["stock"]
            row["_updated_at"] = .text(context.builtAt)
            productRows.append(row)
        }
        try await warehouse.write([
            .execute(SQLStatement("DELETE FROM stg_shops WHERE platform = :platform", ["platform": .text(Platform.shopee.rawValue)])),
            .insert(RowSet(StagingTables.shops, rows: shopRows)),
            .execute(SQLStatement("DELETE FROM stg_products WHERE platform = :platform", ["platform": .text(Platform.shopee.rawValue)])),
            .insert(RowSet(StagingTables.products, rows: productRows)),
        ])
        return StagingOutcome(rows: shopRows.count + productRows.count)
    }
}
