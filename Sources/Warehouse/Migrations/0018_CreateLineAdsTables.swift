/// LINE Ads' raw tables from their contracts: the daily online reports and the campaign / ad group / ad listings.
enum CreateLineAdsTables {
    static let migration = Migration(id: 18, name: "create_line_ads_tables", tables: LineAdsRawTables.allAsCreated.map(\.schema))
}
