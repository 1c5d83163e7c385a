/// Lazada's finance records (`LazadaRawTables.settlements`), from their contracts.
enum CreateLazadaSettlementTables {
    static let migration = Migration(id: 13, name: "create_lazada_settlement_tables", tables: LazadaRawTables.settlements.map(\.schema))
}
