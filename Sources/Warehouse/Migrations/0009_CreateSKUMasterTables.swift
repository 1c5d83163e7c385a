/// The seller's SKU master (`omnidash import sku-map`): `ref_sku_map`, each platform SKU's master SKU, and
/// `ref_sku_costs`, each master SKU's cost of goods from a business date on.
///
/// The fourth migration created `ref_sku_map` before anything wrote it; it is created again with the writer column
/// every loaded table carries, so a warehouse can tell which import wrote its map (`WarehouseInventory`).
enum CreateSKUMasterTables {
    static let skuMap = TableSchema("ref_sku_map", primaryKey: ["platform", "platform_sku"], indexes: [["sku_master"]], columns: [
        .init("platform", .text, nullable: false),
        .init("platform_sku", .text, nullable: false),
        .init("sku_master", .text, nullable: false),
        .init("product_name", .text),
        .init("category", .text),
        .init("brand", .text),
        // The cost from the start, THB, as written.
        .init("cost", .text),
        .init("_loaded_at", .timestamp, nullable: false),
        .init("_sync_run_id", .text),
    ])

    static let skuCosts = TableSchema("ref_sku_costs", primaryKey: ["sku_master", "effective_from"], columns: [
        .init("sku_master", .text, nullable: false),
        .init("effective_from", .date, nullable: false),
        // THB, as written, and in satang for the marts.
        .init("cost", .text, nullable: false),
        .init("cost_minor", .integer, nullable: false),
        .init("_loaded_at", .timestamp, nullable: false),
        .init("_sync_run_id", .text),
    ])

    static let migration = Migration(id: 9, name: "create_sku_master_tables", creates: [skuMap, skuCosts]) { dialect in
        [.execute("DROP TABLE IF EXISTS ref_sku_map")]
            + [skuMap, skuCosts].flatMap { $0.createStatements(dialect) }.map(WriteOperation.execute)
    }
}
