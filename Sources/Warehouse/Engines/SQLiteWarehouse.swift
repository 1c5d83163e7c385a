import Foundation
import GRDB

/// The default warehouse: one SQLite file in WAL mode, through GRDB.
///
/// Bulk inserts go through one prepared statement per `RowSet`, bound value by value through the C API
/// (`SQLiteRowBinder`); GRDB's Codable records manage about 96k rows/s here, see shared/reference/swift-stack.md §1.
public final class SQLiteWarehouse: Warehouse {
    public let dialect = SQLDialect.sqlite
    public let path: String
    private let pool: DatabasePool

    /// The page size of new warehouse files.
    static let pageSize = 16_384

    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        // `serve` reads while `sync` writes from another process: wait for the writer instead of failing.
        configuration.busyMode = .timeout(30)
        configuration.maximumReaderCount = 8
        configuration.prepareDatabase { db in
            // 16 KiB pages for a new file (an existing one keeps its size): a raw order is 3–5 KB and spills into
            // overflow pages at 4 KiB, which made bulk loads 2–3× slower (BENCHMARKS.md). Only takes before WAL starts.
            try db.execute(sql: "PRAGMA page_size = \(SQLiteWarehouse.pageSize)")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if !FileManager.default.fileExists(atPath: directory) {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw WarehouseError.unreachable("cannot open SQLite file \(path): \(SQLiteWarehouse.message(error))")
        }
    }

    public var displayName: String { "sqlite:\(path)" }

    public func query(_ statement: SQLStatement) async throws -> [WarehouseRow] {
        let (sql, values) = try dialect.positional(statement)
        do {
            return try await pool.read { db in
                try SQLiteRowBinder(try db.makeStatement(sql: sql), in: db).rows(arguments: values)
            }
        } catch {
            throw WarehouseError.engine(engine: "sqlite", message: SQLiteWarehouse.message(error), sql: sql)
        }
    }

    public func write(_ operations: [WriteOperation]) async throws {
        let dialect = self.dialect
        do {
            try await pool.write { db in
                for operation in operations {
                    try SQLiteWarehouse.apply(operation, dialect: dialect, db: db)
                }
            }
        } catch let error as WarehouseError {
            throw error
        } catch {
            throw WarehouseError.engine(engine: "sqlite", message: SQLiteWarehouse.message(error), sql: "BEGIN/COMMIT")
        }
    }

    private static func apply(_ operation: WriteOperation, dialect: SQLDialect, db: Database) throws {
        var sql = ""
        do {
            switch operation {
            case .execute(let statement):
                let (text, values) = try dialect.positional(statement)
                sql = text
                try db.execute(sql: text, arguments: StatementArguments(values.map(\.databaseValue)))
            case .insert(let rowSet):
                guard !rowSet.rows.isEmpty else { return }
                sql = InsertSQL.head(rowSet) + " VALUES (\(InsertSQL.placeholders(rowSet.columns.count)))" + InsertSQL.conflictClause(rowSet)
                let binder = SQLiteRowBinder(try db.makeStatement(sql: sql), in: db)
                for row in rowSet.rows { try binder.insert(row) }
            case .insertWithDependents(let rowSet, let dependents):
                guard !rowSet.rows.isEmpty else { return }
                sql = InsertSQL.head(rowSet) + " VALUES (\(InsertSQL.placeholders(rowSet.columns.count)))" + InsertSQL.conflictClause(rowSet)
                let binder = SQLiteRowBinder(try db.makeStatement(sql: sql), in: db)
                let deleters = try dependents.map { SQLiteRowBinder(try db.makeStatement(sql: InsertSQL.deleteByLink($0)), in: db) }
                let inserters = try dependents.map { SQLiteRowBinder(try db.makeStatement(sql: InsertSQL.plainInsert($0)), in: db) }
                let groups = dependents.map { $0.rowsByParent() }
                for (parent, row) in rowSet.rows.enumerated() {
                    try binder.insert(row)
                    // Nothing changed: the stored row is newer, and so are its dependents.
                    guard binder.changedRows > 0 else { continue }
                    for (index, dependent) in dependents.enumerated() {
                        try deleters[index].insert(dependent.parentLinks[parent])
                        for position in groups[index][parent] { try inserters[index].insert(dependent.rows[position]) }
                    }
                }
            }
        } catch let error as WarehouseError {
            throw error
        } catch {
            throw WarehouseError.engine(engine: "sqlite", message: message(error), sql: sql)
        }
    }

    public func close() async {
        try? pool.close()
    }

    static func message(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        if let error = error as? SQLiteBindError { return error.message }
        return "\(error)"
    }
}

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        }
    }

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let value): self = .integer(value)
        case .double(let value): self = .real(value)
        case .string(let value): self = .text(value)
        case .blob(let data): self = .text(String(decoding: data, as: UTF8.self))
        }
    }
}
