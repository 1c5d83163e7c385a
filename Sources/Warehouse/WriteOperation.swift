/// One step of an atomic warehouse write. A `Warehouse.write(_:)` call applies all its operations in one
/// transaction: a crash leaves all of them or none.
public enum WriteOperation: Sendable {
    /// Runs a statement (DDL, `delete`, `insert … select`).
    case execute(SQLStatement)
    /// Inserts many rows through the engine's fast path (a prepared statement on SQLite, `COPY` on PostgreSQL).
    case insert(RowSet)
    /// Inserts the rows as `insert` does, and with each row that is written, replaces its dependent rows.
    case insertWithDependents(RowSet, [DependentRows])
}

/// Rows bound for one table, with what to do when a row's key is already there.
public struct RowSet: Sendable {
    public var table: String
    public var columns: [String]
    public var rows: [[SQLValue]]
    public var onConflict: ConflictPolicy

    public init(table: String, columns: [String], rows: [[SQLValue]], onConflict: ConflictPolicy = .fail) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row of \(table) needs \(columns.count) values")
        self.table = table
        self.columns = columns
        self.rows = rows
        self.onConflict = onConflict
    }
}

extension RowSet {
    /// Rows built by name for a declared table, bound in the table's column order.
    public init(_ table: TableSchema, rows: [TableRow], onConflict: ConflictPolicy = .fail) {
        precondition(rows.allSatisfy { $0.layout === table.layout }, "rows of another table handed to \(table.name)")
        self.init(table: table.name, columns: table.columnNames, rows: rows.map(\.values), onConflict: onConflict)
    }
}

public enum ConflictPolicy: Sendable, Hashable {
    /// A duplicate key is an error.
    case fail
    /// Keep the row already there.
    case ignore(key: [String])
    /// Replace the row already there.
    case replace(key: [String])
    /// Replace the row already there only if the new row's `version` column is not older: the append-dedup
    /// rule of the raw layer ("the newest by the platform's update time").
    case replaceIfNewer(key: [String], version: String)

    var key: [String] {
        switch self {
        case .fail: []
        case .ignore(let key), .replace(let key), .replaceIfNewer(let key, _): key
        }
    }
}
