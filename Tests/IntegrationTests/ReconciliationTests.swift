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
    @Test("90 days of Shopee, Lazada and TikTok Shop orders and Meta insights reconcile with the world's truth, day by day and shop by shop",
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
                if actual?.revenueMinor != expected.revenueMinor || actual?.orders != expected.orders || actual?.units != expected.units {
                    Issue.record("\(engine): mart_shop_performance \(String(describing: actual)) differs from truth \(expected)")
                }
            }
            // The shops and the FX rates arrived too.
            #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM stg_shops").int64 == 3)
            #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM ref_fx_rates WHERE currency = 'USD'").int64 ?? 0 >= 90)
        }
    }
}
