import Foundation

/// Applies pending migrations in id order and records each in `schema_migrations`.
struct MigrationRunner {
    let warehouse: any Warehouse

    func pending(_ migrations: [Migration]) async throws -> [Migration] {
        try await ensureLedger()
        let applied = Set(try await warehouse.query("SELECT id FROM schema_migrations").compactMap { $0["id"].int64 })
        return migrations.filter { !applied.contains(Int64($0.id)) }.sorted { $0.id < $1.id }
    }

    func run(_ migrations: [Migration]) async throws -> [String] {
        var names: [String] = []
        for migration in try await pending(migrations) {
            let record = SQLStatement(
                "INSERT INTO schema_migrations (id, name, applied_at) VALUES (:id, :name, :at)",
                ["id": .integer(Int64(migration.id)), "name": .text(migration.name), "at": .text(Timestamp.now())])
            do {
                try await warehouse.write(migration.operations(warehouse.dialect) + [.execute(record)])
            } catch {
                throw WarehouseError.migrationFailed(id: migration.id, name: migration.name, message: "\(error)")
            }
            names.append(migration.name)
        }
        return names
    }

    private func ensureLedger() async throws {
        try await warehouse.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """)
    }
}
