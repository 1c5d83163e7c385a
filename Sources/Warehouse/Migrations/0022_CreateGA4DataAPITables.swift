/// GA4 Data API raw tables from their contracts (filled by the GA4 Data API source and by Airbyte's GA4 records).
enum CreateGA4DataAPITables {
    static let migration = Migration(id: 22, name: "create_ga4_data_api_tables", tables: GA4RawTables.all.map(\.schema))
}
