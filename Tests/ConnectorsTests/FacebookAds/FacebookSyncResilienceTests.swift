@testable import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

/// Meta's three streams through the sync engine: throttling and server errors answered in Meta's envelope are survived,
/// a second sync changes nothing, and an expired token stops the account with Meta's code.
@Suite("Meta sync resilience", .serialized)
struct FacebookSyncResilienceTests {
    static func counts(_ warehouse: any Warehouse) async throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for table in ["raw_facebook_ads", "raw_facebook_ads_demographics", "raw_facebook_ad_entities"] {
            counts[table] = try await warehouse.scalar(SQLStatement("SELECT count(*) FROM \(table)")).int64 ?? -1
        }
        return counts
    }

    @Test func throttlingAndServerErrorsAreSurvivedAndARerunChangesNothing() async throws {
        let sandbox = try await SandboxHarness.start(faults: SandboxFaults(throttleEvery: 4, serverErrorEvery: 7))
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(.sqlite) { fixture in
            let window = sandbox.window(days: 5)
            let first = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.facebookAds)])
            #expect(first.succeeded, "\(first.failures.map { $0.error ?? "" })")
            #expect(Set(first.outcomes.map(\.stream)) == ["insights", "insights_age_gender", "entities"])
            #expect(first.requests.throttled > 0 && first.requests.retries > first.requests.throttled, "throttles and 5xx were retried")
            let counts = try await Self.counts(fixture.warehouse)
            let truth = sandbox.server.world.campaignTruth(from: window.start, to: window.end).filter { $0.platform == .facebookAds }
            let impressions = truth.reduce(Int64(0)) { $0 + $1.impressions }
            for table in ["raw_facebook_ads", "raw_facebook_ads_demographics"] {
                let loaded = try await fixture.warehouse.scalar(SQLStatement("SELECT CAST(sum(impressions) AS BIGINT) FROM \(table)")).int64
                #expect(loaded == impressions && impressions > 0, "\(table): every impression once")
            }
            #expect(counts["raw_facebook_ads_demographics"]! > counts["raw_facebook_ads"]! * 15)
            let entities = try #require(counts["raw_facebook_ad_entities"])
            #expect(entities == 42, "two accounts of 3 campaigns, 6 ad sets and 12 ads")

            let second = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.facebookAds)])
            #expect(second.succeeded)
            #expect(try await Self.counts(fixture.warehouse) == counts, "a rerun loads the same records again, once")
        }
    }

    @Test func anExpiredTokenStopsTheAccountWithMetasCode() async throws {
        let sandbox = try await SandboxHarness.start(faults: SandboxFaults(expireTokensEvery: 1))
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(.sqlite) { fixture in
            let report = try await sandbox.sync(sandbox.window(days: 3), into: fixture.warehouse, location: fixture.location,
                                                sources: [.platform(.facebookAds)])
            let meta = report.outcomes.filter { $0.source == .platform(.facebookAds) }
            #expect(!meta.isEmpty && meta.contains { $0.error?.contains("190/463") == true }, "\(meta.map { $0.error ?? "ok" })")
        }
    }
}
