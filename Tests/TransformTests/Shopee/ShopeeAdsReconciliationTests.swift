import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
@testable import Transform
import Warehouse

/// Shopee Ads synced on the shop's authorisation, staged as platform `shopee_ads` and compared with the world's
/// campaign truth: spend to the satang, clicks, impressions, broad orders and GMV, and each campaign's budget.
@Suite("Shopee Ads staging reconciles with the world", .serialized)
struct ShopeeAdsReconciliationTests {
    @Test("a 10-day Shopee sync stages every product campaign-day and budget equal to the truth", arguments: WarehouseEngine.allCases)
    func reconciles(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 10)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location,
                                                sources: [.platform(.shopee), .fx])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            #expect(report.rejects == 0)
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()

            let truth = sandbox.server.world.campaignTruth(from: window.start, to: window.end).filter { $0.platform == .shopeeAds }
            #expect(truth.count == 40, "four campaigns a day for ten days")
            let staged = try await MarketplaceAdsSums.performance(fixture.warehouse, platform: "shopee_ads", window: window)
            let budgets = try await MarketplaceAdsSums.budgets(fixture.warehouse, platform: "shopee_ads")
            #expect(staged.count == truth.count)
            for day in truth {
                let key = "\(day.date)/\(day.accountID)/\(day.campaignID)"
                #expect(staged[key] == [day.spendMinor, day.clicks, day.impressions, day.conversions, day.conversionValueMinor], "\(key)")
                #expect(budgets[key] == day.dailyBudgetMinor, "budget \(key)")
            }
            // Shopee reports campaigns only; they are the ads, named as the campaign, with no reach or video metrics.
            let detail = try await fixture.warehouse.query(SQLStatement("""
                SELECT count(*) AS n, sum(CASE WHEN ad_id = campaign_id AND reach IS NULL AND video_views IS NULL
                       AND engagement IS NULL AND currency = 'THB' AND account_name = 'Sukhon Beauty Official Store' THEN 1 ELSE 0 END) AS ok
                FROM stg_ads_performance WHERE platform = 'shopee_ads'
                """))
            #expect(detail.first?.int("n") == detail.first?.int("ok"))
            // Direct conversions (the advertised item itself) sit beside the broad ones, as Shopee reports them: fewer, and
            // their value converted like the broad value.
            let direct = try await fixture.warehouse.query(SQLStatement("""
                SELECT count(*) AS n,
                       sum(CASE WHEN direct_conversions <= conversions AND direct_conversion_value_thb_minor <= conversion_value_thb_minor
                                AND direct_conversion_value IS NOT NULL THEN 1 ELSE 0 END) AS ok,
                       sum(direct_conversions) AS direct, sum(conversions) AS broad
                FROM stg_ads_performance WHERE platform = 'shopee_ads'
                """))
            #expect(direct.first?.int("n") == direct.first?.int("ok"))
            #expect((direct.first?.int("direct") ?? 0) > 0 && (direct.first?.int("direct") ?? 0) < (direct.first?.int("broad") ?? 0))
            let entities = try await fixture.warehouse.query(SQLStatement(
                "SELECT level, status, is_active FROM stg_ad_entities WHERE platform = 'shopee_ads'"))
            #expect(entities.count == 4 && entities.allSatisfy { $0.text("level") == "campaign" && $0.text("status") == "ongoing" })
            // The shop totals Shopee reports equal the campaigns' sums, day by day.
            let shopDays = try await fixture.warehouse.query(SQLStatement("""
                SELECT _date, expense, impression FROM raw_shopee_ads_daily WHERE shop_id = '822451903' AND _date BETWEEN :from AND :to
                """, ["from": .text(window.start.description), "to": .text(window.end.description)]))
            #expect(shopDays.count == 10)
            for row in shopDays {
                let day = truth.filter { $0.date.description == row.text("_date") }
                #expect(Decimal(exactly: row.text("expense")).map { $0 * 100 } == Decimal(day.reduce(0) { $0 + $1.spendMinor }))
                #expect(row.int("impression") == day.reduce(0) { $0 + $1.impressions })
            }
        }
    }
}

/// Staged sums per (date, account, campaign), read back as the world writes its truth.
enum MarketplaceAdsSums {
    /// Spend, clicks, impressions, conversions and their value; PostgreSQL sums BIGINTs as NUMERIC, so cast back.
    static func performance(_ warehouse: any Warehouse, platform: String, window: DateRange) async throws -> [String: [Int64]] {
        let rows = try await warehouse.query(SQLStatement("""
            SELECT date, account_id, campaign_id, CAST(sum(spend_thb_minor) AS BIGINT) AS spend, CAST(sum(clicks) AS BIGINT) AS clicks,
                   CAST(sum(impressions) AS BIGINT) AS impressions, CAST(sum(conversions) AS BIGINT) AS conversions,
                   CAST(sum(conversion_value_thb_minor) AS BIGINT) AS conversion_value
            FROM stg_ads_performance WHERE platform = :platform AND date BETWEEN :from AND :to GROUP BY date, account_id, campaign_id
            """, ["platform": .text(platform), "from": .text(window.start.description), "to": .text(window.end.description)]))
        return Dictionary(rows.map { row in
            ("\(row.text("date"))/\(row.text("account_id"))/\(row.text("campaign_id"))",
             ["spend", "clicks", "impressions", "conversions", "conversion_value"].map { row.int($0) })
        }, uniquingKeysWith: { first, _ in first })
    }

    static func budgets(_ warehouse: any Warehouse, platform: String) async throws -> [String: Int64] {
        let rows = try await warehouse.query(SQLStatement(
            "SELECT date, account_id, campaign_id, daily_budget_thb_minor FROM stg_ad_budget_days WHERE platform = :platform",
            ["platform": .text(platform)]))
        return Dictionary(rows.map { ("\($0.text("date"))/\($0.text("account_id"))/\($0.text("campaign_id"))", $0.int("daily_budget_thb_minor")) },
                          uniquingKeysWith: { first, _ in first })
    }
}
