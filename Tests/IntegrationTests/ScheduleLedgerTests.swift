import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
@testable import Pipeline
import Synchronization
import Testing
import Warehouse

/// The warehouse side of `omnidash run`, on both engines: stream leases, slot claims and what is owed after downtime.
@Suite("Schedule ledger and stream leases")
struct ScheduleLedgerTests {
    static let key = StreamLeases.Key(source: "shopee", accountID: "1001", stream: "orders")

    @Test("a stream lease is held by one service at a time, and passes on only when released or expired",
          arguments: WarehouseEngine.allCases)
    func leasesExcludeEachOther(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            // A clock the test moves, so that a busy machine cannot let a lease lapse between two steps.
            let clock = Mutex(Date())
            let now: @Sendable () -> Date = { clock.withLock { $0 } }
            let first = StreamLeases(warehouse: fixture.warehouse, holder: "first", duration: .seconds(60), now: now)
            let second = StreamLeases(warehouse: fixture.warehouse, holder: "second", duration: .seconds(60), now: now)
            let lease = try #require(try await first.acquire(Self.key))
            #expect(try await second.acquire(Self.key) == nil, "a live lease was taken over")
            #expect(try await first.renew(Self.key))
            #expect(try await first.live() == [Self.key])
            try await first.release(Self.key, leaseID: lease)
            let taken = try #require(try await second.acquire(Self.key), "a released lease was not free")
            // The holder dies without releasing: its lease expires and the other service takes it.
            #expect(try await first.acquire(Self.key) == nil)
            clock.withLock { $0 = $0.addingTimeInterval(61) }
            #expect(try await first.acquire(Self.key) != nil, "an expired lease stayed held")
            #expect(try await second.renew(Self.key) == false, "the lapsed holder still thinks it holds the lease")
            let log = try await fixture.warehouse.query("SELECT holder, released_us FROM stream_lease_log ORDER BY acquired_us")
            #expect(log.map { $0.text("holder") } == ["first", "second", "first"])
            #expect(log.map { $0.optionalInt("released_us") != nil } == [true, false, false])
            _ = taken
        }
    }

    @Test("a slot is claimed once; an interrupted one can be claimed again", arguments: WarehouseEngine.allCases)
    func slotsAreClaimedOnce(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let ledger = ScheduleLedger(warehouse: fixture.warehouse)
            let slot = Date(timeIntervalSince1970: 1_764_626_400)
            #expect(try await ledger.claim(.orders, slot: slot, holder: "a"))
            #expect(try await ledger.claim(.orders, slot: slot, holder: "b") == false)
            try await ledger.finish(.orders, slot: slot, status: .interrupted)
            #expect(try await ledger.lastSlot(.orders) == nil, "an interrupted run counted as run")
            #expect(try await ledger.claim(.orders, slot: slot, holder: "b"))
            try await ledger.finish(.orders, slot: slot, status: .succeeded)
            #expect(try await ledger.claim(.orders, slot: slot, holder: "a") == false)
            #expect(try await ledger.lastSlot(.orders) == slot)
        }
    }

    @Test("after downtime each job is owed its latest missed slot once, in the timetable's order")
    func catchUpOwesEachJobOnce() async throws {
        try await withTestWarehouse(.sqlite) { fixture in
            let ledger = ScheduleLedger(warehouse: fixture.warehouse)
            func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
            let service = ScheduleService(pipeline: Pipeline(configuration: OmnidashConfiguration(), warehouse: fixture.warehouse,
                                                             environment: SyncEnvironment(transport: UnusedTransport())),
                                          settings: ScheduleSettings(), clock: .fixed(at("2026-12-03T13:10:00+07:00")))
            // A new service owes nothing from before it started.
            #expect(try await service.dueJobs(startedAt: at("2026-12-03T13:09:00+07:00")).isEmpty)
            // Last ran on 1 December; the service comes back on 3 December at 13:10 Bangkok.
            for job in [ScheduleJob.orders, .ads, .products, .alerts] {
                let slot = job == .products ? at("2026-12-01T06:00:00+07:00") : job == .alerts ? at("2026-12-01T07:00:00+07:00")
                    : at("2026-12-01T18:00:00+07:00")
                #expect(try await ledger.claim(job, slot: slot, holder: "before"))
                try await ledger.finish(job, slot: slot, status: .succeeded)
            }
            let due = try await service.dueJobs(startedAt: at("2026-12-03T13:09:00+07:00"))
            #expect(due.map(\.job) == [.orders, .ads, .products, .alerts])
            #expect(due.map(\.slot) == [at("2026-12-03T12:00:00+07:00"), at("2026-12-03T12:00:00+07:00"),
                                        at("2026-12-03T06:00:00+07:00"), at("2026-12-03T07:00:00+07:00")])
            // Once the timetable is kept, a job that never ran, or whose run was interrupted, is owed its latest slot.
            try await fixture.warehouse.execute("DELETE FROM schedule_runs WHERE job = 'products'")
            try await ledger.finish(.alerts, slot: at("2026-12-01T07:00:00+07:00"), status: .interrupted)
            #expect(try await service.dueJobs(startedAt: at("2026-12-03T13:09:00+07:00")).map(\.job) == [.orders, .ads, .products, .alerts])
            // Caught up, nothing more is owed until the next slot.
            for (job, slot) in due {
                #expect(try await ledger.claim(job, slot: slot, holder: "after"))
                try await ledger.finish(job, slot: slot, status: .succeeded)
            }
            #expect(try await service.dueJobs(startedAt: at("2026-12-03T13:09:00+07:00")).isEmpty)
        }
    }
}

/// A transport the catch-up test never reaches: it plans, it does not sync.
struct UnusedTransport: HTTPTransport {
    func send(_ request: HTTPRequestValue, timeout: Duration) async throws -> HTTPResponseValue {
        throw TestSupportError("the catch-up test sent a request")
    }
}
