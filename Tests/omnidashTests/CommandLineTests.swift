import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

@Suite("The omnidash command line")
struct CommandLineTests {
    @Test func aMissingEnvironmentVariableIsRefusedBeforeAnythingRuns() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("omnidash.yaml").path
        let initialised = try await OmnidashBinary.run(["init", "--output", config])
        #expect(initialised.status == 0)
        let text = try String(contentsOfFile: config, encoding: .utf8)
        #expect(text.contains("${SHOPEE_PARTNER_KEY}") && text.contains("# "), "a commented file with secrets as references")
        let sync = try await OmnidashBinary.run(["sync", "--config", config, "--warehouse", directory.appendingPathComponent("w.sqlite").path])
        #expect(sync.status != 0)
        #expect(sync.stderr.contains("SHOPEE_PARTNER_KEY is not set"), "\(sync.stderr)")
        #expect(sync.stderr.contains("omnidash.yaml:"), "the error names the file and line")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("w.sqlite").path), "nothing ran")
        // Building marts needs no platform credentials: the same file works for `transform` without them.
        let transform = try await OmnidashBinary.run(["transform", "--config", config, "--warehouse", directory.appendingPathComponent("w.sqlite").path])
        #expect(transform.status == 0, "\(transform.stderr)")
    }

    @Test func importReportsRejectsAndLoadsTheRest() async throws {
        let world = SandboxWorld(seed: 3, asOf: BusinessDate("2026-11-20")!)
        var lines: [String] = []
        try world.exportShopeeOrders(count: 30) { chunk in
            lines += String(decoding: chunk, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        #expect(lines.count == 30)
        lines.insert(#"{"order_sn":"BROKEN1","currency":"THB","item_list":"not a list"}"#, at: 10)
        lines.insert("{not json", at: 20)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("orders.jsonl")
        // Line 26 was saved as UTF-16 (its byte-order mark leads), which is not JSON text in UTF-8.
        var bytes = Data(lines.joined(separator: "\n").utf8)
        bytes.append(contentsOf: [UInt8(ascii: "\n"), 0xFF, 0xFE] + Array(#"{"order_sn":"UTF16"}"#.utf8))
        try bytes.write(to: file)
        let warehousePath = directory.appendingPathComponent("w.sqlite").path
        let result = try await OmnidashBinary.withConfigurationFile(OmnidashConfiguration(
            warehouse: warehousePath, secrets: .init(piiKey: "0123456789abcdef-test", tokenKey: "0123456789abcdef-test"))) { config in
            try await OmnidashBinary.run(["import", "shopee-orders", file.path, "--config", config, "--shop-id", "600000001"])
        }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("30 orders loaded and staged, 3 rejected"), "\(result.stderr)")
        let warehouse = try await WarehouseLocation(parsing: warehousePath).open()
        defer { Task { await warehouse.close() } }
        #expect(try await warehouse.scalar("SELECT count(*) FROM stg_orders").int64 == 30, "the good orders were not staged")
        let rejects = try await warehouse.query("SELECT record_key, reason FROM raw_rejects ORDER BY reason")
        #expect(rejects.count == 3)
        #expect(rejects.contains { $0.text("reason") == "orders.jsonl:33: not UTF-8 text: byte 0xFF at column 1; save the file as UTF-8" },
                "\(rejects.map { $0.text("reason") })")
        #expect(rejects.contains { $0.text("record_key") == "BROKEN1" && $0.text("reason").contains("orders.jsonl:11") })
        #expect(rejects.contains { $0.text("reason").contains("orders.jsonl:21") })
        #expect(try await warehouse.scalar("SELECT count(*) FROM stg_orders").int64 == 30, "the import went on to staging")

        // The demo pointed at this seller's warehouse refuses it, says why in one line, and leaves it as it was.
        let demo = try await OmnidashBinary.run(["demo", "--warehouse", warehousePath, "--days", "1", "--port", "0"], timeout: .seconds(120))
        #expect(demo.status == 1, "\(demo.stderr)")
        #expect(demo.stderr.contains("holds data the demo did not create (30 rows in raw_shopee_orders"), "\(demo.stderr)")
        #expect(try await warehouse.scalar("SELECT count(*) FROM raw_shopee_orders").int64 == 30)
        #expect(try await warehouse.scalar("SELECT count(*) FROM sync_runs").int64 == 0, "the demo synced nothing into it")
    }

    @Test("the SKU map: a broken file changes nothing; a good one maps every line it knows, and the rest are listed")
    func skuMapImportAndUnmappedList() async throws {
        let world = SandboxWorld(seed: 3, asOf: BusinessDate("2026-11-20")!)
        var orders = Data()
        try world.exportShopeeOrders(count: 40) { orders.append(contentsOf: $0) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-skus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ordersFile = directory.appendingPathComponent("orders.jsonl")
        try orders.write(to: ordersFile)
        // The map without the best-selling Shopee SKU of these orders.
        let csv = try world.skuMapCSV().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let warehousePath = directory.appendingPathComponent("w.sqlite").path
        try await OmnidashBinary.withConfigurationFile(OmnidashConfiguration(
            warehouse: warehousePath, secrets: .init(piiKey: "0123456789abcdef-test", tokenKey: "0123456789abcdef-test"))) { config in
            let imported = try await OmnidashBinary.run(["import", "shopee-orders", ordersFile.path, "--config", config, "--shop-id", "600000001"])
            #expect(imported.status == 0, "\(imported.stderr)")
            let warehouse = try await WarehouseLocation(parsing: warehousePath).open()
            defer { Task { await warehouse.close() } }
            let dropped = try await warehouse.scalar("""
                SELECT sku FROM stg_order_items GROUP BY sku ORDER BY sum(quantity) DESC, sku LIMIT 1
                """).string ?? ""
            let map = directory.appendingPathComponent("sku_mapping.csv")

            let broken = csv + ["OMN-X-1,shopee,NEW-SKU-1,Other,,,12.345,"]
            try broken.joined(separator: "\n").write(to: map, atomically: true, encoding: .utf8)
            let refused = try await OmnidashBinary.run(["import", "sku-map", map.path, "--config", config])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("the SKU map was not imported, nothing changed"), "\(refused.stderr)")
            #expect(refused.stderr.contains("row \(broken.count): cost: '12.345'"), "\(refused.stderr)")
            #expect(try await warehouse.scalar("SELECT count(*) FROM ref_sku_map").int64 == 0)

            try csv.filter { !$0.contains(",shopee,\(dropped),") }.joined(separator: "\n").write(to: map, atomically: true, encoding: .utf8)
            let good = try await OmnidashBinary.run(["import", "sku-map", map.path, "--config", config])
            #expect(good.status == 0, "\(good.stderr)")
            #expect(good.stderr.contains("1 platform SKUs in orders have no master SKU"), "\(good.stderr)")
            let unmappedLines = try await warehouse.scalar("SELECT count(*) FROM stg_order_items WHERE sku_normalized IS NULL").int64 ?? 0
            let droppedLines = try await warehouse.scalar(SQLStatement("SELECT count(*) FROM stg_order_items WHERE sku = :sku", ["sku": .text(dropped)])).int64
            #expect(unmappedLines > 0 && unmappedLines == droppedLines, "only the dropped SKU is unmapped")
            // Its sales count under 'unmapped' in the product mart: nothing is dropped from the totals.
            let martTotal = try await warehouse.scalar("SELECT sum(total_revenue_minor) FROM mart_product_performance").int64
            let dailyTotal = try await warehouse.scalar("SELECT sum(total_revenue_minor) FROM mart_daily_performance").int64
            #expect(martTotal == dailyTotal && martTotal ?? 0 > 0)
            #expect(try await warehouse.scalar("SELECT count(*) FROM mart_product_performance WHERE sku_master = 'unmapped'").int64 ?? 0 > 0)

            let listed = try await OmnidashBinary.run(["skus", "unmapped", "--config", config, "--csv"])
            #expect(listed.status == 0, "\(listed.stderr)")
            let rows = listed.stdout.split(separator: "\n").map(String.init)
            #expect(rows.first == "platform,platform_sku,product_name,units,revenue,suggested_sku_master,reason")
            #expect(rows.count == 2 && rows[1].hasPrefix("shopee,\(dropped),"), "\(listed.stdout)")
        }
    }

    @Test func importingADirectoryOrAMissingFileSaysSoInOneLine() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-import-dir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = OmnidashConfiguration(warehouse: directory.appendingPathComponent("w.sqlite").path,
                                                  secrets: .init(piiKey: "0123456789abcdef-test", tokenKey: "0123456789abcdef-test"))
        var configPath = ""
        try await OmnidashBinary.withConfigurationFile(configuration) { config in
            configPath = config
            let folder = try await OmnidashBinary.run(["import", "shopee-orders", directory.path, "--config", config, "--shop-id", "1"])
            #expect(folder.status == 1)
            #expect(folder.stderr == "Error: import: \(directory.path): is a directory, not a file\n", "\(folder.stderr)")
            let missing = try await OmnidashBinary.run(["import", "shopee-orders", directory.path + "/nope.jsonl", "--config", config,
                                                        "--shop-id", "1"])
            #expect(missing.stderr == "Error: import: \(directory.path)/nope.jsonl: no such file\n", "\(missing.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: configPath), "the test's configuration file is removed")
    }

    @Test func faultsThePlatformsThrowShowInTheSyncSummary() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let demo = try await OmnidashBinary.run(["demo", "--no-serve", "--days", "3", "--faults", "throttle=5",
                                                 "--warehouse", directory.appendingPathComponent("demo.sqlite").path], timeout: .seconds(300))
        #expect(demo.status == 0, "\(demo.stderr)")
        let summary = try #require(demo.stderr.split(separator: "\n").first { $0.hasPrefix("sync ") }, "\(demo.stderr)")
        #expect(summary.contains("rows added or changed") && summary.contains("throttled") && summary.contains("s waiting"), "\(summary)")
        #expect(demo.stderr.split(separator: "\n").contains { $0.hasPrefix("✓ shopee") && $0.contains("throttled") },
                "each stream says what it met: \(demo.stderr)")
    }

    /// Help says only what is there: the sources Omnidash can sync, never the ones still to come.
    @Test func helpNamesOnlyTheSourcesThatExist() async throws {
        var text = try await OmnidashBinary.run(["--help"]).stdout
        for command in ["sync", "init", "demo", "sandbox", "import"] {
            text += try await OmnidashBinary.run([command, "--help"]).stdout
        }
        for platform in Platform.allCases where platform.settingsType == nil {
            #expect(!text.contains(platform.displayName) && !text.contains("|\(platform.rawValue)"), "help mentions \(platform.displayName)")
        }
        for platform in Platform.supported {
            #expect(text.contains(platform.displayName), "help should name \(platform.displayName)")
        }
        #expect(text.contains("--days"), "sync --days is documented")
    }

    @Test func theDemoWritesItsOwnFileByDefault() async throws {
        let help = try await OmnidashBinary.run(["demo", "--help"])
        #expect(help.stdout.contains("omnidash-demo.sqlite"), "\(help.stdout)")
    }
}
