import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Transform
import Warehouse

/// A sync process killed mid-way (SIGKILL: no clean-up runs) and started again ends with the same marts as
/// an uninterrupted sync, because every page is committed with the state that points past it.
@Suite("Killed syncs resume", .serialized)
struct KillAndResumeTests {
    /// Each marketplace, killed in the middle of filling its orders table, on each engine.
    static let cases: [(WarehouseEngine, Platform)] = WarehouseEngine.allCases.flatMap { engine in
        [Platform.shopee, .lazada, .tiktokShop].map { (engine, $0) }
    }

    @Test("a killed `omnidash sync` run again ends with the marts of an uninterrupted sync", arguments: cases)
    func killedSyncResumes(engine: WarehouseEngine, platform: Platform) async throws {
        // Slow responses make sure the kill lands between pages.
        let sandbox = try await SandboxHarness.start(faults: try SandboxFaults(parsing: "slow=15ms"))
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 20)
            let table = "raw_\(platform.rawValue)_orders"
            try await OmnidashBinary.withConfigurationFile(sandbox.configuration(warehouse: fixture.location)) { config in
                let arguments = ["sync", "--config", config, "--since", window.start.description, "--source", platform.rawValue]

                let count = SQLStatement("SELECT count(*) FROM \(table)")
                guard try await Self.killSync(arguments, onceTable: table, holds: 150, fixture) else { return }
                let unfinished = try await fixture.warehouse.scalar("SELECT count(*) FROM sync_runs WHERE status = 'running'").int64 ?? 0
                #expect(unfinished > 0, "the killed run never recorded its end")
                let partial = try await fixture.warehouse.scalar(count).int64 ?? 0

                let resumed = try await OmnidashBinary.run(arguments)
                #expect(resumed.status == 0, "\(resumed.stderr)")
                // The dead run is not left `running` for ever: the next one marks it and says so.
                #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM sync_runs WHERE status = 'running'").int64 == 0)
                #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM sync_runs WHERE status = 'interrupted'").int64 == unfinished)
                #expect(resumed.stderr.contains("marked 1 earlier run interrupted"), "\(resumed.stderr)")
                _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()
                let total = try await fixture.warehouse.scalar(count).int64 ?? 0
                #expect(total > partial)
                let truth = sandbox.server.world.platformTruth(from: window.start, to: window.end).filter { $0.platform == platform }
                let mart = try await PlatformDayTruth.shopMart(fixture.warehouse, window: window)
                let shops = Set(truth.map(\.accountID)).count
                #expect(truth.count == window.dayCount * shops && mart.filter { $0.key.platform == platform }.count == truth.count)
                for expected in truth where mart[PlatformDayTruth.Key(expected)] != expected {
                    Issue.record("\(engine): mart_shop_performance \(String(describing: mart[PlatformDayTruth.Key(expected)])) differs from truth \(expected)")
                }
                // The marketplace's own ads, read after its orders, arrived whole too.
                let ads: Platform = platform == .shopee ? .shopeeAds : platform == .lazada ? .lazadaAds : platform
                if ads != platform { try await Self.expectCampaignsEqualTruth(ads, fixture, sandbox, window) }
            }
        }
    }

    /// Each ad platform with its own sync, killed once its delivery table holds some rows, on alternating engines.
    static let adCases: [(WarehouseEngine, Platform, String)] = [
        (.postgres, .facebookAds, "raw_facebook_ads"), (.sqlite, .googleAds, "raw_google_ads"),
        (.postgres, .tiktokAds, "raw_tiktok_ads"), (.sqlite, .lineAds, "raw_line_ads"),
    ]

    @Test("a killed ad platform sync run again ends with the campaign marts of the world", arguments: adCases)
    func killedAdSyncResumes(engine: WarehouseEngine, platform: Platform, table: String) async throws {
        let sandbox = try await SandboxHarness.start(faults: try SandboxFaults(parsing: "slow=25ms"))
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 20)
            try await OmnidashBinary.withConfigurationFile(sandbox.configuration(warehouse: fixture.location)) { config in
                let arguments = ["sync", "--config", config, "--since", window.start.description, "--source", platform.rawValue]
                guard try await Self.killSync(arguments, onceTable: table, holds: 40, fixture) else { return }
                let resumed = try await OmnidashBinary.run(arguments)
                #expect(resumed.status == 0, "\(resumed.stderr)")
                // USD accounts convert at the day's rate.
                let rates = try await OmnidashBinary.run(["sync", "--config", config, "--since", window.start.description, "--source", "fx"])
                #expect(rates.status == 0, "\(rates.stderr)")
                _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()
                try await Self.expectCampaignsEqualTruth(platform, fixture, sandbox, window)
            }
        }
    }

    /// Starts `omnidash` with `arguments` and kills it (SIGKILL: no clean-up runs) once `table` holds `rows` rows; false
    /// (with an issue recorded) when the run ended first.
    static func killSync(_ arguments: [String], onceTable table: String, holds rows: Int64, _ fixture: TestWarehouse) async throws -> Bool {
        let doomed = try OmnidashBinary.start(arguments)
        let deadline = ContinuousClock.now + .seconds(120)
        while try await fixture.warehouse.scalar(SQLStatement("SELECT count(*) FROM \(table)")).int64 ?? 0 < rows {
            guard doomed.isRunning, ContinuousClock.now < deadline else {
                Issue.record("the sync ended before it could be killed")
                return false
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        kill(doomed.processIdentifier, SIGKILL)
        doomed.waitUntilExit()
        #expect(doomed.terminationReason == .uncaughtSignal)
        return true
    }

    /// Every (date, account, campaign) of `platform` in `mart_campaign_performance` equals the world's campaign.
    static func expectCampaignsEqualTruth(_ platform: Platform, _ fixture: TestWarehouse, _ sandbox: SandboxHarness,
                                          _ window: DateRange) async throws {
        let truth = sandbox.server.world.campaignTruth(from: window.start, to: window.end).filter { $0.platform == platform }
        let rows = try await fixture.warehouse.query(SQLStatement("""
            SELECT date, account_id, campaign_id, spend_minor, impressions, clicks, conversions FROM mart_campaign_performance
            WHERE platform = :platform AND date BETWEEN :from AND :to
            """, ["platform": .text(platform.rawValue), "from": .text(window.start.description), "to": .text(window.end.description)]))
        let mart = Dictionary(rows.map { row in
            ("\(row.text("date"))/\(row.text("account_id"))/\(row.text("campaign_id"))",
             ["spend_minor", "impressions", "clicks", "conversions"].map { row.int($0) })
        }, uniquingKeysWith: { first, _ in first })
        #expect(!truth.isEmpty && mart.count == truth.count, "\(platform): \(mart.count) campaign-days against \(truth.count)")
        for expected in truth {
            let key = "\(expected.date)/\(expected.accountID)/\(expected.campaignID)"
            let wanted = [expected.spendMinor, expected.impressions, expected.clicks, expected.conversions]
            if mart[key] != wanted { Issue.record("\(platform) \(key): mart \(String(describing: mart[key])) differs from truth \(wanted)") }
        }
    }
}
