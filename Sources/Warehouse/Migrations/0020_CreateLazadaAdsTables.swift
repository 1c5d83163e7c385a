/// Lazada Sponsored Solutions' raw tables, from their contracts (`LazadaAdsRawTables`).
enum CreateLazadaAdsTables {
    static let migration = Migration(id: 20, name: "create_lazada_ads_tables", tables: LazadaAdsRawTables.all.map(\.schema))
}
