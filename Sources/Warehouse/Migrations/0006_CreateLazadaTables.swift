/// Lazada's raw tables from their contracts. `raw_lazada_orders` was created empty by the first migration with the
/// seed plan's columns, before any connector wrote it; it is replaced by the contract's table.
enum CreateLazadaTables {
    static let migration = Migration(id: 6, name: "create_lazada_tables", creates: LazadaRawTables.all.map(\.schema)) { dialect in
        [.execute("DROP TABLE IF EXISTS raw_lazada_orders")]
            + LazadaRawTables.all.flatMap { $0.schema.createStatements(dialect) }.map(WriteOperation.execute)
    }
}
