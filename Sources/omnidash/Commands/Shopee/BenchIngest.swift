import ArgumentParser
import Foundation
import OmnidashCore
import Sandbox
import Transform
import Warehouse

/// `omnidash bench ingest`: Shopee orders per second through parse → raw → staging, and peak memory.
struct BenchIngest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Shopee orders per second through parse → raw → staging on SQLite, and peak memory.",
        discussion: """
            Writes N orders from the Sandbox world to a JSON-lines file first (not timed), then imports them into a \
            fresh SQLite warehouse (parse → raw_shopee_orders) and builds staging and marts, timing each step. \
            Peak memory is the process's high-water mark (VmHWM), reset before the import.
            """)

    @Option(help: "How many orders.")
    var orders = 100_000

    @Option(help: "The simulated world's seed.")
    var seed: UInt64 = 42

    @Option(help: "Directory for the order file and the warehouse (default: a new temporary directory, removed afterwards).")
    var directory: String?

    func validate() throws {
        guard orders > 0 else { throw ValidationError("--orders must be positive") }
    }

    func run() async throws {
        let fileManager = FileManager.default
        let directory = self.directory ?? fileManager.temporaryDirectory.appendingPathComponent("omnidash-bench-\(UUID().uuidString.prefix(8))").path
        try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if self.directory == nil { try? fileManager.removeItem(atPath: directory) } }
        let file = (directory as NSString).appendingPathComponent("shopee-orders-\(orders).jsonl")
        let database = (directory as NSString).appendingPathComponent("bench.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: database + suffix) }
        let asOf = BusinessCalendar.bangkok.date(Date())

        var clock = ContinuousClock.now
        try ExportShopeeOrders.exportOrders(count: orders, seed: seed, asOf: asOf, to: file)
        let exportSeconds = Self.seconds(since: clock)
        let bytes = (try? fileManager.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        Terminal.note("bench: wrote \(Terminal.count(orders)) orders (\(Self.megabytes(bytes)) MB) in \(Self.format(exportSeconds)) s")

        let configuration = OmnidashConfiguration(warehouse: database)
        try await Runtime.withWarehouse(configuration) { warehouse in
            MemoryProbe.resetPeak()
            let rssBefore = MemoryProbe.current()
            clock = .now
            let imported = try await ImportShopeeOrders.importFile(file, shopID: "bench", piiKey: SandboxCredentials.demoPIIKey,
                                                                    warehouse: warehouse)
            let importSeconds = Self.seconds(since: clock)
            let peakAfterImport = MemoryProbe.peak()
            clock = .now
            let report = try await TransformRunner(warehouse: warehouse, configuration: configuration, logger: Runtime.logger("transform"))
                .run()
            let transformSeconds = Self.seconds(since: clock)
            let peak = MemoryProbe.peak()
            let staged = try await warehouse.scalar("SELECT count(*) FROM stg_orders").int64 ?? 0
            let total = importSeconds + transformSeconds
            Terminal.print("""
                bench ingest: \(Terminal.count(orders)) Shopee orders, \(Self.megabytes(bytes)) MB of JSON lines, SQLite \(database)
                  parse → raw        \(Self.format(importSeconds)) s   \(Terminal.count(Int(Double(imported.records) / importSeconds))) orders/s   \(Self.format(Double(bytes) / 1_048_576 / importSeconds)) MB/s
                  raw → staging+marts \(Self.format(transformSeconds)) s   \(Terminal.count(Int(Double(staged) / transformSeconds))) orders/s   (\(report.martRange.map { "\($0.dayCount) days" } ?? "no dates"))
                  parse → staging    \(Self.format(total)) s   \(Terminal.count(Int(Double(staged) / total))) orders/s
                  rows               \(Terminal.count(imported.records)) raw, \(Terminal.count(Int(staged))) staged, \(Terminal.count(imported.rejects)) rejected
                  memory             RSS before \(Self.megabytes(rssBefore)) MB, peak during import \(Self.megabytes(peakAfterImport)) MB, peak overall \(Self.megabytes(peak)) MB
                """)
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: .now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
}
