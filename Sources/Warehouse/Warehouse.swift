/// The warehouse every layer writes to and reads from: SQLite (the default, one file) or PostgreSQL.
///
/// Nothing outside this target imports a database driver. Both engines run the same migrations and the
/// same mart SQL; statements use named parameters (`:name`) and the portable types of `ColumnType`.
public protocol Warehouse: Sendable {
    var dialect: SQLDialect { get }

    /// A short, secret-free description (`sqlite:/path/omnidash.sqlite`, `postgres://omnidash@127.0.0.1:5432/omnidash?schema=dev`).
    var displayName: String { get }

    /// Runs `statement` and returns every row.
    func query(_ statement: SQLStatement) async throws -> [WarehouseRow]

    /// Applies `operations` in one transaction: all of them, or none.
    func write(_ operations: [WriteOperation]) async throws

    /// Releases connections. The warehouse is unusable afterwards.
    func close() async
}

extension Warehouse {
    public func execute(_ statement: SQLStatement) async throws {
        try await write([.execute(statement)])
    }

    /// The first column of the first row, or `.null`.
    public func scalar(_ statement: SQLStatement) async throws -> SQLValue {
        try await query(statement).first?.values.first ?? .null
    }

    /// Applies every migration not yet applied, in order, each in its own transaction.
    /// - Returns: The names of the migrations applied now.
    @discardableResult
    public func migrate(_ migrations: [Migration] = Migration.all) async throws -> [String] {
        try await MigrationRunner(warehouse: self).run(migrations)
    }

    /// The migrations not yet applied.
    public func pendingMigrations(_ migrations: [Migration] = Migration.all) async throws -> [Migration] {
        try await MigrationRunner(warehouse: self).pending(migrations)
    }
}
