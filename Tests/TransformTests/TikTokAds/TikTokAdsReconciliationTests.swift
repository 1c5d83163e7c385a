import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
@testable import Transform
import Warehouse

@Suite("TikTok Ads reconciliation", .serialized)
struct TikTokAdsReconciliationTests {
    /// `stg_ads_performance` summed per (date, account, campaign) as the world's campaign truth is written.
    static func staged(_ warehouse: any Warehouse, _ window: DateRange) async throws -> [String: [Int64]] {
        let rows = try await warehouse.query(SQLStatement("""
            SELECT date, account_id, campaign_id, sum(spend_thb_minor) AS spend, sum(clicks) AS clicks,
                   sum(impressions) AS impressions, sum(conversions) AS conversions, sum(conversion_value_thb_minor) AS value
            FROM stg_ads_performance WHERE platform = 'tiktok_ads' AND date BETWEEN :from AND :to
            GROUP BY date, account_id, campaign_id
            """, ["from": .text(window.start.description), "to": .text(window.end.description)]))
        return Dictionary(uniqueKeysWithValues: rows.map {
            ("\($0.text("date"))/\($0.text("account_id"))/\($0.text("campaign_id"))",
             ["spend", "clicks", "impressions", "conversions", "value"].map($0.int))
        })
    }

    static func truth(_ sandbox: SandboxHarness, _ window: DateRange) -> [String: [Int64]] {
        Dictionary(uniqueKeysWithValues: sandbox.server.world.campaignTruth(from: window.start, to: window.end)
            .filter { $0.platform == .tiktokAds }
            .map { ("\($0.date)/\($0.accountID)/\($0.campaignID)", [$0.spendMinor, $0.clicks, $0.impressions, $0.conversions, $0.conversionValueMinor]) })
    }

    @Test("after a Sandbox sync through throttling and system errors, TikTok spend, clicks, impressions and purchases per campaign and day equal the world's, the UTC advertiser included",
          arguments: WarehouseEngine.allCases)
    func reconcilesWithTheWorld(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start(faults: try SandboxFaults(parsing: "throttle=6,5xx=9"))
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 12)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.tiktokAds), .fx])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            #expect(report.requests.throttled > 0 && report.requests.retries > report.requests.throttled, "the faults were met and survived")
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()

            let truth = Self.truth(sandbox, window)
            let utc = try #require(sandbox.server.world.adAccounts(on: .tiktokAds).first { $0.utcOffsetHours == 0 })
            #expect(truth.keys.contains { $0.contains("/\(utc.id)/") })
            let staged = try await Self.staged(fixture.warehouse, window)
            #expect(staged.count == truth.count)
            for (key, expected) in truth where staged[key] != expected {
                Issue.record("\(engine): \(key): staged \(staged[key] ?? []) differ from truth \(expected)")
            }

            // The UTC advertiser came as hourly rows; its re-bucketed days have no reach, the Bangkok one's do.
            let grains = try await fixture.warehouse.query(SQLStatement(
                "SELECT advertiser_id, grain, count(*) AS n FROM raw_tiktok_ads GROUP BY advertiser_id, grain"))
            #expect(Set(grains.map { "\($0.text("advertiser_id"))/\($0.text("grain"))" }).count == 2)
            #expect(grains.contains { $0.text("advertiser_id") == utc.id && $0.text("grain") == "hour" })
            let reach = try await fixture.warehouse.query(SQLStatement("""
                SELECT account_id, count(reach) AS with_reach, count(*) AS n, sum(video_views) AS views
                FROM stg_ads_performance WHERE platform = 'tiktok_ads' GROUP BY account_id
                """))
            for row in reach {
                let expectReach = row.text("account_id") != utc.id
                #expect((row.int("with_reach") == row.int("n")) == expectReach && (row.int("with_reach") == 0) == !expectReach)
                #expect(row.int("views") > 0)
            }

            // Budgets: every campaign is staged with a daily budget of its own or of its ad groups.
            let budgets = try await fixture.warehouse.query(SQLStatement("""
                SELECT campaign_id, max(daily_budget_thb_minor) AS budget FROM stg_ad_budget_days WHERE platform = 'tiktok_ads'
                GROUP BY campaign_id
                """))
            let campaigns = sandbox.server.world.adAccounts(on: .tiktokAds).flatMap(\.campaigns)
            #expect(Set(budgets.map { $0.text("campaign_id") }) == Set(campaigns.map(\.id)))
            #expect(budgets.allSatisfy { $0.int("budget") > 0 })
            let entities = try await fixture.warehouse.scalar(
                "SELECT count(*) FROM stg_ad_entities WHERE platform = 'tiktok_ads'").int64
            #expect(entities == Int64(campaigns.count + campaigns.reduce(0) { $0 + $1.adSets.count + $1.adSets.reduce(0) { $0 + $1.ads.count } }))

            // A second sync of the same window changes nothing staged.
            let again = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.tiktokAds), .fx])
            #expect(again.succeeded)
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()
            #expect(try await Self.staged(fixture.warehouse, window) == staged)
        }
    }

    @Test("a revoked token stops the sync with TikTok's code and message", arguments: [WarehouseEngine.sqlite])
    func badTokenFailsWithTheCode(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            var configuration = sandbox.configuration(warehouse: fixture.location)
            var settings = try #require(configuration.sources[TikTokAdsSettings.self])
            settings.accessToken = "0000000000000000000000000000000000000000"
            configuration.sources[TikTokAdsSettings.self] = settings
            let report = try await sandbox.sync(sandbox.window(days: 3), into: fixture.warehouse, location: fixture.location,
                                                sources: [.platform(.tiktokAds)], configuration: configuration)
            #expect(!report.succeeded)
            let errors = report.failures.compactMap(\.error)
            #expect(!errors.isEmpty && errors.allSatisfy { $0.contains("40105") && $0.contains("revoked") }, "\(errors)")
            let rows = try await fixture.warehouse.scalar("SELECT count(*) FROM raw_tiktok_ads").int64
            #expect(rows == 0)
        }
    }
}
