@testable import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

/// Google Ads through the sync engine against the Sandbox: throttling, server errors and expiring access tokens are
/// survived (the token is refreshed), a rerun changes nothing, and a revoked refresh token stops the sync with Google's
/// reason.
@Suite("Google Ads sync", .serialized)
struct GoogleAdsSyncTests {
    static let tables = ["raw_google_ads_campaigns", "raw_google_ads", "raw_google_ads_keywords", "raw_google_ads_campaign_entities",
                         "raw_google_ads_ad_group_entities", "raw_google_ads_ad_entities", "raw_google_ads_asset_group_entities"]

    static func counts(_ warehouse: any Warehouse) async throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for table in tables {
            counts[table] = try await warehouse.scalar(SQLStatement("SELECT count(*) FROM \(table)")).int64 ?? -1
        }
        return counts
    }

    @Test func throttlingServerErrorsAndExpiredTokensAreSurvivedAndARerunChangesNothing() async throws {
        let sandbox = try await SandboxHarness.start(faults: SandboxFaults(throttleEvery: 5, serverErrorEvery: 11, expireTokensEvery: 7))
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(.sqlite) { fixture in
            let window = sandbox.window(days: 40)
            let first = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.googleAds)])
            #expect(first.succeeded, "\(first.failures.map { $0.error ?? "" })")
            #expect(Set(first.outcomes.map(\.stream)) == ["campaign_daily", "ad_group_daily", "keyword_daily", "campaigns", "ad_groups", "ads",
                                                              "asset_groups"])
            #expect(first.requests.throttled > 0 && first.requests.retries > first.requests.throttled, "throttles and 5xx were retried")

            let truth = sandbox.server.world.campaignTruth(from: window.start, to: window.end).filter { $0.platform == .googleAds }
            let clicks = truth.reduce(Int64(0)) { $0 + $1.clicks }
            let loaded = try await fixture.warehouse.scalar(SQLStatement("SELECT CAST(sum(clicks) AS BIGINT) FROM raw_google_ads_campaigns")).int64
            #expect(loaded == clicks && clicks > 0, "every campaign day once, across two 31-day windows")
            let pmax = try await fixture.warehouse.scalar(SQLStatement(
                "SELECT count(*) FROM raw_google_ads_campaigns WHERE campaign_type = 'PERFORMANCE_MAX'")).int64 ?? 0
            #expect(pmax == 80, "two Performance Max campaigns, every day")
            let counts = try await Self.counts(fixture.warehouse)
            #expect(counts["raw_google_ads_campaign_entities"] == 6)
            #expect(counts["raw_google_ads_ad_group_entities"] == 8, "Performance Max has no ad groups")
            let world = sandbox.server.world.adAccounts(on: .googleAds).flatMap(\.campaigns)
            #expect(counts["raw_google_ads_ad_entities"] == Int64(world.filter(\.hasAdGroups).flatMap(\.adSets).flatMap(\.ads).count))
            #expect(counts["raw_google_ads_asset_group_entities"] == Int64(world.filter { !$0.hasAdGroups }.flatMap(\.adSets).count))
            let rejects = try await fixture.warehouse.scalar(SQLStatement("SELECT count(*) FROM raw_rejects WHERE source = 'google'")).int64
            #expect(rejects == 0)

            let second = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.googleAds)])
            #expect(second.succeeded, "\(second.failures.map { $0.error ?? "" })")
            #expect(try await Self.counts(fixture.warehouse) == counts, "a rerun loads the same records again, once")
        }
    }

    @Test func aRevokedRefreshTokenStopsTheSyncWithGooglesReason() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(.sqlite) { fixture in
            var configuration = sandbox.configuration(warehouse: fixture.location)
            var google = sandbox.server.credentials.google
            google.refreshToken = "1//0gRevokedLongAgo"
            configuration.sources = ConfiguredSources(configuration.sources.all.map {
                $0 is GoogleAdsSettings ? google.settings(rateLimit: .init(requests: 1_000, perSeconds: 1)) : $0
            })
            let report = try await sandbox.sync(sandbox.window(days: 3), into: fixture.warehouse, location: fixture.location,
                                                sources: [.platform(.googleAds)], configuration: configuration)
            let failures = report.failures.compactMap(\.error)
            #expect(!failures.isEmpty && failures.allSatisfy { $0.contains("invalid_grant") && $0.contains("Token has been expired or revoked.") },
                    "\(failures)")
        }
    }
}
