import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
@testable import Transform
import Warehouse

/// A first Meta sync long enough to go through asynchronous report jobs, staged and compared with the world's campaign
/// truth: delivery per campaign-day, the age × gender breakdown summed per campaign-day, and each campaign's daily budget.
@Suite("Meta staging reconciles with the world", .serialized)
struct FacebookAdsReconciliationTests {
    /// Sums of the ads columns per (date, account, campaign); PostgreSQL sums BIGINTs as NUMERIC, so cast back.
    static func sums(_ warehouse: any Warehouse, table: String) async throws -> [String: [Int64]] {
        let rows = try await warehouse.query(SQLStatement("""
            SELECT date, account_id, campaign_id, CAST(sum(spend_thb_minor) AS BIGINT) AS spend, CAST(sum(clicks) AS BIGINT) AS clicks,
                   CAST(sum(impressions) AS BIGINT) AS impressions, CAST(sum(conversions) AS BIGINT) AS conversions,
                   CAST(sum(conversion_value_thb_minor) AS BIGINT) AS conversion_value
            FROM \(table) WHERE platform = 'facebook' GROUP BY date, account_id, campaign_id
            """))
        return Dictionary(rows.map { row in
            ("\(row.text("date"))/\(row.text("account_id"))/\(row.text("campaign_id"))",
             ["spend", "clicks", "impressions", "conversions", "conversion_value"].map { row.int($0) })
        }, uniquingKeysWith: { first, _ in first })
    }

    @Test("a 40-day first sync stages performance, age × gender and budgets equal to the truth", arguments: WarehouseEngine.allCases)
    func reconciles(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 40)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location,
                                                sources: [.platform(.facebookAds), .fx])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()

            let truth = sandbox.server.world.campaignTruth(from: window.start, to: window.end).filter { $0.platform == .facebookAds }
            #expect(Set(truth.map(\.accountID)).count == 2 && truth.count > 200, "both accounts, THB and USD")
            let performance = try await Self.sums(fixture.warehouse, table: "stg_ads_performance")
            let demographics = try await Self.sums(fixture.warehouse, table: "stg_ads_demographics")
            let budgets = try await fixture.warehouse.query(SQLStatement(
                "SELECT date, account_id, campaign_id, daily_budget_thb_minor FROM stg_ad_budget_days WHERE platform = 'facebook'"))
            let budgetByKey = Dictionary(budgets.map { ("\($0.text("date"))/\($0.text("account_id"))/\($0.text("campaign_id"))",
                                                        $0.int("daily_budget_thb_minor")) }, uniquingKeysWith: { first, _ in first })
            #expect(performance.count == truth.count && demographics.count == truth.count)
            for day in truth {
                let key = "\(day.date)/\(day.accountID)/\(day.campaignID)"
                let expected = [day.spendMinor, day.clicks, day.impressions, day.conversions, day.conversionValueMinor]
                #expect(performance[key] == expected, "performance \(key)")
                #expect(demographics[key] == expected, "age × gender \(key)")
                #expect(budgetByKey[key] == day.dailyBudgetMinor, "budget \(key)")
            }

            let cells = try await fixture.warehouse.scalar(
                "SELECT count(DISTINCT age || '/' || gender) FROM stg_ads_demographics WHERE platform = 'facebook'").int64
            #expect(cells == 21, "seven age buckets by three genders")
            let levels = try await fixture.warehouse.query(SQLStatement("""
                SELECT level, count(*) AS objects, CAST(sum(is_active) AS BIGINT) AS active FROM stg_ad_entities
                WHERE platform = 'facebook' GROUP BY level ORDER BY level
                """))
            #expect(levels.map { "\($0.text("level")):\($0.int("objects")):\($0.int("active"))" } == ["ad:24:24", "adset:12:12", "campaign:6:6"])
        }
    }
}
