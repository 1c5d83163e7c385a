import GRDB
import GRDBSQLite

/// Runs one prepared `INSERT` for many rows, binding each value with the SQLite C API: no `StatementArguments` or
/// `DatabaseValue` per value, which cost as much as SQLite itself on bulk loads (see BENCHMARKS.md).
struct SQLiteRowBinder {
    /// Held so GRDB does not finalize the statement while its handle is in use.
    private let owner: Statement
    private let statement: OpaquePointer
    private let connection: OpaquePointer?

    init(_ statement: Statement, in db: Database) {
        self.owner = statement
        self.statement = statement.sqliteStatement
        self.connection = db.sqliteConnection
    }

    /// Binds `values` to the parameters in order, steps the statement once (an `INSERT` or a `DELETE`) and resets it.
    func insert(_ values: some Collection<SQLValue>) throws {
        var index: Int32 = 1
        for value in values {
            try check(bind(value, at: index))
            index += 1
        }
        try insertBound()
    }

    /// Steps the statement with what is bound now, then resets it for the next row.
    func insertBound() throws {
        let code = sqlite3_step(statement)
        // A failed step's error is also what reset returns; read the message before resetting.
        let message = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(connection))
        sqlite3_reset(statement)
        if let message { throw SQLiteBindError(message: message) }
    }

    /// The rows the last step inserted, updated or deleted: 0 when an upsert's `WHERE` kept the stored row.
    var changedRows: Int32 { sqlite3_changes(connection) }

    /// Binds one value at a 1-based parameter index.
    func bind(_ value: SQLValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(statement, index)
        case .integer(let number):
            return sqlite3_bind_int64(statement, index, number)
        case .real(let number):
            return sqlite3_bind_double(statement, index, number)
        case .text(var text):
            // Native Swift strings are contiguous UTF-8: bound by pointer and copied once, by SQLite.
            return text.withUTF8 { bytes in
                // An empty string still needs a non-NULL pointer, or SQLite binds NULL.
                guard let base = bytes.baseAddress else { return sqlite3_bind_text(statement, index, "", 0, Self.transient) }
                return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                    sqlite3_bind_text(statement, index, characters, Int32(bytes.count), Self.transient)
                }
            }
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw SQLiteBindError(message: String(cString: sqlite3_errmsg(connection))) }
    }

    /// SQLite's `SQLITE_TRANSIENT`: copy the bytes now, because the Swift buffer does not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

struct SQLiteBindError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension SQLiteRowBinder {
    /// Binds `arguments`, then reads every result row with the C API: one `SQLValue` per cell, no GRDB `Row`.
    func rows(arguments: [SQLValue]) throws -> [WarehouseRow] {
        defer { sqlite3_reset(statement) }
        for (offset, value) in arguments.enumerated() { try check(bind(value, at: Int32(offset + 1))) }
        let count = sqlite3_column_count(statement)
        let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
        var rows: [WarehouseRow] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { throw SQLiteBindError(message: String(cString: sqlite3_errmsg(connection))) }
            var values: [SQLValue] = []
            values.reserveCapacity(Int(count))
            for column in 0..<count { values.append(value(at: column)) }
            rows.append(WarehouseRow(columns: columns, values: values))
        }
    }

    private func value(at column: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL:
            return .null
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(statement, column))
        default:
            // Text, and blobs read as text (the warehouse writes none): the bytes must be fetched before their length.
            guard let bytes = sqlite3_column_text(statement, column) else { return .text("") }
            let length = Int(sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self))
        }
    }
}
