import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
@testable import Transform
import Warehouse

@Suite("Google Ads staging", .serialized)
struct GoogleAdsStagingTests {
    @Test("after a Sandbox sync, Google's campaigns per day equal the world's truth to the satang, Performance Max included",
          arguments: WarehouseEngine.allCases)
    func campaignsReconcileWithTheWorld(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 35)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.googleAds), .fx])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()

            let staged = try await fixture.warehouse.query(SQLStatement("""
                SELECT date, account_id, campaign_id, CAST(sum(spend_thb_minor) AS BIGINT) AS spend, CAST(sum(clicks) AS BIGINT) AS clicks,
                       CAST(sum(impressions) AS BIGINT) AS impressions, CAST(sum(conversions) AS BIGINT) AS conversions,
                       CAST(sum(conversion_value_thb_minor) AS BIGINT) AS value
                FROM stg_ads_performance WHERE platform = 'google' AND date BETWEEN :from AND :to
                GROUP BY date, account_id, campaign_id
                """, ["from": .text(window.start.description), "to": .text(window.end.description)]))
            let rows = Dictionary(staged.map { ("\($0.text("date"))/\($0.text("account_id"))/\($0.text("campaign_id"))", $0) },
                                  uniquingKeysWith: { a, _ in a })
            let truth = sandbox.server.world.campaignTruth(from: window.start, to: window.end).filter { $0.platform == .googleAds }
            #expect(truth.count == 35 * 6)
            #expect(rows.count == truth.count)
            for expected in truth {
                let key = "\(expected.date)/\(expected.accountID)/\(expected.campaignID)"
                let want = [expected.spendMinor, expected.clicks, expected.impressions, expected.conversions, expected.conversionValueMinor]
                let got = rows[key].map { row in ["spend", "clicks", "impressions", "conversions", "value"].map { row.int($0) } } ?? []
                if got != want { Issue.record("\(engine): \(key) \(expected.campaignName): staged \(got) differ from truth \(want)") }
            }

            // Performance Max is staged at campaign grain; every other campaign at ad group grain with nothing left over.
            let grains = try await fixture.warehouse.query(SQLStatement("""
                SELECT campaign_type, count(*) AS n, sum(CASE WHEN adset_id IS NULL AND ad_id = campaign_id THEN 1 ELSE 0 END) AS campaign_grain
                FROM stg_ads_performance WHERE platform = 'google' GROUP BY campaign_type
                """))
            for grain in grains {
                let expectCampaignGrain = grain.text("campaign_type") == "PERFORMANCE_MAX" ? grain.int("n") : 0
                #expect(grain.int("campaign_grain") == expectCampaignGrain, "\(grain.text("campaign_type"))")
            }
            #expect(Set(grains.map { $0.text("campaign_type") }) == ["SEARCH", "SHOPPING", "PERFORMANCE_MAX"])
            let unreported = try await fixture.warehouse.scalar(SQLStatement(
                "SELECT count(*) FROM stg_ads_performance WHERE platform = 'google' AND (reach IS NOT NULL OR video_views IS NOT NULL)")).int64
            #expect(unreported == 0, "Google's daily reports carry no reach or video views: NULL, never 0")

            // Keywords add up to their ad groups, in the account currency, exactly.
            // (Summed here with Decimal: SQLite would sum the decimal text as floating point.)
            func totals(_ table: String) async throws -> [String: (spend: Decimal, clicks: Int64)] {
                var result: [String: (spend: Decimal, clicks: Int64)] = [:]
                for row in try await fixture.warehouse.query(SQLStatement(
                    "SELECT date, adset_id, CAST(spend AS TEXT) AS spend, clicks FROM \(table) WHERE platform = 'google' AND adset_id IS NOT NULL")) {
                    let key = "\(row.text("date"))/\(row.text("adset_id"))"
                    let spend = try #require(Decimal(string: row.text("spend")))
                    result[key] = ((result[key]?.spend ?? 0) + spend, (result[key]?.clicks ?? 0) + row.int("clicks"))
                }
                return result
            }
            let keywords = try await totals("stg_ads_keywords"), groupTotals = try await totals("stg_ads_performance")
            #expect(!keywords.isEmpty)
            for (key, keyword) in keywords {
                #expect(groupTotals[key]?.spend == keyword.spend && groupTotals[key]?.clicks == keyword.clicks, "\(engine): \(key) \(String(describing: groupTotals[key])) \(keyword)")
            }
            let keywordRows = try await fixture.warehouse.scalar(SQLStatement("SELECT count(*) FROM stg_ads_keywords WHERE platform = 'google'")).int64 ?? 0
            #expect(keywordRows > 35 * 10)

            // Entities: campaigns with their daily budgets, in force on every staged day.
            let campaigns = try await fixture.warehouse.query(SQLStatement(
                "SELECT entity_id, daily_budget, is_active, objective FROM stg_ad_entities WHERE platform = 'google' AND level = 'campaign'"))
            let world = sandbox.server.world.adAccounts(on: .googleAds).flatMap(\.campaigns)
            #expect(campaigns.count == world.count)
            for campaign in world {
                let row = campaigns.first { $0.text("entity_id") == campaign.id }
                #expect(row.flatMap { Decimal(string: $0.text("daily_budget")) } == Decimal(campaign.effectiveDailyBudgetMinor) / 100)
                #expect(row?.int("is_active") == 1)
            }
            let adGroups = try await fixture.warehouse.scalar(SQLStatement(
                "SELECT count(*) FROM stg_ad_entities WHERE platform = 'google' AND level = 'adset'")).int64
            #expect(adGroups == 8)
            let budgetDays = try await fixture.warehouse.scalar(SQLStatement(
                "SELECT count(*) FROM stg_ad_budget_days WHERE platform = 'google'")).int64
            #expect(budgetDays == Int64(35 * world.count))
        }
    }
}
