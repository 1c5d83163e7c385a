import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

/// The demo writes only into a warehouse that is empty or provably its own, and never deletes one.
@Suite("The demo never touches a seller's warehouse", .serialized)
struct DemoWarehouseSafetyTests {
    static let worldA = DemoWarehouseClaim.World(seed: 7, asOf: "2026-11-20")
    static let worldB = DemoWarehouseClaim.World(seed: 7, asOf: "2026-11-21")

    @Test("a warehouse holding imported orders is refused and keeps them", arguments: WarehouseEngine.allCases)
    func importedOrdersAreRefused(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let imported = try await Self.importOrders(20, into: fixture.warehouse)
            let refusal = await #expect(throws: DemoWarehouseClaim.Refusal.self) {
                try await DemoWarehouseClaim(warehouse: fixture.warehouse).claim(for: Self.worldA)
            }
            #expect(refusal?.description.contains("20 rows in raw_shopee_orders") == true, "\(String(describing: refusal))")
            #expect(try await Self.orders(fixture.warehouse) == imported)
        }
    }

    @Test("a warehouse holding a real sync's runs is refused and keeps them", arguments: WarehouseEngine.allCases)
    func realSyncIsRefused(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let report = try await sandbox.sync(sandbox.window(days: 2), into: fixture.warehouse, location: fixture.location,
                                                sources: [.platform(.facebookAds)])
            #expect(report.succeeded && report.records > 0)
            let before = try await Self.counts(fixture.warehouse)
            let refusal = await #expect(throws: DemoWarehouseClaim.Refusal.self) {
                try await DemoWarehouseClaim(warehouse: fixture.warehouse).claim(for: Self.worldA)
            }
            #expect(refusal?.description.contains("sync_runs") == true, "\(String(describing: refusal))")
            #expect(try await Self.counts(fixture.warehouse) == before)
        }
    }

    @Test("another world is rebuilt inside the demo's own warehouse, and an import makes it a seller's again",
          arguments: WarehouseEngine.allCases)
    func anotherWorldIsRebuiltInPlace(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine, migrate: false) { fixture in
            let claim = DemoWarehouseClaim(warehouse: fixture.warehouse)
            #expect(try await claim.claim(for: Self.worldA) == .claimed)
            try await claim.recordRun("demo-run-1")
            let report = try await sandbox.sync(sandbox.window(days: 2), into: fixture.warehouse, location: fixture.location,
                                                sources: [.platform(.facebookAds)], runID: "demo-run-1")
            #expect(report.succeeded && report.records > 0)
            let file = Self.fileNumber(fixture)

            #expect(try await claim.claim(for: Self.worldA) == .reused)
            #expect(try await Self.counts(fixture.warehouse)["raw_facebook_ads"] ?? 0 > 0, "reusing kept the rows")

            #expect(try await claim.claim(for: Self.worldB) == .rebuilt(from: Self.worldA))
            #expect(try await Self.counts(fixture.warehouse).filter { $0.key != "dim_date" && $0.key != "sync_state" }.values.allSatisfy { $0 == 0 })
            #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM dim_date").int64 ?? 0 > 0, "the calendar stays")
            #expect(Self.fileNumber(fixture) == file, "the same file, never deleted")

            // The issue's path: a demo warehouse, then a seller's import into it, then the next day's demo.
            let imported = try await Self.importOrders(5, into: fixture.warehouse)
            let refusal = await #expect(throws: DemoWarehouseClaim.Refusal.self) {
                try await claim.claim(for: DemoWarehouseClaim.World(seed: 7, asOf: "2026-11-22"))
            }
            #expect(refusal?.description.contains("import-") == true, "the import's run is named: \(String(describing: refusal))")
            #expect(try await Self.orders(fixture.warehouse) == imported)
        }
    }

    @Test("tables of another tool are refused before any Omnidash table is created", arguments: WarehouseEngine.allCases)
    func foreignTablesAreRefused(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine, migrate: false) { fixture in
            let warehouse = fixture.warehouse
            try await warehouse.execute("CREATE TABLE erp_orders (id INTEGER PRIMARY KEY, total TEXT)")
            try await warehouse.execute("INSERT INTO erp_orders (id, total) VALUES (1, '990.00')")
            var expected = ["erp_orders"]
            if engine == .postgres {
                // A real foreign table, as a data team would attach another system's data to the schema.
                try await warehouse.execute("CREATE EXTENSION IF NOT EXISTS file_fdw")
                try await warehouse.execute("DO $$ BEGIN CREATE SERVER omnidash_test_files FOREIGN DATA WRAPPER file_fdw; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
                try await warehouse.execute("CREATE FOREIGN TABLE crm_contacts (id integer) SERVER omnidash_test_files OPTIONS (filename '/dev/null')")
                expected.insert("crm_contacts", at: 0)
            }
            let refusal = await #expect(throws: DemoWarehouseClaim.Refusal.self) {
                try await DemoWarehouseClaim(warehouse: warehouse).claim(for: Self.worldA)
            }
            #expect(refusal?.description.contains("tables Omnidash did not create (\(expected.joined(separator: ", ")))") == true,
                    "\(String(describing: refusal))")
            #expect(try await WarehouseInventory(warehouse: warehouse).tableNames() == expected, "nothing was created or dropped")
            #expect(try await warehouse.scalar("SELECT total FROM erp_orders WHERE id = 1").string == "990.00")
        }
    }

    // MARK: - Helpers

    /// Imports `count` of the Sandbox world's orders as a seller would, through the file import.
    static func importOrders(_ count: Int, into warehouse: any Warehouse) async throws -> Int64 {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-demo-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("orders.jsonl")
        var data = Data()
        try SandboxWorld(seed: 11, asOf: BusinessDate("2026-11-20")!).exportShopeeOrders(count: count) { data.append(contentsOf: $0) }
        try data.write(to: file)
        let importer = ShopeeOrdersFileImport(sink: RawSink(warehouse: warehouse, runID: "import-\(UUID().uuidString.prefix(8))"),
                                              parser: ShopeeOrderParser(hasher: PIIHasher(secret: "0123456789abcdef-test")),
                                              shopID: "600000001")
        let result = try await importer.run(path: file.path)
        #expect(result.records == count)
        return try await orders(warehouse)
    }

    static func orders(_ warehouse: any Warehouse) async throws -> Int64 {
        try await warehouse.scalar("SELECT count(*) FROM raw_shopee_orders").int64 ?? 0
    }

    static func counts(_ warehouse: any Warehouse) async throws -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: try await WarehouseInventory(warehouse: warehouse).rowCounts().map { ($0.table, $0.rows) })
    }

    /// The SQLite file's inode, to tell a file emptied in place from one deleted and created again.
    static func fileNumber(_ fixture: TestWarehouse) -> UInt64? {
        guard fixture.engine == .sqlite else { return nil }
        return (try? FileManager.default.attributesOfItem(atPath: fixture.location)[.systemFileNumber]) as? UInt64
    }
}
