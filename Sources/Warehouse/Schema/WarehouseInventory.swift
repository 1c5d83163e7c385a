/// What a warehouse holds, read without changing anything: which tables are there, which of them Omnidash's
/// migrations did not create, how many rows each has, and which runs wrote them.
///
/// It works on a warehouse that is not migrated (or not Omnidash's at all), so it can be asked before
/// `migrate()` adds tables to somebody else's database.
public struct WarehouseInventory: Sendable {
    public let warehouse: any Warehouse

    public init(warehouse: any Warehouse) {
        self.warehouse = warehouse
    }

    /// The column every row written by a sync or an import carries: the run that wrote it.
    public static let runColumn = "_sync_run_id"

    /// Every table and view in the warehouse's database (SQLite) or schema (PostgreSQL), sorted.
    public func tableNames() async throws -> [String] {
        let statement: SQLStatement = switch warehouse.dialect {
        case .sqlite:
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
        case .postgres:
            // Tables, partitioned tables, views, materialised views and foreign tables of the current schema.
            """
            SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            """
        }
        return try await warehouse.query(statement).map { $0.text("name") }.sorted()
    }

    /// The tables and views that Omnidash's migrations did not create.
    public func foreignTables() async throws -> [String] {
        let own = Set(Migration.declaredTables.map(\.name) + [Migration.ledgerTable])
        return try await tableNames().filter { !own.contains($0) }
    }

    /// Omnidash's tables that exist here, each with its row count; tables not yet created are left out.
    public func rowCounts() async throws -> [(table: String, rows: Int64)] {
        let present = Set(try await tableNames())
        var counts: [(table: String, rows: Int64)] = []
        for table in Migration.declaredTables where present.contains(table.name) {
            let rows = try await warehouse.scalar(SQLStatement("SELECT count(*) FROM \(SQLDialect.quote(table.name))")).int64 ?? 0
            counts.append((table.name, rows))
        }
        return counts
    }

    /// Rows of the raw tables (rejects not included) whose last writer is `runID`: what a run added or changed.
    public func rawRowsWritten(byRun runID: String) async throws -> Int64 {
        var total: Int64 = 0
        for table in Migration.declaredTables where table.name.hasPrefix("raw_") && table.name != "raw_rejects"
            && table.columnNames.contains(Self.runColumn) {
            total += try await warehouse.scalar(SQLStatement(
                "SELECT count(*) FROM \(SQLDialect.quote(table.name)) WHERE \(Self.runColumn) = :run", ["run": .text(runID)])).int64 ?? 0
        }
        return total
    }

    /// The runs that wrote rows here: every run in `sync_runs` and every distinct run id in a table that
    /// records one. A row without a run id counts as written by `nil`, an unknown writer.
    public func writers() async throws -> Set<String?> {
        let present = Set(try await tableNames())
        var runs: Set<String?> = []
        for table in Migration.declaredTables where present.contains(table.name) {
            let column = table.name == "sync_runs" ? "run_id" : Self.runColumn
            guard table.columnNames.contains(column) else { continue }
            let rows = try await warehouse.query(SQLStatement(
                "SELECT DISTINCT \(SQLDialect.quote(column)) AS run FROM \(SQLDialect.quote(table.name))"))
            for row in rows { runs.insert(row.optionalText("run")) }
        }
        return runs
    }

    /// Deletes every row of every Omnidash table, in one transaction, keeping the tables, the migration ledger
    /// and the calendar (which a migration filled and nothing else writes).
    public func deleteAllRows(keeping kept: Set<String> = ["dim_date"]) async throws {
        let present = Set(try await tableNames())
        let operations = Migration.declaredTables
            .filter { present.contains($0.name) && !kept.contains($0.name) }
            .map { WriteOperation.execute(SQLStatement("DELETE FROM \(SQLDialect.quote($0.name))")) }
        try await warehouse.write(operations)
    }
}
