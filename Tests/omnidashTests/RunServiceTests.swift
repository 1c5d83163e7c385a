import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

/// `omnidash run` as a person runs it: the real binary against the Sandbox, its scheduler driven by a clock file the
/// test moves (`--clock-file`, re-read every `--tick`), stopped with SIGTERM.
@Suite("omnidash run", .serialized)
struct RunServiceTests {
    @Test("through a simulated day the jobs run in the seed's order; after downtime each missed job runs once")
    func aSimulatedDayThenCatchUp() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(.sqlite) { fixture in
            let clock = try RunClock(day: sandbox.asOf.adding(days: -1))
            defer { clock.remove() }
            try await OmnidashBinary.withConfigurationFile(Self.configuration(sandbox, fixture)) { config in
                let service = try ServiceProcess(["run", "--config", config, "--port", "\(try freePort())", "--clock-file", clock.path, "--tick", "0.1"])
                try await service.waitForStart()
                let day = clock.day.adding(days: 1)
                for (hour, last) in [(0, "marts"), (6, "marts"), (7, "alerts"), (12, "marts"), (18, "marts")] {
                    try clock.set(day, hour: hour, minute: 0, second: 30)
                    try await Self.waitUntilFinished(last, slot: clock.instant(day, hour: hour), fixture, service)
                }
                let ledger = try await Self.ledger(fixture)
                let hours = { (date: Date) in BusinessCalendar.bangkok.timeOfDay(date) }
                #expect(ledger.map { "\($0.job)@\(hours($0.slot))" } == [
                    "orders@00:00", "ads@00:00", "marts@00:00",
                    "orders@06:00", "ads@06:00", "products@06:00", "marts@06:00", "alerts@07:00",
                    "orders@12:00", "ads@12:00", "marts@12:00", "orders@18:00", "ads@18:00", "marts@18:00",
                ], "\(service.log)")
                #expect(ledger.allSatisfy { $0.status == "succeeded" }, "\(ledger.filter { $0.status != "succeeded" }) \(service.log)")
                // The jobs did the work: orders, catalogues and ad spend landed, and the marts were built from them.
                for table in ["raw_shopee_orders", "raw_lazada_products", "raw_facebook_ads", "mart_shop_performance", "mart_campaign_performance"] {
                    #expect(try await fixture.warehouse.scalar(SQLStatement("SELECT count(*) FROM \(table)")).int64 ?? 0 > 0, "\(table) is empty")
                }
                #expect(try await service.terminate() == 0, "SIGTERM should stop the service cleanly: \(service.log)")

                // Down for a day and a half; on start every job that missed slots runs once, for its latest slot.
                let later = day.adding(days: 2)
                try clock.set(later, hour: 13, minute: 10, second: 0)
                let restarted = try ServiceProcess(["run", "--config", config, "--port", "\(try freePort())", "--clock-file", clock.path, "--tick", "0.1"])
                try await Self.waitUntilFinished("alerts", slot: clock.instant(later, hour: 7), fixture, restarted)
                try await Self.waitUntilFinished("marts", slot: clock.instant(later, hour: 12), fixture, restarted)
                let caughtUp = try await Self.ledger(fixture).dropFirst(ledger.count)
                #expect(caughtUp.map { "\($0.job)@\(hours($0.slot))" } == ["orders@12:00", "ads@12:00", "products@06:00", "marts@12:00", "alerts@07:00"],
                        "\(restarted.log)")
                #expect(caughtUp.allSatisfy { BusinessCalendar.bangkok.date($0.slot) == later })
                #expect(try await restarted.terminate() == 0, "\(restarted.log)")
            }
        }
    }

    @Test("SIGTERM in the middle of a sync stops after a page; a restart ends with the marts of an uninterrupted run")
    func sigtermThenRestart() async throws {
        // Slow responses make sure the signal lands mid-sync.
        let sandbox = try await SandboxHarness.start(faults: try SandboxFaults(parsing: "slow=15ms"))
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(.postgres) { fixture in
            let clock = try RunClock(day: sandbox.asOf.adding(days: -1))
            defer { clock.remove() }
            try await OmnidashBinary.withConfigurationFile(Self.configuration(sandbox, fixture)) { config in
                let arguments = ["run", "--config", config, "--port", "\(try freePort())", "--clock-file", clock.path, "--tick", "0.1"]
                let service = try ServiceProcess(arguments)
                try await service.waitForStart()
                let day = clock.day.adding(days: 1)
                try clock.set(day, hour: 0, minute: 0, second: 30)
                let deadline = ContinuousClock.now + .seconds(180)
                while try await fixture.warehouse.scalar("SELECT count(*) FROM raw_shopee_orders").int64 ?? 0 < 100 {
                    guard service.isRunning, ContinuousClock.now < deadline else { Issue.record("the sync ended first: \(service.log)"); return }
                    try await Task.sleep(for: .milliseconds(10))
                }
                #expect(try await service.terminate() == 0, "\(service.log)")
                // Stopped cleanly: nothing left `running`, the streams cut short and the job marked interrupted.
                #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM sync_runs WHERE status = 'running'").int64 == 0)
                #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM sync_runs WHERE status = 'interrupted'").int64 ?? 0 > 0)
                #expect(try await Self.ledger(fixture).first.map { "\($0.job) \($0.status)" } == "orders interrupted")
                #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM stream_leases").int64 == 0, "leases were not released")

                let restarted = try ServiceProcess(arguments)
                try await Self.waitUntilFinished("marts", slot: clock.instant(day, hour: 0), fixture, restarted)
                #expect(try await restarted.terminate() == 0, "\(restarted.log)")
                let window = sandbox.window(days: Self.days)
                let truth = sandbox.server.world.platformTruth(from: window.start, to: window.end).filter { $0.platform.kind == .marketplace }
                let mart = try await PlatformDayTruth.shopMart(fixture.warehouse, window: window).filter { $0.key.platform.kind == .marketplace }
                #expect(!truth.isEmpty && mart.count == truth.count, "\(mart.count) shop-days against \(truth.count)")
                for expected in truth where mart[PlatformDayTruth.Key(expected)] != expected {
                    Issue.record("mart_shop_performance \(String(describing: mart[PlatformDayTruth.Key(expected)])) differs from truth \(expected)")
                }
                for platform in [Platform.facebookAds, .googleAds] {
                    try await KillAndResumeTests.expectCampaignsEqualTruth(platform, fixture, sandbox, window)
                }
            }
        }
    }

    @Test("two services on one PostgreSQL warehouse never sync the same stream at once")
    func twoServicesShareAWarehouse() async throws {
        let sandbox = try await SandboxHarness.start(faults: try SandboxFaults(parsing: "slow=5ms"))
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(.postgres) { fixture in
            // One clock each: the second service reaches its orders slot (a minute after the first's) once the first has
            // started its own, so both sync the same streams at the same time, and only the leases keep them apart.
            let clocks = try [RunClock(day: sandbox.asOf.adding(days: -1)), RunClock(day: sandbox.asOf.adding(days: -1))]
            defer { clocks.forEach { $0.remove() } }
            var second = Self.configuration(sandbox, fixture)
            second.schedule.jobs = [.orders: "1 0 * * *", .ads: "off", .products: "off", .alerts: "off"]
            try await OmnidashBinary.withConfigurationFile(Self.configuration(sandbox, fixture)) { firstConfig in
                try await OmnidashBinary.withConfigurationFile(second) { secondConfig in
                    // A third holder (a service on another machine, say) has one stream's lease for the whole test.
                    let shop = try #require(Self.configuration(sandbox, fixture).sources[ShopeeSettings.self]?.shops.first?.shopID)
                    try await fixture.warehouse.execute(SQLStatement("""
                        INSERT INTO stream_leases (source, account_id, stream, holder, acquired_at, expires_at)
                        VALUES ('shopee', :shop, 'orders', 'elsewhere', :now, :later)
                        """, ["shop": .text("\(shop)"), "now": .text(Timestamp.now()),
                              "later": .text(Timestamp.string(Date().addingTimeInterval(3600)))]))
                    let environment = ["OMNIDASH_LOG_LEVEL": "info"]
                    let services = try zip([firstConfig, secondConfig], clocks).map { config, clock in
                        try ServiceProcess(["run", "--config", config, "--port", "\(try freePort())", "--clock-file", clock.path,
                                            "--tick", "0.1", "--log-format", "json"], environment: environment)
                    }
                    for service in services { try await service.waitForStart() }
                    let day = clocks[0].day.adding(days: 1)
                    try clocks[0].set(day, hour: 0, minute: 1, second: 30)
                    try await Self.waitUntilStarted("orders", slot: clocks[0].instant(day, hour: 0), fixture, services[0])
                    try clocks[1].set(day, hour: 0, minute: 1, second: 30)
                    try await Self.waitUntilFinished("marts", slot: clocks[0].instant(day, hour: 0), fixture, services[0])
                    try await Self.waitUntilFinished("orders", slot: clocks[1].instant(day, hour: 0, minute: 1), fixture, services[1])
                    for service in services { #expect(try await service.terminate() == 0, "\(service.log)") }

                    // The two orders jobs ran at the same time.
                    let jobs = try await fixture.warehouse.query("""
                        SELECT started_at, finished_at FROM schedule_runs WHERE job = 'orders' ORDER BY started_us
                        """)
                    #expect(jobs.count == 2 && jobs[1].text("started_at") <= jobs[0].text("finished_at"), "the orders jobs did not overlap")

                    let leases = try await fixture.warehouse.query("""
                        SELECT source, account_id, stream, holder, acquired_us, released_us FROM stream_lease_log ORDER BY acquired_us
                        """)
                    #expect(Set(leases.map { $0.text("holder") }).count == 2, "both services should have synced something")
                    #expect(leases.allSatisfy { $0.optionalInt("released_us") != nil }, "a lease was never released")
                    let byStream = Dictionary(grouping: leases) { "\($0.text("source"))/\($0.text("account_id"))/\($0.text("stream"))" }
                    for (stream, held) in byStream {
                        for (index, lease) in held.enumerated() {
                            for other in held[(index + 1)...] where other.int("acquired_us") < lease.int("released_us") {
                                Issue.record("\(stream): held by \(lease.text("holder")) and \(other.text("holder")) at once")
                            }
                        }
                    }
                    // The stream leased elsewhere was synced by neither, and each service logged, as a JSON line, that it
                    // skipped it.
                    #expect(try await fixture.warehouse.scalar(SQLStatement(
                        "SELECT count(*) FROM sync_runs WHERE source = 'shopee' AND account_id = :shop AND stream = 'orders'",
                        ["shop": .text("\(shop)")])).int64 == 0)
                    for service in services {
                        let lines = service.log.split(separator: "\n").filter { $0.hasPrefix("{") }
                        #expect(!lines.isEmpty && lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
                        #expect(lines.contains { $0.contains("\"message\":\"stream skipped\"") && $0.contains("another service holds its lease")
                                    && $0.contains("\"stream\":\"orders\"") }, "\(service.log)")
                    }
                }
            }
        }
    }

    static let days = 7

    static func configuration(_ sandbox: SandboxHarness, _ fixture: TestWarehouse) -> OmnidashConfiguration {
        sandbox.configuration(warehouse: fixture.location)
            .with { $0.sync.days = days }
    }

    struct LedgerRow {
        var job: String
        var slot: Date
        var status: String
    }

    static func ledger(_ fixture: TestWarehouse) async throws -> [LedgerRow] {
        try await fixture.warehouse.query("SELECT job, scheduled_for, status FROM schedule_runs ORDER BY started_us").map { row in
            LedgerRow(job: row.text("job"), slot: Date(timeIntervalSince1970: TimeInterval(Timestamp.unixSeconds(row.text("scheduled_for")) ?? 0)),
                      status: row.text("status"))
        }
    }

    /// Waits until `job`'s run for `slot` is in the ledger.
    static func waitUntilStarted(_ job: String, slot: Date, _ fixture: TestWarehouse, _ service: ServiceProcess) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while try await fixture.warehouse.scalar(SQLStatement(
            "SELECT count(*) FROM schedule_runs WHERE job = :job AND scheduled_for = :slot",
            ["job": .text(job), "slot": .text(Timestamp.string(slot))])).int64 == 0 {
            guard service.isRunning, ContinuousClock.now < deadline else { throw TestSupportError("\(job) did not start: \(service.log)") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits until `job`'s run for `slot` is in the ledger and no longer running.
    static func waitUntilFinished(_ job: String, slot: Date, _ fixture: TestWarehouse, _ service: ServiceProcess,
                                  timeout: Duration = .seconds(300)) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            let status = try await fixture.warehouse.scalar(SQLStatement(
                "SELECT status FROM schedule_runs WHERE job = :job AND scheduled_for = :slot",
                ["job": .text(job), "slot": .text(Timestamp.string(slot))]))
            if case .text(let text) = status, text != "running" { return }
            guard service.isRunning else { throw TestSupportError("the service ended before \(job) ran: \(service.log)") }
            guard ContinuousClock.now < deadline else { throw TestSupportError("\(job) for \(slot) did not finish: \(service.log)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

extension OmnidashConfiguration {
    func with(_ change: (inout OmnidashConfiguration) -> Void) -> OmnidashConfiguration {
        var copy = self
        change(&copy)
        return copy
    }
}

extension BusinessCalendar {
    /// `HH:mm` of `date` in this time zone.
    func timeOfDay(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970) - startOfDay(self.date(date))
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(seconds / 3600)):\(two(seconds / 60 % 60))"
    }
}
