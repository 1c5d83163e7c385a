import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Transform
import Warehouse

/// An import stages each page in the page's own transaction. What it staged must be exactly what restaging the raw
/// table gives, whatever order versions of an order arrive in, and the transform after it must not stage it again.
@Suite("Staging as pages load")
struct StageOnLoadTests {
    static let configuration = OmnidashConfiguration()
    static let piiKey = "stage-on-load-test-key"

    @Test("an import's staged rows equal a full restage, with newer and older versions of orders in and across files",
          arguments: WarehouseEngine.allCases)
    func stagedRowsEqualRestage(engine: WarehouseEngine) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-stage-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var export = Data()
        try SandboxWorld(seed: 5, asOf: BusinessDate("2026-11-20")!).exportShopeeOrders(count: 450) { export.append($0) }
        // The export hands over chunks of whole lines; each line, newline included.
        let lines = export.split(separator: UInt8(ascii: "\n")).map { Data($0) + Data("\n".utf8) }
        let multiLine = try #require(lines.firstIndex { try Self.order($0)["item_list"].map { ($0 as! [Any]).count > 1 } ?? false })
        let original = lines[multiLine]
        // A newer version with a line gone and a new status, later in the same file (another page); an older version of
        // another order after it, which must change nothing.
        let newer = try Self.edited(original, updateTimeBy: 3_600, status: "COMPLETED", dropLastItem: true)
        let older = try Self.edited(lines[multiLine == 0 ? 1 : 0], updateTimeBy: -3_600, status: "UNPAID", dropLastItem: false)
        let first = directory.appendingPathComponent("first.jsonl").path
        try Data((lines + [newer, older]).joined()).write(to: URL(fileURLWithPath: first))
        // A second file holding only the original, older than what the warehouse now keeps.
        let second = directory.appendingPathComponent("second.jsonl").path
        try original.write(to: URL(fileURLWithPath: second))

        try await withTestWarehouse(engine) { fixture in
            let warehouse = fixture.warehouse
            let imported = try await Self.importFile(first, into: warehouse)
            #expect(imported.records == lines.count + 2)
            #expect(imported.unstagedPages == 0)
            #expect(!imported.stagedDates.isEmpty)

            let afterImport = try await TransformRunner(warehouse: warehouse, configuration: Self.configuration)
                .run(stagedDates: imported.stagedDates)
            #expect(afterImport.stagedRows["stg_orders.shopee", default: 0] == 0, "the transform read the imported pages again")
            #expect(afterImport.martRange != nil, "the marts of the imported dates were not rebuilt")
            let staged = try await Self.stagingRows(warehouse)
            #expect(try await warehouse.scalar("SELECT count(*) FROM stg_orders").int64 == Int64(lines.count))

            // The newer version won, whole: its status, and one line fewer.
            let sn = try #require(try Self.order(original)["order_sn"] as? String)
            let kept = try await warehouse.query(SQLStatement(
                "SELECT order_status, (SELECT count(*) FROM stg_order_items i WHERE i.order_id = o.order_id) AS line_count FROM stg_orders o WHERE order_id = :sn",
                ["sn": .text(sn)]))
            let originalLines = try #require(try Self.order(original)["item_list"] as? [Any]).count
            #expect(kept.first?.text("order_status") == "COMPLETED")
            #expect(kept.first?.int("line_count") == Int64(originalLines - 1))

            // An older file changes neither raw nor staging.
            let again = try await Self.importFile(second, into: warehouse)
            #expect(again.records == 1)
            _ = try await TransformRunner(warehouse: warehouse, configuration: Self.configuration).run(stagedDates: again.stagedDates)
            #expect(try await Self.stagingRows(warehouse) == staged, "an older version replaced staged rows")

            // Restaging everything from the raw table gives the same rows, to the last column.
            let marts = try await Self.martRows(warehouse)
            let full = try await TransformRunner(warehouse: warehouse, configuration: Self.configuration).run(full: true)
            #expect(full.stagedRows["stg_orders.shopee", default: 0] > 0)
            let restaged = try await Self.stagingRows(warehouse)
            #expect(restaged.count == staged.count)
            for (expected, actual) in zip(restaged, staged) where expected != actual {
                Issue.record("\(engine): staged on load \(actual) differs from restaged \(expected)")
                break
            }
            #expect(try await Self.martRows(warehouse) == marts, "the marts changed when staging was rebuilt from raw")
        }
    }

    static func importFile(_ path: String, into warehouse: any Warehouse) async throws -> ShopeeOrdersFileImport.Result {
        let staging = try await LoadStaging.prepare(warehouse: warehouse, configuration: configuration)
        var importer = ShopeeOrdersFileImport(sink: RawSink(warehouse: warehouse, runID: "import-test"),
                                              parser: ShopeeOrderParser(hasher: PIIHasher(secret: piiKey)), shopID: "777")
        importer.pageSize = 100
        importer.stager = { orders, loadedAt in try? staging.shopeeOrders(orders, loadedAt: loadedAt) }
        return try await importer.run(path: path)
    }

    /// Every staged order and line, every column, in key order.
    static func stagingRows(_ warehouse: any Warehouse) async throws -> [WarehouseRow] {
        try await warehouse.query("SELECT * FROM stg_orders ORDER BY platform, shop_id, order_id")
            + warehouse.query("SELECT * FROM stg_order_items ORDER BY platform, shop_id, order_id, line_number")
    }

    static func martRows(_ warehouse: any Warehouse) async throws -> [WarehouseRow] {
        try await warehouse.query("""
            SELECT date, platform, shop_id, revenue_minor, orders, units, refund_amount_minor FROM mart_shop_performance ORDER BY date, platform, shop_id
            """)
    }

    static func order(_ line: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
    }

    /// The order of `line` with its update time moved, its status set, and optionally its last line dropped.
    static func edited(_ line: Data, updateTimeBy seconds: Int, status: String, dropLastItem: Bool) throws -> Data {
        var order = try order(line)
        order["update_time"] = try #require(order["update_time"] as? Int) + seconds
        order["order_status"] = status
        if dropLastItem, var items = order["item_list"] as? [Any] {
            items.removeLast()
            order["item_list"] = items
        }
        return try JSONSerialization.data(withJSONObject: order) + Data("\n".utf8)
    }
}
