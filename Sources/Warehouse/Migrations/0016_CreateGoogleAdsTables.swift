/// Google Ads' raw tables from their contracts. `raw_google_ads` was created empty by the first migration with the seed plan's columns, before any
/// connector wrote it; it is replaced by the contract's table (keyed per ad group).
enum CreateGoogleAdsTables {
    static let migration = Migration(id: 16, name: "create_google_ads_tables",
                                     creates: GoogleAdsRawTables.allAsCreated.map(\.schema)) { dialect in
        [.execute("DROP TABLE IF EXISTS raw_google_ads")]
            + GoogleAdsRawTables.allAsCreated.map(\.schema).flatMap { $0.createStatements(dialect) }.map(WriteOperation.execute)
    }
}
