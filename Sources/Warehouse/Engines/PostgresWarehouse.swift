import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The PostgreSQL warehouse, for sellers who outgrow one machine; one schema holds one environment.
///
/// Bulk inserts stream through `COPY … FROM STDIN` into a session-local staging table and are merged with
/// `INSERT … SELECT … ON CONFLICT` (COPY runs at ~530k rows/s here against ~85k/s for multi-row INSERT,
/// shared/reference/swift-stack.md §3).
public final class PostgresWarehouse: Warehouse {
    public let dialect = SQLDialect.postgres
    public let location: WarehouseLocation.PostgresLocation
    private let client: PostgresClient
    private let runTask: Task<Void, Never>
    private let logger: Logger

    /// Rows below this count go through one multi-row `INSERT`; above it, through `COPY`.
    static let copyThreshold = 64

    public init(location: WarehouseLocation.PostgresLocation, logger: Logger) async throws {
        self.location = location
        self.logger = logger
        let server = try await PostgresReachability.check(location, logger: logger)
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user,
            password: location.password, database: location.database, tls: .disable)
        configuration.options.maximumConnections = 8
        configuration.options.additionalStartupParameters = [("search_path", location.schema)]
        if server.supportsLZ4 {
            // Raw records are 3–5 KB of JSON and TOAST-compressed on the way in (twice, through COPY's staging table):
            // LZ4 made PostgreSQL ingest 1.7× faster than the default pglz (BENCHMARKS.md). Existing values are unchanged.
            configuration.options.additionalStartupParameters.append(("default_toast_compression", "lz4"))
        }
        // The pool warns when a query arrives before `run()` has started, which is harmless here: the query
        // waits for it. Only real errors from the pool's background work are worth a log line.
        var backgroundLogger = logger
        backgroundLogger.logLevel = .error
        let client = PostgresClient(configuration: configuration, backgroundLogger: backgroundLogger)
        self.client = client
        runTask = Task { await client.run() }
        do {
            try await client.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(SQLDialect.quote(location.schema))"),
                                   logger: logger)
        } catch {
            runTask.cancel()
            throw WarehouseError.unreachable(
                "cannot reach PostgreSQL at \(location.host):\(location.port)/\(location.database) as \(location.user): \(PostgresWarehouse.message(error))")
        }
    }

    public var displayName: String { WarehouseLocation.postgres(location).description }

    public func query(_ statement: SQLStatement) async throws -> [WarehouseRow] {
        let (sql, values) = try dialect.positional(statement)
        do {
            let sequence = try await client.query(PostgresQuery(unsafeSQL: sql, binds: PostgresWarehouse.binds(values)), logger: logger)
            var rows: [WarehouseRow] = []
            var columns: [String]?
            for try await row in sequence {
                let cells = Array(row)
                let names = columns ?? cells.map(\.columnName)
                columns = names
                rows.append(WarehouseRow(columns: names, values: try cells.map(PostgresWarehouse.value)))
            }
            return rows
        } catch let error as WarehouseError {
            throw error
        } catch {
            throw WarehouseError.engine(engine: "postgres", message: PostgresWarehouse.message(error), sql: sql)
        }
    }

    public func write(_ operations: [WriteOperation]) async throws {
        let logger = self.logger
        let dialect = self.dialect
        do {
            try await client.withTransaction(logger: logger) { connection in
                for operation in operations {
                    try await PostgresWarehouse.apply(operation, dialect: dialect, connection: connection, logger: logger)
                }
            }
        } catch let error as WarehouseError {
            throw error
        } catch let error as PostgresTransactionError {
            if let closureError = error.closureError as? WarehouseError { throw closureError }
            throw WarehouseError.engine(engine: "postgres", message: PostgresWarehouse.message(error), sql: "BEGIN/COMMIT")
        } catch {
            throw WarehouseError.engine(engine: "postgres", message: PostgresWarehouse.message(error), sql: "BEGIN/COMMIT")
        }
    }

    public func close() async {
        runTask.cancel()
        _ = await runTask.result
    }

    private static func apply(_ operation: WriteOperation, dialect: SQLDialect, connection: PostgresConnection,
                              logger: Logger) async throws {
        var sql = ""
        do {
            switch operation {
            case .execute(let statement):
                let (text, values) = try dialect.positional(statement)
                sql = text
                try await connection.query(PostgresQuery(unsafeSQL: text, binds: binds(values)), logger: logger)
            case .insert(let rowSet):
                let rows = InsertSQL.deduplicated(rowSet)
                guard !rows.isEmpty else { return }
                (sql, _) = try await insert(rowSet, rows: rows, connection: connection, logger: logger)
            case .insertWithDependents(let rowSet, let dependents):
                sql = try await insertWithDependents(rowSet, dependents, dialect: dialect, connection: connection, logger: logger)
            }
        } catch let error as WarehouseError {
            throw error
        } catch {
            throw WarehouseError.engine(engine: "postgres", message: message(error), sql: sql)
        }
    }

    /// Inserts `rows` by VALUES or COPY, whichever is faster for their count.
    /// - Parameter returning: Columns to return from the rows actually written (inserted, or updated by the policy).
    /// - Returns: The statement, and the returned values.
    private static func insert(_ rowSet: RowSet, rows: [[SQLValue]], returning: [String] = [], connection: PostgresConnection,
                               logger: Logger) async throws -> (String, [[SQLValue]]) {
        rows.count < copyThreshold
            ? try await insertWithValues(rowSet, rows: rows, returning: returning, connection: connection, logger: logger)
            : try await insertWithCopy(rowSet, rows: rows, returning: returning, connection: connection, logger: logger)
    }

    /// The parent rows through the merge with `RETURNING` their keys; then, for the parents written, their previous
    /// dependents deleted and the new ones inserted. Parents the policy kept keep their dependents too.
    private static func insertWithDependents(_ rowSet: RowSet, _ dependents: [DependentRows], dialect: SQLDialect,
                                             connection: PostgresConnection, logger: Logger) async throws -> String {
        let survivors = InsertSQL.survivors(rowSet)
        guard !survivors.isEmpty else { return "" }
        let key = rowSet.onConflict.key
        let keyIndexes = key.compactMap { rowSet.columns.firstIndex(of: $0) }
        precondition(!key.isEmpty && keyIndexes.count == key.count, "dependent rows need their parent's key among its columns")
        // `xmax = 0` marks a row this statement inserted rather than updated: a new parent has no dependents to delete.
        let (sql, returned) = try await insert(rowSet, rows: survivors.map { rowSet.rows[$0] }, returning: key + ["(xmax = 0)"],
                                               connection: connection, logger: logger)
        var inserted = Set<[SQLValue]>()
        var updated = Set<[SQLValue]>()
        for values in returned {
            let parentKey = Array(values.prefix(key.count))
            if values.last == .integer(1) { inserted.insert(parentKey) } else { updated.insert(parentKey) }
        }
        let parentKey = { (parent: Int) in keyIndexes.map { rowSet.rows[parent][$0] } }
        let writtenParents = survivors.filter { inserted.contains(parentKey($0)) || updated.contains(parentKey($0)) }
        let replacedParents = survivors.filter { updated.contains(parentKey($0)) }
        guard !writtenParents.isEmpty else { return sql }
        for dependent in dependents {
            // In chunks that stay well below PostgreSQL's 65,535 parameters per statement.
            let perStatement = max(1, 10_000 / max(1, dependent.link.count))
            for start in stride(from: 0, to: replacedParents.count, by: perStatement) {
                let chunk = replacedParents[start..<min(start + perStatement, replacedParents.count)]
                var values: [SQLValue] = []
                var tuples: [String] = []
                for parent in chunk {
                    let first = values.count
                    values.append(contentsOf: dependent.parentLinks[parent])
                    tuples.append("(" + (1...dependent.link.count).map { "$\(first + $0)" }.joined(separator: ", ") + ")")
                }
                let delete = "DELETE FROM \(SQLDialect.quote(dependent.table)) WHERE (\(dependent.link.map(SQLDialect.quote).joined(separator: ", "))) IN (VALUES \(tuples.joined(separator: ", ")))"
                try await connection.query(PostgresQuery(unsafeSQL: delete, binds: binds(values)), logger: logger)
            }
            let groups = dependent.rowsByParent()
            let rows = writtenParents.flatMap { groups[$0].map { dependent.rows[$0] } }
            if !rows.isEmpty {
                try await apply(.insert(RowSet(table: dependent.table, columns: dependent.columns, rows: rows)),
                                dialect: dialect, connection: connection, logger: logger)
            }
        }
        return sql
    }

    private static func insertWithValues(_ rowSet: RowSet, rows: [[SQLValue]], returning: [String], connection: PostgresConnection,
                                         logger: Logger) async throws -> (String, [[SQLValue]]) {
        var values: [SQLValue] = []
        values.reserveCapacity(rows.count * rowSet.columns.count)
        var tuples: [String] = []
        for row in rows {
            let start = values.count
            values.append(contentsOf: row)
            tuples.append("(" + (1...row.count).map { "$\(start + $0)" }.joined(separator: ", ") + ")")
        }
        let sql = InsertSQL.head(rowSet) + " VALUES " + tuples.joined(separator: ", ") + InsertSQL.conflictClause(rowSet)
            + returningClause(returning)
        let result = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds(values)), logger: logger)
        return (sql, try await returnedValues(result, returning))
    }

    /// `COPY table (columns) FROM STDIN` in the text format, sent in 1 MiB chunks.
    private static func copy(_ rows: [[SQLValue]], into table: String, columns: [String], connection: PostgresConnection,
                             logger: Logger) async throws {
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 20)
            for row in rows {
                for (index, value) in row.enumerated() {
                    if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                    CopyText.write(value, to: &buffer)
                }
                buffer.writeInteger(UInt8(ascii: "\n"))
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }

    /// ` RETURNING "a", "b"`; an expression in parentheses is written as it is.
    private static func returningClause(_ columns: [String]) -> String {
        columns.isEmpty ? "" : " RETURNING " + columns.map { $0.hasPrefix("(") ? $0 : SQLDialect.quote($0) }.joined(separator: ", ")
    }

    private static func returnedValues(_ rows: PostgresRowSequence, _ columns: [String]) async throws -> [[SQLValue]] {
        var values: [[SQLValue]] = []
        for try await row in rows where !columns.isEmpty {
            values.append(try row.map(value))
        }
        return values
    }

    private static func insertWithCopy(_ rowSet: RowSet, rows: [[SQLValue]], returning: [String], connection: PostgresConnection,
                                       logger: Logger) async throws -> (String, [[SQLValue]]) {
        // Rows with no conflict policy go straight into the table: a duplicate key fails the COPY as it would the INSERT.
        if case .fail = rowSet.onConflict, returning.isEmpty {
            try await copy(rows, into: rowSet.table, columns: rowSet.columns, connection: connection, logger: logger)
            return ("COPY \(SQLDialect.quote(rowSet.table)) FROM STDIN", [])
        }
        // A session-local twin of the table; ON COMMIT DELETE ROWS keeps it empty between transactions.
        let stage = "_copy_\(rowSet.table)"
        let create = "CREATE TEMP TABLE IF NOT EXISTS \(SQLDialect.quote(stage)) (LIKE \(SQLDialect.quote(rowSet.table)) INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
        try await connection.query(PostgresQuery(unsafeSQL: create), logger: logger)
        try await copy(rows, into: stage, columns: rowSet.columns, connection: connection, logger: logger)
        let columns = rowSet.columns.map(SQLDialect.quote).joined(separator: ", ")
        let merge = InsertSQL.head(rowSet) + " SELECT \(columns) FROM \(SQLDialect.quote(stage))" + InsertSQL.conflictClause(rowSet)
            + returningClause(returning)
        let returned = try await returnedValues(try await connection.query(PostgresQuery(unsafeSQL: merge), logger: logger), returning)
        // A second RowSet for the same table in this transaction must not see these rows again.
        try await connection.query(PostgresQuery(unsafeSQL: "DELETE FROM \(SQLDialect.quote(stage))"), logger: logger)
        return (merge, returned)
    }

    static func binds(_ values: [SQLValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .real(let number): bindings.append(number)
            case .text(let text): bindings.append(InferredText(text))
            }
        }
        return bindings
    }

    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .numeric: return .real(Double(truncating: try cell.decode(Decimal.self) as NSDecimalNumber))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }

    static func message(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)"
        }
        if let error = error as? PostgresTransactionError {
            return [error.closureError, error.commitError, error.beginError, error.rollbackError]
                .compactMap { $0 }.map(message).first ?? "transaction failed"
        }
        return "\(error)"
    }
}

/// The escaping rules of PostgreSQL's COPY text format: `\N` is NULL; backslash, tab, newline and carriage
/// return are escaped.
enum CopyText {
    static func write(_ value: SQLValue, to buffer: inout ByteBuffer) {
        switch value {
        case .null: buffer.writeStaticString("\\N")
        case .integer(let number): buffer.writeString(String(number))
        case .real(let number): buffer.writeString(number.isFinite ? String(number) : "NaN")
        case .text(var text):
            // Runs without a special byte are copied whole: a raw order is 3 KB of JSON with hardly any escapes.
            text.withUTF8 { bytes in
                var runStart = 0
                for (index, byte) in bytes.enumerated() {
                    let escape: StaticString
                    switch byte {
                    case UInt8(ascii: "\\"): escape = "\\\\"
                    case UInt8(ascii: "\t"): escape = "\\t"
                    case UInt8(ascii: "\n"): escape = "\\n"
                    case UInt8(ascii: "\r"): escape = "\\r"
                    default: continue
                    }
                    buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[runStart..<index]))
                    buffer.writeStaticString(escape)
                    runStart = index + 1
                }
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[runStart...]))
            }
        }
    }
}

/// Text sent with an unspecified parameter type, so PostgreSQL reads it as whatever the column or expression
/// needs (numeric, date, text): the SQL stays the same on both engines without per-column casts.
struct InferredText: PostgresNonThrowingEncodable {
    static var psqlType: PostgresDataType { .null }
    static var psqlFormat: PostgresFormat { .text }

    let text: String

    init(_ text: String) {
        self.text = text
    }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeString(text)
    }
}
