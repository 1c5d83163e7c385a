import ArgumentParser
import Foundation
import OmnidashCore
import Sandbox
import Transform
import Warehouse

/// `omnidash bench ingest`: Shopee orders per second through parse → raw → staging → marts, on SQLite and (with
/// `--postgres`) PostgreSQL, with peak memory and warehouse bytes per order, beside the Python reference.
struct BenchIngest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Shopee orders per second through parse → raw → staging → marts, with peak memory and bytes per order.",
        discussion: """
            Writes N orders from the Sandbox world to a JSON-lines file first (not timed), then imports them into a \
            fresh warehouse as `omnidash import` does (parse → raw_shopee_orders with each page staged in its \
            transaction) and rebuilds the marts of the dates it staged, timing each step: on SQLite, \
            and on PostgreSQL too with --postgres URL (a fresh schema is created and dropped). Peak memory is the \
            process's high-water mark (VmHWM), reset before each import. With --python SCRIPT, the Python reference \
            (bench/python_reference_ingest.py) runs on the same file in the same run, and the ratio is printed.
            """)

    @Option(help: "How many orders.")
    var orders = 100_000

    @Option(help: "The simulated world's seed.")
    var seed: UInt64 = 42

    @Option(help: "Directory for the order file and the warehouse (default: a new temporary directory, removed afterwards).")
    var directory: String?

    @Option(help: "Also measure PostgreSQL: postgres://user@host:port/database (a schema bench_ingest_… is created and dropped).")
    var postgres: String?

    @Option(help: "Run this Python reference script on the same file and compare (needs python3 on the PATH).")
    var python: String?

    func validate() throws {
        guard orders > 0 else { throw ValidationError("--orders must be positive") }
        if let postgres {
            guard case .postgres = try WarehouseLocation(parsing: postgres) else {
                throw ValidationError("--postgres: expected a postgres:// URL")
            }
        }
        if let python, !FileManager.default.isReadableFile(atPath: python) {
            throw ValidationError("--python: \(python): no such readable file")
        }
    }

    func run() async throws {
        let fileManager = FileManager.default
        let directory = self.directory ?? fileManager.temporaryDirectory.appendingPathComponent("omnidash-bench-\(UUID().uuidString.prefix(8))").path
        try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if self.directory == nil { try? fileManager.removeItem(atPath: directory) } }
        let file = (directory as NSString).appendingPathComponent("shopee-orders-\(orders).jsonl")
        let asOf = BusinessCalendar.bangkok.date(Date())

        let clock = ContinuousClock.now
        try ExportShopeeOrders.exportOrders(count: orders, seed: seed, asOf: asOf, to: file)
        let bytes = (try? fileManager.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        Terminal.note("bench: wrote \(Terminal.count(orders)) orders (\(Self.megabytes(bytes)) MB) in \(Self.format(Self.seconds(since: clock))) s")

        var lines = ["bench ingest: \(Terminal.count(orders)) Shopee orders, \(Self.megabytes(bytes)) MB of JSON lines"]
        let database = (directory as NSString).appendingPathComponent("bench.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: database + suffix) }
        let sqlite = try await measure(file: file, bytes: bytes, warehouse: database, engine: "SQLite")
        lines += sqlite.lines
        var postgresResult: Measurement?
        if let postgres {
            let schema = "bench_ingest_\(UUID().uuidString.prefix(8).lowercased())"
            let url = Self.url(postgres, schema: schema)
            let measured: Measurement
            do {
                measured = try await measure(file: file, bytes: bytes, warehouse: url, engine: "PostgreSQL")
                try await Self.dropSchema(schema, url: url)
            } catch {
                try? await Self.dropSchema(schema, url: url)
                throw error
            }
            lines += measured.lines
            postgresResult = measured
        }
        if let python {
            let reference = try PythonReference.run(script: python, file: file, directory: directory)
            lines.append("  Python reference   \(Self.format(reference.seconds)) s   \(Terminal.count(Int(Double(reference.orders) / reference.seconds))) orders/s   peak RSS \(reference.peakMegabytes) MB   (raw + staging, no marts)")
            let referenceRate = Double(reference.orders) / reference.seconds
            var ratios = "  ratio              SQLite \(Self.format(sqlite.ordersPerSecond / referenceRate))×"
            if let postgresResult { ratios += ", PostgreSQL \(Self.format(postgresResult.ordersPerSecond / referenceRate))×" }
            lines.append(ratios + " the Python reference, end to end")
        }
        Terminal.print(lines.joined(separator: "\n"))
    }

    /// One engine's figures.
    struct Measurement {
        var lines: [String]
        var ordersPerSecond: Double
    }

    private func measure(file: String, bytes: Int, warehouse location: String, engine: String) async throws -> Measurement {
        let configuration = OmnidashConfiguration(warehouse: location)
        return try await Runtime.withWarehouse(configuration) { warehouse in
            MemoryProbe.resetPeak()
            let rssBefore = MemoryProbe.current()
            var clock = ContinuousClock.now
            // As `omnidash import` does: each page staged as it is loaded, then the marts of the dates it touched.
            let staging = try await LoadStaging.prepare(warehouse: warehouse, configuration: configuration)
            let imported = try await ImportShopeeOrders.importFile(file, shopID: "bench", piiKey: SandboxCredentials.demoPIIKey,
                                                                    warehouse: warehouse, staging: staging)
            let importSeconds = Self.seconds(since: clock)
            let peakAfterImport = MemoryProbe.peak()
            clock = .now
            let report = try await TransformRunner(warehouse: warehouse, configuration: configuration, logger: Runtime.logger("transform"))
                .run(stagedDates: imported.stagedDates)
            let transformSeconds = Self.seconds(since: clock)
            let peak = MemoryProbe.peak()
            let staged = try await warehouse.scalar("SELECT count(*) FROM stg_orders").int64 ?? 0
            let stored = try await Self.storedBytes(warehouse, location: location)
            let total = importSeconds + transformSeconds
            let rate = Double(staged) / total
            return Measurement(lines: [
                "\(engine) (\(warehouse.displayName))",
                "  parse → raw+staging \(Self.format(importSeconds)) s   \(Terminal.count(Int(Double(imported.records) / importSeconds))) orders/s   \(Self.format(Double(bytes) / 1_048_576 / importSeconds)) MB/s",
                "  marts              \(Self.format(transformSeconds)) s   \(Terminal.count(Int(Double(staged) / transformSeconds))) orders/s   (\(report.martRange.map { "\($0.dayCount) days" } ?? "no dates"))",
                "  parse → marts      \(Self.format(total)) s   \(Terminal.count(Int(rate))) orders/s   \(Self.format(Double(bytes) / 1_048_576 / total)) MB/s",
                "  rows               \(Terminal.count(imported.records)) raw, \(Terminal.count(Int(staged))) staged, \(Terminal.count(imported.rejects)) rejected",
                "  warehouse          \(Self.megabytes(stored)) MB, \(Terminal.count(stored / max(1, Int(staged)))) bytes per order",
                "  memory             RSS before \(Self.megabytes(rssBefore)) MB, peak during import \(Self.megabytes(peakAfterImport)) MB, peak overall \(Self.megabytes(peak)) MB",
            ], ordersPerSecond: rate)
        }
    }

    /// What the warehouse takes on disk: the SQLite file with its WAL, or the schema's relations with their indexes.
    static func storedBytes(_ warehouse: any Warehouse, location: String) async throws -> Int {
        switch try WarehouseLocation(parsing: location) {
        case .sqlite(let path):
            return ["", "-wal"].reduce(0) { total, suffix in
                total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
            }
        case .postgres(let pg):
            return Int(try await warehouse.scalar(SQLStatement("""
                SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = :schema AND c.relkind = 'r'
                """, ["schema": .text(pg.schema)])).int64 ?? 0)
        }
    }

    /// `url` with its `schema` parameter set to `schema`.
    static func url(_ url: String, schema: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.queryItems = (components.queryItems ?? []).filter { $0.name != "schema" } + [URLQueryItem(name: "schema", value: schema)]
        return components.string ?? url
    }

    private static func dropSchema(_ schema: String, url: String) async throws {
        try await Runtime.withWarehouse(OmnidashConfiguration(warehouse: url), migrate: false) { warehouse in
            try await warehouse.execute(SQLStatement("DROP SCHEMA IF EXISTS \(SQLDialect.quote(schema)) CASCADE"))
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: .now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
}
