import Dashboard
import OmnidashCore
import OmnidashTestSupport
import Testing
import Warehouse

@Suite("Data freshness on the Executive overview")
struct FreshnessTests {
    @Test("a source whose latest run had a failed stream shows as failed, with its last success", arguments: WarehouseEngine.allCases)
    func latestRunDecidesTheStatus(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let log = SyncRunLog(warehouse: fixture.warehouse)
            let runs: [(String, String, SyncRunLog.Status)] = [
                ("20261120T000000Z-aaaaaa", "orders", .succeeded),
                ("20261125T000000Z-bbbbbb", "shop", .succeeded),
                ("20261125T000000Z-bbbbbb", "orders", .failed),
                ("20261125T000000Z-cccccc", "insights", .succeeded),
            ]
            for (run, stream, status) in runs {
                let source = stream == "insights" ? "facebook" : "shopee"
                let entry = SyncRunLog.Entry(runID: run, source: source, accountID: "1", stream: stream, status: status)
                try await log.started(entry)
                try await log.finished(entry)
            }
            let today = BusinessDate("2026-11-25")!
            let model = try await ExecutiveOverview.query(fixture.warehouse, filters: .default(today: today))
            let shopee = try #require(model.freshness.first { $0.platform == .shopee })
            #expect(shopee.lastStatus == "failed")
            #expect(shopee.lastSuccessAt != nil)
            #expect(model.freshness.first { $0.platform == .facebookAds }?.lastStatus == "succeeded")
            #expect(model.kpis.first { $0.key == "roas" }?.current == nil, "no data: ROAS has no value")
        }
    }
}
