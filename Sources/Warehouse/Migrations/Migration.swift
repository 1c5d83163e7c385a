/// One numbered, append-only change to the warehouse schema or its data.
///
/// A migration is applied once, in its own transaction, and recorded in `schema_migrations`. Never edit a
/// migration that has shipped; add a new one.
public struct Migration: Sendable {
    public let id: Int
    public let name: String
    /// The statements to run, spelled for the engine.
    public let operations: @Sendable (SQLDialect) -> [WriteOperation]
    /// The tables this migration creates, so the warehouse can tell its own tables from anyone else's.
    public let tables: [TableSchema]

    public init(id: Int, name: String, creates tables: [TableSchema] = [],
                operations: @escaping @Sendable (SQLDialect) -> [WriteOperation]) {
        self.id = id
        self.name = name
        self.tables = tables
        self.operations = operations
    }

    /// Creates `tables` (with their indexes).
    public init(id: Int, name: String, tables: [TableSchema]) {
        self.init(id: id, name: name, creates: tables) { dialect in
            tables.flatMap { $0.createStatements(dialect) }.map(WriteOperation.execute)
        }
    }

    /// Every migration, in the order it is applied.
    public static let all: [Migration] = [
        CreateRawTables.migration,
        CreateStagingTables.migration,
        CreateMartTables.migration,
        CreateOperationalTables.migration,
        FillDateDimension.migration,
    ]

    /// The migrations' own ledger, which every warehouse has besides the tables the migrations create.
    public static let ledgerTable = "schema_migrations"

    /// Every table the migrations create, in creation order.
    public static var declaredTables: [TableSchema] { all.flatMap(\.tables) }
}
