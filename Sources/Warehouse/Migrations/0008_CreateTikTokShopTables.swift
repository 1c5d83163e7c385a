/// TikTok Shop's raw tables from their contracts. `raw_tiktok_orders` was created empty by the first migration with the
/// seed plan's columns, before any connector wrote it; it is replaced by the contract's table.
enum CreateTikTokShopTables {
    static let migration = Migration(id: 8, name: "create_tiktok_shop_tables", creates: TikTokShopRawTables.all.map(\.schema)) { dialect in
        [.execute("DROP TABLE IF EXISTS raw_tiktok_orders")]
            + TikTokShopRawTables.all.flatMap { $0.schema.createStatements(dialect) }.map(WriteOperation.execute)
    }
}
