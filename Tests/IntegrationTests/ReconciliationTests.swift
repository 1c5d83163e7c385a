import Connectors
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Transform
import Warehouse

/// The marts must add up to exactly what the simulated world sold and spent: every day, to the satang.
@Suite("Reconciliation with the Sandbox world", .serialized)
struct ReconciliationTests {
    @Test("90 days of Shopee, Lazada and TikTok Shop orders and Meta insights reconcile with the world's truth, by day, shop and master SKU",
          arguments: WarehouseEngine.allCases)
    func ninetyDaysReconcile(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 90)
            let report = try await sandbox.syncAndTransform(window, into: fixture)
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            #expect(report.rejects == 0)
            let truth = sandbox.server.world.truth(from: window.start, to: window.end)
            let mart = try await DayTruth.mart(fixture.warehouse, window: window)
            #expect(truth.count == 90)
            #expect(truth.reduce(0) { $0 + $1.orders } > 90 * 100, "the world sells hundreds of orders a day")
            for (expected, actual) in zip(truth, mart) where expected != actual {
                Issue.record("\(engine): mart \(actual) differs from truth \(expected)")
            }
            // Every (date, platform, shop) of mart_shop_performance equals the world's shop.
            let shopTruth = sandbox.server.world.platformTruth(from: window.start, to: window.end).filter { $0.platform.kind == .marketplace }
            let shopMart = try await PlatformDayTruth.shopMart(fixture.warehouse, window: window)
            #expect(Set(shopTruth.map(\.platform)) == [.shopee, .lazada, .tiktokShop])
            #expect(shopMart.count == shopTruth.count)
            for expected in shopTruth {
                let actual = shopMart[PlatformDayTruth.Key(expected)]
                if actual != expected {
                    Issue.record("\(engine): mart_shop_performance \(String(describing: actual)) differs from truth \(expected)")
                }
            }
            // Every (date, master SKU) of mart_product_performance equals what the world sold of it, on every marketplace,
            // and its cost is the units times the cost in force that day (a quarter of the SKUs changed cost mid-window).
            let productTruth = sandbox.server.world.productTruth(from: window.start, to: window.end)
            let productMart = try await fixture.warehouse.query(SQLStatement("""
                SELECT date, sku_master, total_units, total_revenue_minor, cost_minor, shopee_units, shopee_revenue_minor,
                       lazada_units, lazada_revenue_minor, tiktok_units, tiktok_revenue_minor
                FROM mart_product_performance WHERE date BETWEEN :from AND :to
                """, ["from": .text(window.start.description), "to": .text(window.end.description)]))
            #expect(!productMart.contains { $0.text("sku_master") == "unmapped" }, "every platform SKU of the world is in its map")
            #expect(productMart.count == productTruth.count)
            let productRows = Dictionary(productMart.map { ("\($0.text("date"))/\($0.text("sku_master"))", $0) }, uniquingKeysWith: { a, _ in a })
            #expect(sandbox.server.world.skuCosts.contains { $0.effectiveFrom.map { window.start < $0 } ?? false })
            for expected in productTruth {
                guard let row = productRows["\(expected.date)/\(expected.skuMaster)"] else {
                    Issue.record("\(engine): mart_product_performance lacks \(expected.skuMaster) on \(expected.date)")
                    continue
                }
                let actual: [Int64] = [row.int("total_units"), row.int("total_revenue_minor"), row.int("cost_minor"),
                              row.int("shopee_units"), row.int("shopee_revenue_minor"), row.int("lazada_units"), row.int("lazada_revenue_minor"),
                              row.int("tiktok_units"), row.int("tiktok_revenue_minor")]
                let truth: [Int64] = [expected.units, expected.revenueMinor, expected.costMinor,
                             expected.unitsByPlatform[.shopee] ?? 0, expected.revenueMinorByPlatform[.shopee] ?? 0,
                             expected.unitsByPlatform[.lazada] ?? 0, expected.revenueMinorByPlatform[.lazada] ?? 0,
                             expected.unitsByPlatform[.tiktokShop] ?? 0, expected.revenueMinorByPlatform[.tiktokShop] ?? 0]
                if actual != truth {
                    Issue.record("\(engine): \(expected.skuMaster) on \(expected.date): mart \(actual) differs from truth \(truth)")
                }
            }
            // The shops and the FX rates arrived too.
            #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM stg_shops").int64 == 4, "two Shopee shops, one Lazada, one TikTok Shop")
            #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM ref_fx_rates WHERE currency = 'USD'").int64 ?? 0 >= 90)
        }
    }
}
