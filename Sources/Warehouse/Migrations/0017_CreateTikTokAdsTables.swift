/// TikTok Ads' raw tables from their contracts. `raw_tiktok_ads` was created empty by the first migration with the seed
/// plan's columns, before any connector wrote it; it is replaced by the contract's table.
enum CreateTikTokAdsTables {
    static let migration = Migration(id: 17, name: "create_tiktok_ads_tables", creates: TikTokAdsRawTables.all.map(\.schema)) { dialect in
        [.execute("DROP TABLE IF EXISTS raw_tiktok_ads")]
            + TikTokAdsRawTables.all.flatMap { $0.schema.createStatements(dialect) }.map(WriteOperation.execute)
    }
}
