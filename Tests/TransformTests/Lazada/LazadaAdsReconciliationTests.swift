import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
@testable import Transform
import Warehouse

/// Lazada Sponsored Discovery synced on the seller's authorisation a day at a time, staged as platform `lazada_ads`
/// and compared with the world's campaign truth, then synced again to show a rerun changes nothing.
@Suite("Lazada Ads staging reconciles with the world", .serialized)
struct LazadaAdsReconciliationTests {
    @Test("a 10-day Lazada sync stages every campaign-day and budget equal to the truth, and a rerun keeps them", arguments: WarehouseEngine.allCases)
    func reconciles(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 10)
            let configuration = sandbox.configuration(warehouse: fixture.location)
            let truth = sandbox.server.world.campaignTruth(from: window.start, to: window.end).filter { $0.platform == .lazadaAds }
            #expect(truth.count == 30, "three campaigns a day for ten days")
            for run in 1...2 {
                let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location,
                                                    sources: [.platform(.lazada), .fx], runID: "lazada-ads-\(run)")
                #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
                #expect(report.rejects == 0)
                _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: configuration).run()

                let staged = try await MarketplaceAdsSums.performance(fixture.warehouse, platform: "lazada_ads", window: window)
                let budgets = try await MarketplaceAdsSums.budgets(fixture.warehouse, platform: "lazada_ads")
                #expect(staged.count == truth.count, "run \(run)")
                for day in truth {
                    let key = "\(day.date)/\(day.accountID)/\(day.campaignID)"
                    #expect(staged[key] == [day.spendMinor, day.clicks, day.impressions, day.conversions, day.conversionValueMinor],
                            "run \(run): \(key)")
                    #expect(budgets[key] == day.dailyBudgetMinor, "run \(run): budget \(key)")
                }
            }
            let raw = try await fixture.warehouse.scalar("SELECT count(*) FROM raw_lazada_ads_campaign_report").int64
            #expect(raw == 30, "a rerun loads the same campaign-days again, once each")
            let entities = try await fixture.warehouse.query(SQLStatement(
                "SELECT name, status, is_active, daily_budget FROM stg_ad_entities WHERE platform = 'lazada_ads' ORDER BY name"))
            #expect(entities.map { $0.text("name") } == ["SD_Auto_Sunscreen", "SD_Manual_Lip_Care", "SD_Manual_Serums_Search"])
            #expect(entities.allSatisfy { $0.text("status") == "ON" && $0.int("is_active") == 1 })
        }
    }
}
