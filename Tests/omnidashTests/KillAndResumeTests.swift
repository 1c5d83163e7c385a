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

                let doomed = try OmnidashBinary.start(arguments)
                let deadline = ContinuousClock.now + .seconds(120)
                let count = SQLStatement("SELECT count(*) FROM \(table)")
                while try await fixture.warehouse.scalar(count).int64 ?? 0 < 150 {
                    guard doomed.isRunning, ContinuousClock.now < deadline else {
                        Issue.record("the sync ended before it could be killed")
                        return
                    }
                    try await Task.sleep(for: .milliseconds(20))
                }
                kill(doomed.processIdentifier, SIGKILL)
                doomed.waitUntilExit()
                #expect(doomed.terminationReason == .uncaughtSignal)
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
            }
        }
    }
}
