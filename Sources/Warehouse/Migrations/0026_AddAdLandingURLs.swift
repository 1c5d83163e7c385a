/// The ads' landing URLs in the raw entity tables, which is where the UTM parameters that match ad campaigns to
/// website sessions come from: Meta's creative link and URL tags, Google's campaign URL options and new tables of
/// Google's ads and Performance Max asset groups with their final URLs, LINE's ad landing URL. TikTok's ads carried
/// theirs from the start.
///
/// The earlier migrations create those tables from contracts that keep the shape they had then
/// (`FacebookAdsRawTables.entitiesAsCreated`, …), so that on a new warehouse the columns are added here, once, as on an old one.
enum AddAdLandingURLs {
    static let added: [(table: RawTableContract, columns: [TableSchema.Column])] = [
        (FacebookAdsRawTables.entities, FacebookAdsRawTables.landingColumns),
        (GoogleAdsRawTables.campaignEntities, GoogleAdsRawTables.campaignURLColumns),
        (LineAdsRawTables.entities, LineAdsRawTables.landingColumns),
    ]

    static let created = [GoogleAdsRawTables.adEntities, GoogleAdsRawTables.assetGroupEntities]

    static let migration = Migration(id: 26, name: "add_ad_landing_urls",
                                     creates: (added.map(\.table) + created).map(\.schema)) { dialect in
        added.flatMap { table, columns in
            columns.map { column in
                WriteOperation.execute(SQLStatement(
                    "ALTER TABLE \(SQLDialect.quote(table.table)) ADD COLUMN \(SQLDialect.quote(column.name)) \(dialect.typeName(column.type))"))
            }
        }
            + created.flatMap { $0.schema.createStatements(dialect) }.map(WriteOperation.execute)
    }
}
