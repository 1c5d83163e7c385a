import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Transform
import Warehouse

@Suite("Sync behaviour against the Sandbox", .serialized)
struct SyncBehaviourTests {
    /// A window short enough to keep the suite quick, long enough to span several Shopee windows and pages.
    static let days = 20

    @Test("syncing the same window twice changes nothing", arguments: WarehouseEngine.allCases)
    func syncingTwiceChangesNothing(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: Self.days)
            let firstReport = try await sandbox.syncAndTransform(window, into: fixture)
            let first = try await Self.snapshot(fixture.warehouse, window: window)
            // The first sync stored every raw row there is, and says so: what was stored, not what crossed the wire.
            var rawRows: Int64 = 0
            let rawTables = Migration.declaredTables.map(\.name).filter { $0.hasPrefix("raw_") && $0 != "raw_rejects" }
            for table in rawTables + ["ref_fx_rates"] {
                rawRows += try await fixture.warehouse.scalar(SQLStatement("SELECT count(*) FROM \(table)")).int64 ?? 0
            }
            #expect(firstReport.stored == rawRows && rawRows > 0, "reported \(firstReport.stored), stored \(rawRows)")
            try await sandbox.syncAndTransform(window, into: fixture)
            let second = try await Self.snapshot(fixture.warehouse, window: window)
            #expect(first == second)
            #expect(first.marts == sandbox.server.world.truth(from: window.start, to: window.end))
            // The shop's tokens were refreshed and the new single-use refresh token saved, sealed.
            let vault = TokenVault(warehouse: fixture.warehouse, secret: SandboxCredentials.demoTokenKey)
            let shopID = String(sandbox.server.credentials.shopee.shopID)
            let tokens = try #require(try await vault.load(StoredTokens.self, source: "shopee", accountID: shopID))
            #expect(tokens.refreshToken != sandbox.server.credentials.shopee.refreshToken)
            #expect(tokens.accessExpiresAt > Int64(Date().timeIntervalSince1970))
            // Lazada's too, under the seller's id.
            let sellerID = String(sandbox.server.credentials.lazada.sellerID)
            let lazada = try #require(try await vault.load(StoredTokens.self, source: "lazada", accountID: sellerID))
            #expect(lazada.refreshToken != sandbox.server.credentials.lazada.refreshToken)
            #expect(lazada.accessExpiresAt > Int64(Date().timeIntervalSince1970))
            // TikTok Shop's under the shop's id; `access_token_expire_in` was read as the absolute time it is (7 days).
            let tiktokShopID = sandbox.server.credentials.tiktokShop.shopID
            let tiktok = try #require(try await vault.load(StoredTokens.self, source: "tiktok", accountID: tiktokShopID))
            #expect(tiktok.accessExpiresAt > Int64(Date().timeIntervalSince1970) + 6 * 86_400)
            #expect(tiktok.accessExpiresAt < Int64(Date().timeIntervalSince1970) + 8 * 86_400)
        }
    }

    @Test("with throttling, 5xx bursts and expiring tokens the sync completes with the same marts", arguments: WarehouseEngine.allCases)
    func faultsDoNotChangeTheMarts(engine: WarehouseEngine) async throws {
        var faults = try SandboxFaults(parsing: "throttle=5,5xx=7x2,expire-tokens=13")
        // Tokens that expire are refreshed; Meta's and TikTok Ads' never expire, so one refused stops their sync.
        faults.expiringTokenPlatforms = [.shopee, .lazada, .tiktokShop, .googleAds, .lineAds]
        let sandbox = try await SandboxHarness.start(faults: faults)
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: Self.days)
            let report = try await sandbox.syncAndTransform(window, into: fixture)
            // The failures alone, so a failing run says which stream gave up and why.
            #expect(report.failures.map { "\($0.source)/\($0.stream): \($0.error ?? "")" } == [])
            #expect(report.requests.retries > 0 && report.requests.throttled > 0, "the faults were met, counted and retried")
            #expect(report.outcomes.contains { $0.requests.throttled > 0 && $0.requests.waited > .zero }, "per stream, with the time waited")
            let mart = try await DayTruth.mart(fixture.warehouse, window: window)
            #expect(mart == sandbox.server.world.truth(from: window.start, to: window.end))
            let runs = try await fixture.warehouse.query("SELECT status, retries FROM sync_runs")
            #expect(runs.allSatisfy { $0.text("status") == "succeeded" })
        }
    }

    @Test("malformed orders land in raw_rejects with a reason and the rest loads", arguments: WarehouseEngine.allCases)
    func malformedOrdersAreRejected(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start(faults: try SandboxFaults(parsing: "malformed=97"))
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 5)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.shopee)])
            #expect(report.succeeded)
            let rejects = try await fixture.warehouse.query("SELECT source, stream, reason, payload FROM raw_rejects")
            #expect(report.rejects > 0)
            #expect(rejects.count == report.rejects, "the report counts what raw_rejects holds")
            #expect(rejects.allSatisfy { $0.text("source") == "shopee" && $0.text("stream") == "orders" && !$0.text("reason").isEmpty })
            let loaded = try await fixture.warehouse.scalar("SELECT count(*) FROM raw_shopee_orders").int64 ?? 0
            let expected = sandbox.server.world.truth(from: window.start, to: window.end).reduce(Int64(0)) { $0 + $1.orders }
            #expect(loaded > expected / 2, "the well-formed orders loaded")
            #expect(!rejects.contains { $0.text("payload").contains("\"recipient_address\":{\"name\":\"") && !$0.text("payload").contains("hmac:") },
                    "rejected payloads keep no clear-text buyer names")
        }
    }

    @Test("a wrong partner key stops the Shopee streams with Shopee's own error and the others go on")
    func wrongKeyIsReported() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(.sqlite) { fixture in
            var configuration = sandbox.configuration(warehouse: fixture.location)
            configuration.sources[ShopeeSettings.self]?.partnerKey = "not-the-partner-key"
            let report = try await sandbox.sync(sandbox.window(days: 3), into: fixture.warehouse, location: fixture.location,
                                                configuration: configuration)
            let shopee = report.outcomes.filter { $0.source == .platform(.shopee) }
            #expect(!shopee.isEmpty && shopee.allSatisfy { $0.error?.contains("error_sign") == true })
            #expect(shopee.first?.error?.contains("/api/v2/") == true, "the error names the endpoint: \(shopee.first?.error ?? "")")
            #expect(report.outcomes.filter { $0.source == .platform(.facebookAds) }.allSatisfy { $0.error == nil })
            let failed = try await fixture.warehouse.query("SELECT error FROM sync_runs WHERE status = 'failed'")
            #expect(failed.count == shopee.count)
        }
    }

    static func snapshot(_ warehouse: any Warehouse, window: DateRange) async throws -> Snapshot {
        Snapshot(
            marts: try await DayTruth.mart(warehouse, window: window),
            rawOrders: try await warehouse.scalar("SELECT count(*) FROM raw_shopee_orders").int64 ?? 0,
            rawInsights: try await warehouse.scalar("SELECT count(*) FROM raw_facebook_ads").int64 ?? 0,
            stagedItems: try await warehouse.scalar("SELECT count(*) FROM stg_order_items").int64 ?? 0)
    }

    /// What the Shopee session stores, read back the way a second process would.
    struct StoredTokens: Decodable {
        var accessToken: String
        var refreshToken: String
        var accessExpiresAt: Int64
    }

    struct Snapshot: Equatable {
        var marts: [DayTruth]
        var rawOrders: Int64
        var rawInsights: Int64
        var stagedItems: Int64
    }
}
