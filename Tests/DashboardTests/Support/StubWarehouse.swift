import Foundation
import Warehouse

/// A warehouse without a database: every query answers no rows (the pages show zeros), or fails when asked to,
/// so the dashboard's HTTP behaviour is tested without SQLite or PostgreSQL.
struct StubWarehouse: Warehouse {
    struct Failure: Error {}

    var fails = false

    var dialect: SQLDialect { .sqlite }
    var displayName: String { "stub" }

    func query(_ statement: SQLStatement) async throws -> [WarehouseRow] {
        if fails { throw Failure() }
        return []
    }

    func write(_ operations: [WriteOperation]) async throws {
        if fails { throw Failure() }
    }

    func close() async {}
}
