import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
@testable import Transform
import Warehouse

@Suite("LINE Ads staging", .serialized)
struct LineAdsStagingTests {
    /// Staged LINE spend, clicks, impressions, conversions and value per (date, account, campaign).
    static func staged(_ warehouse: any Warehouse, _ window: DateRange) async throws -> [String: [Int64]] {
        let rows = try await warehouse.query(SQLStatement("""
            SELECT date, account_id, campaign_id, sum(spend_thb_minor) AS spend, sum(clicks) AS clicks, sum(impressions) AS impressions,
                   sum(conversions) AS conversions, sum(conversion_value_thb_minor) AS value
            FROM stg_ads_performance WHERE platform = 'line' AND date BETWEEN :from AND :to GROUP BY date, account_id, campaign_id
            """, ["from": .text(window.start.description), "to": .text(window.end.description)]))
        return Dictionary(rows.map { row in
            ("\(row.text("date"))/\(row.text("account_id"))/\(row.text("campaign_id"))",
             ["spend", "clicks", "impressions", "conversions", "value"].map { row.int($0) })
        }, uniquingKeysWith: { first, _ in first })
    }

    static func truth(_ sandbox: SandboxHarness, _ window: DateRange) -> [String: [Int64]] {
        let truth = sandbox.server.world.campaignTruth(from: window.start, to: window.end).filter { $0.platform == .lineAds }
        return Dictionary(truth.map { t in
            ("\(t.date)/\(t.accountID)/\(t.campaignID)", [t.spendMinor, t.clicks, t.impressions, t.conversions, t.conversionValueMinor])
        }, uniquingKeysWith: { first, _ in first })
    }

    @Test("after a Sandbox sync, LINE delivery per campaign and day equals the world's, to the satang", arguments: WarehouseEngine.allCases)
    func deliveryReconcilesWithTheWorld(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 21)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.lineAds)])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            #expect(report.rejects == 0)
            let configuration = sandbox.configuration(warehouse: fixture.location)
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: configuration).run()
            let expected = Self.truth(sandbox, window)
            #expect(expected.count >= 3 * 20, "three campaigns deliver every day of the window")
            let staged = try await Self.staged(fixture.warehouse, window)
            #expect(staged == expected)

            // Budgets: each ad group's daily budget, exactly, and every campaign's budget as the sum of its ad groups'.
            let world = sandbox.server.world.adAccounts(on: .lineAds)[0]
            let groups = try await fixture.warehouse.query(SQLStatement(
                "SELECT entity_id, daily_budget, is_active FROM stg_ad_entities WHERE platform = 'line' AND level = 'adset'"))
            #expect(groups.count == 6)
            for set in world.campaigns.flatMap(\.adSets) {
                let row = try #require(groups.first { $0.text("entity_id") == set.id })
                #expect(Decimal(string: row.text("daily_budget")) == Decimal(set.dailyBudgetMinor!) / 100)
                #expect(row.int("is_active") == 1)
            }
            let lastDay = window.end.description
            let budgets = try await fixture.warehouse.query(SQLStatement(
                "SELECT campaign_id, daily_budget_thb_minor FROM stg_ad_budget_days WHERE platform = 'line' AND date = :day",
                ["day": .text(lastDay)]))
            for campaign in world.campaigns {
                #expect(budgets.first { $0.text("campaign_id") == campaign.id }?.int("daily_budget_thb_minor") == campaign.effectiveDailyBudgetMinor)
            }
            let ads = try await fixture.warehouse.scalar("SELECT count(*) FROM stg_ad_entities WHERE platform = 'line' AND level = 'ad'").int64
            #expect(ads == 12)
            // LINE reports reach and video views but no engagements: NULL, never 0.
            let engagement = try await fixture.warehouse.scalar(
                "SELECT count(*) FROM stg_ads_performance WHERE platform = 'line' AND engagement IS NOT NULL").int64
            let reach = try await fixture.warehouse.scalar(
                "SELECT count(*) FROM stg_ads_performance WHERE platform = 'line' AND reach IS NULL").int64
            #expect(engagement == 0 && reach == 0)
        }
    }

    @Test("throttling and 5xx bursts are survived, and a rerun changes nothing", arguments: [WarehouseEngine.sqlite])
    func throttlingIsSurvivedAndRerunsAreIdempotent(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start(faults: SandboxFaults(throttleEvery: 4, serverErrorEvery: 11, expireTokensEvery: 13))
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 10)
            let first = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.lineAds)])
            #expect(first.succeeded, "\(first.failures.map { $0.error ?? "" })")
            #expect(first.requests.throttled > 0 && first.requests.retries > first.requests.throttled)
            let rawCount = try await fixture.warehouse.scalar("SELECT count(*) FROM raw_line_ads").int64
            let second = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.lineAds)])
            #expect(second.succeeded)
            #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM raw_line_ads").int64 == rawCount)
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()
            #expect(try await Self.staged(fixture.warehouse, window) == Self.truth(sandbox, window))
        }
    }

    @Test("a wrong secret stops the LINE sync with LINE's 401, naming the endpoint", arguments: [WarehouseEngine.sqlite])
    func aWrongSecretFailsClearly(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            var configuration = sandbox.configuration(warehouse: fixture.location)
            let line = sandbox.server.credentials.line
            configuration.sources = ConfiguredSources([LineAdsSettings(baseURL: line.baseURL, accessKey: line.accessKey, secretKey: "wrong",
                                                                       adAccountIDs: line.adAccountIDs,
                                                                       rateLimit: .init(requests: 1_000, perSeconds: 1))])
            let report = try await sandbox.sync(sandbox.window(days: 3), into: fixture.warehouse, location: fixture.location,
                                                sources: [.platform(.lineAds)], configuration: configuration)
            let failure = try #require(report.failures.first?.error)
            #expect(failure.contains("LINE Ads /api/v3/adaccounts/\(line.adAccountIDs[0])/") && failure.contains("UNAUTHORIZED: Invalid signature.")
                    && failure.contains("(HTTP 401)"), "\(failure)")
            #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM raw_line_ads").int64 == 0)
        }
    }
}
