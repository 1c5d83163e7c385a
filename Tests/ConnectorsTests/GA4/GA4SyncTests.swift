@testable import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
@testable import Sandbox
import Testing
import Warehouse

/// GA4 through the sync engine against the Sandbox: as a Google user and as a service account, through quota errors,
/// server errors and refused tokens, paging by offset, and a rerun that changes nothing.
@Suite("GA4 sync", .serialized)
struct GA4SyncTests {
    static let tables = GA4RawTables.all.map(\.table)
    static let streams: Set<String> = ["daily_traffic", "page_performance", "ecommerce_events", "audience", "purchases"]

    static func counts(_ warehouse: any Warehouse) async throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for table in tables {
            counts[table] = try await warehouse.scalar(SQLStatement("SELECT count(*) FROM \(table)")).int64 ?? -1
        }
        return counts
    }

    /// The Sandbox's configuration with its GA4 section replaced.
    static func configuration(_ sandbox: SandboxHarness, location: String, ga4: GA4Settings) -> OmnidashConfiguration {
        var configuration = sandbox.configuration(warehouse: location)
        configuration.sources = ConfiguredSources(configuration.sources.all.map { $0 is GA4Settings ? ga4 : $0 })
        return configuration
    }

    static let fastLimit = OmnidashConfiguration.RateLimit(requests: 1_000, perSeconds: 1)

    @Test func quotaErrorsServerErrorsAndRefusedTokensAreSurvivedAndARerunChangesNothing() async throws {
        let sandbox = try await SandboxHarness.start(faults: SandboxFaults(throttleEvery: 5, serverErrorEvery: 11, expireTokensEvery: 7))
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(.sqlite) { fixture in
            let window = sandbox.window(days: 10)
            let first = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.ga4)])
            #expect(first.succeeded, "\(first.failures.map { $0.error ?? "" })")
            #expect(Set(first.outcomes.map(\.stream)) == Self.streams)
            #expect(first.requests.throttled > 0 && first.requests.retries > first.requests.throttled, "429s and 5xx were retried")

            let sessions = window.days.reduce(0) { $0 + sandbox.server.world.websiteSessions(on: $1).count }
            let loaded = try await fixture.warehouse.scalar(SQLStatement(
                "SELECT CAST(sum(sessions) AS BIGINT) FROM raw_ga4_audience WHERE breakdown = 'total'")).int64
            #expect(loaded == Int64(sessions) && sessions > 0, "every day once, across two 7-day windows")
            let rejects = try await fixture.warehouse.scalar(SQLStatement("SELECT count(*) FROM raw_rejects WHERE source = 'ga4'")).int64
            #expect(rejects == 0)
            let counts = try await Self.counts(fixture.warehouse)
            #expect(counts.values.allSatisfy { $0 > 0 }, "\(counts)")
            let breakdowns = try await fixture.warehouse.query(SQLStatement("SELECT DISTINCT breakdown FROM raw_ga4_audience")).map { $0.text("breakdown") }
            #expect(Set(breakdowns) == ["total", "device", "country", "channel"])

            let second = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.ga4)])
            #expect(second.succeeded, "\(second.failures.map { $0.error ?? "" })")
            #expect(try await Self.counts(fixture.warehouse) == counts, "a rerun loads the same rows again, once")
        }
    }

    @Test func aServiceAccountKeyFileReadsTheSameReportsPageByPage() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        let credentials = sandbox.server.credentials.ga4
        let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("ga4-key-\(UUID().uuidString).json")
        try Data(credentials.serviceAccountJSON.utf8).write(to: keyFile)
        defer { try? FileManager.default.removeItem(at: keyFile) }
        let window = sandbox.window(days: 7)
        let oauthCounts = try await withTestWarehouse(.sqlite) { fixture in
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.ga4)])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            return try await Self.counts(fixture.warehouse)
        }
        try await withTestWarehouse(.sqlite) { fixture in
            // The token URL is left at Google's default: the key file's token_uri is used, as Google's libraries do.
            let settings = GA4Settings(baseURL: credentials.baseURL, propertyIDs: credentials.propertyIDs,
                                       serviceAccountFile: keyFile.path, pageSize: 40, rateLimit: Self.fastLimit)
            #expect(settings.problems(at: "sources.ga4").isEmpty)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.ga4)],
                                                configuration: Self.configuration(sandbox, location: fixture.location, ga4: settings))
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            #expect(report.requests.requests > 3 * Self.streams.count, "40-row pages: several requests a window")
            #expect(try await Self.counts(fixture.warehouse) == oauthCounts, "the same rows as the OAuth user, paged by offset")
            let tokens = try await fixture.warehouse.scalar(SQLStatement("SELECT count(*) FROM oauth_tokens WHERE source = 'ga4'")).int64
            #expect(tokens == 1, "one access token for the service account")
        }
    }

    @Test func aKeyThePropertyDoesNotKnowIsRefusedWithGooglesReason() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(.sqlite) { fixture in
            var key = sandbox.server.credentials.ga4.serviceAccount
            key.privateKey = GA4ConnectorTests.strangerKeyPEM
            let json = String(decoding: try JSONEncoder().encode(key), as: UTF8.self)
            let credentials = sandbox.server.credentials.ga4
            let settings = GA4Settings(baseURL: credentials.baseURL, tokenURL: credentials.tokenURL, propertyIDs: credentials.propertyIDs,
                                       serviceAccountJSON: json, rateLimit: Self.fastLimit)
            let report = try await sandbox.sync(sandbox.window(days: 2), into: fixture.warehouse, location: fixture.location,
                                                sources: [.platform(.ga4)],
                                                configuration: Self.configuration(sandbox, location: fixture.location, ga4: settings))
            let failures = report.failures.compactMap(\.error)
            #expect(!failures.isEmpty && failures.allSatisfy { $0.contains("invalid_grant") && $0.contains("Invalid JWT Signature.") }, "\(failures)")

            let other = GA4Settings(baseURL: credentials.baseURL, tokenURL: credentials.tokenURL, propertyIDs: ["123456789"],
                                    clientID: credentials.clientID, clientSecret: credentials.clientSecret,
                                    refreshToken: credentials.refreshToken, rateLimit: Self.fastLimit)
            let denied = try await sandbox.sync(sandbox.window(days: 2), into: fixture.warehouse, location: fixture.location,
                                                sources: [.platform(.ga4)],
                                                configuration: Self.configuration(sandbox, location: fixture.location, ga4: other))
            let reasons = denied.failures.compactMap(\.error)
            #expect(!reasons.isEmpty && reasons.allSatisfy { $0.contains("PERMISSION_DENIED") && $0.contains("Viewer") }, "\(reasons)")
        }
    }
}
