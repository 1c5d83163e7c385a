/// The GA4 BigQuery export's raw event table from its contract (filled by `omnidash import ga4-events`).
/// `raw_ga4_events` was created empty by the first migration with the seed plan's columns, before any import wrote it;
/// it is replaced by the contract's table.
enum CreateGA4EventTables {
    static let migration = Migration(id: 23, name: "create_ga4_event_tables", creates: GA4EventRawTables.all.map(\.schema)) { dialect in
        [.execute("DROP TABLE IF EXISTS raw_ga4_events")]
            + GA4EventRawTables.all.flatMap { $0.schema.createStatements(dialect) }.map(WriteOperation.execute)
    }
}
