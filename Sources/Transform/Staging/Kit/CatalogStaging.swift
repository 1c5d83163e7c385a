import OmnidashCore
import Warehouse

/// One marketplace's shops and listings in the shape every marketplace shares, and how they become `stg_shops` and
/// `stg_products` (master SKUs through the SKU map). Catalogues are small, so a platform's rows are replaced whole.
struct CatalogStaging {
    struct Shop {
        var shopID: String
        var name: String?
        var url: String
        var region: String?
        var isActive: Bool
    }

    struct Listing {
        var productID: String
        /// The platform's SKU code of the listing or its variant.
        var sku: String?
        var name: String?
        /// Text as the platform wrote it.
        var price: String?
        var stock: Int64?
    }

    let platform: Platform
    let context: StagingContext

    /// Replaces the platform's staged shops and products. - Returns: the rows written.
    func write(shops: [Shop], listings: [Listing]) async throws -> Int {
        let shopRows: [TableRow] = shops.map { shop in
            var row = StagingTables.shops.row()
            row["shop_id"] = .text(shop.shopID)
            row["platform"] = .text(platform.rawValue)
            row["shop_name"] = SQLValue(shop.name)
            row["shop_url"] = .text(shop.url)
            row["region"] = SQLValue(shop.region)
            row["is_active"] = SQLValue(shop.isActive)
            row["_updated_at"] = .text(context.builtAt)
            return row
        }
        var productRows: [TableRow] = []
        var seen = Set<[String]>()
        for listing in listings {
            let sku = listing.sku ?? ""
            let entry = sku.isEmpty ? nil : context.skuMap.entry(platform: platform.rawValue, sku: sku)
            let master = entry?.skuMaster ?? (sku.isEmpty ? "\(platform.rawValue):\(listing.productID)" : sku)
            // One row per master SKU and platform product, even when two shops list the same item.
            guard seen.insert([master, listing.productID]).inserted else { continue }
            var row = StagingTables.products.row()
            row["sku_master"] = .text(master)
            row["product_name"] = SQLValue(entry?.productName ?? listing.name)
            row["category"] = SQLValue(entry?.category)
            row["brand"] = SQLValue(entry?.brand)
            row["cost"] = SQLValue(entry?.cost)
            row["platform"] = .text(platform.rawValue)
            row["platform_sku"] = SQLValue(sku.isEmpty ? nil : sku)
            row["platform_product_id"] = .text(listing.productID)
            row["current_price"] = SQLValue(listing.price)
            row["stock_quantity"] = SQLValue(listing.stock)
            row["_updated_at"] = .text(context.builtAt)
            productRows.append(row)
        }
        let parameters: [String: SQLValue] = ["platform": .text(platform.rawValue)]
        try await context.warehouse.write([
            .execute(SQLStatement("DELETE FROM stg_shops WHERE platform = :platform", parameters)),
            .insert(RowSet(StagingTables.shops, rows: shopRows)),
            .execute(SQLStatement("DELETE FROM stg_products WHERE platform = :platform", parameters)),
            .insert(RowSet(StagingTables.products, rows: productRows)),
        ])
        return shopRows.count + productRows.count
    }

    /// Whether any of `tables` has rows loaded after `watermark`, or the SKU map is new to a first build.
    func changed(_ tables: [RawTableContract], after watermark: Int64) async throws -> Bool {
        for table in tables {
            let count = try await context.warehouse.scalar(SQLStatement(
                "SELECT count(*) FROM \(SQLDialect.quote(table.table)) WHERE _loaded_at_us > :watermark", ["watermark": .integer(watermark)]))
            if (count.int64 ?? 0) > 0 { return true }
        }
        return watermark == 0 && !context.skuMap.isEmpty
    }
}
