import Connectors
import Foundation
import Logging
import Metrics
import OmnidashCore
import ServiceLifecycle
import Transform
import Warehouse

/// Keeps the timetable (`schedule:`): on each tick, runs every job whose latest slot is not yet in the ledger.
///
/// Jobs due together run in the seed's order: the sync jobs (orders, ads, products), then the marts once (a
/// transform and an alert evaluation), then the alerts job. After downtime the same rule catches up: a job that
/// missed several slots runs once, for the latest (a sync fetches everything since its saved state anyway). A new
/// service owes nothing from before it first started.
///
/// On graceful shutdown (SIGTERM) each running stream stops after the page it is writing; the job is recorded as
/// interrupted and runs again at the next start. Streams are synced under leases, so two services on one warehouse
/// never sync the same stream at once, and a slot is claimed in the ledger, so they do not run it twice.
public struct ScheduleService: Service {
    public let pipeline: Pipeline
    public let settings: ScheduleSettings
    /// The scheduler's "now": the system clock, or in tests a clock they move.
    public let clock: WallClock
    public let tick: Duration
    public let leases: StreamLeases
    public let logger: Logger

    public init(pipeline: Pipeline, settings: ScheduleSettings, clock: WallClock = .system, tick: Duration = .seconds(20),
                leases: StreamLeases? = nil, logger: Logger = Logger(label: "omnidash.schedule")) {
        self.pipeline = pipeline
        self.settings = settings
        self.clock = clock
        self.tick = tick
        self.leases = leases ?? StreamLeases(warehouse: pipeline.warehouse)
        self.logger = logger
    }

    var ledger: ScheduleLedger { ScheduleLedger(warehouse: pipeline.warehouse) }

    public func run() async throws {
        let stop = SyncStopSignal()
        let startedAt = clock.now
        logger.info("schedule started", metadata: [
            "holder": "\(leases.holder)", "time_zone": "\(settings.timeZone)",
            "next": "\(settings.nextRuns(after: startedAt, limit: 3).map { "\($0.job)@\(Timestamp.string($0.at))" }.joined(separator: ","))",
        ])
        await withGracefulShutdownHandler {
            while !stop.isFired && !Task.isCancelled {
                do {
                    try await runDueJobs(startedAt: startedAt, stop: stop)
                } catch {
                    logger.error("schedule tick failed", metadata: ["error": "\(error)"])
                }
                await sleep(tick, unless: stop)
            }
        } onGracefulShutdown: {
            logger.info("schedule stopping: running streams stop after their current page")
            stop.fire()
        }
        logger.info("schedule stopped")
    }

    /// Sleeps `duration` in short steps, waking early when `stop` fires.
    private func sleep(_ duration: Duration, unless stop: SyncStopSignal) async {
        let deadline = ContinuousClock.now + duration
        while !stop.isFired, ContinuousClock.now < deadline {
            try? await Task.sleep(for: min(.milliseconds(200), deadline - ContinuousClock.now))
        }
    }

    /// The jobs due at the clock's now: each job's latest slot at or before now, when later than its last run in the
    /// ledger. A job never run (or only interrupted) is owed slots since the ledger's first slot, or since `startedAt`
    /// on an empty ledger: a new service owes nothing from before it existed.
    func dueJobs(startedAt: Date) async throws -> [(job: ScheduleJob, slot: Date)] {
        let now = clock.now
        let kept = min(try await ledger.firstSlot() ?? startedAt, startedAt)
        var due: [(job: ScheduleJob, slot: Date)] = []
        for (job, cron) in settings.crons {
            guard let slot = cron.previous(atOrBefore: now, in: settings.zone) else { continue }
            let owed = if let last = try await ledger.lastSlot(job) { slot > last } else { slot >= kept }
            if owed { due.append((job, slot)) }
        }
        return due.sorted { $0.job < $1.job }
    }

    /// Runs what is due, in order; stops between jobs once `stop` fires.
    func runDueJobs(startedAt: Date, stop: SyncStopSignal) async throws {
        let due = try await dueJobs(startedAt: startedAt)
        guard !due.isEmpty else { return }
        var synced: Date?
        for (job, slot) in due where job.syncs {
            guard !stop.isFired else { return }
            if try await runSync(job, slot: slot, stop: stop) { synced = max(synced ?? slot, slot) }
        }
        guard !stop.isFired else { return }
        if let synced {
            try await runClaimed(.marts, slot: synced) {
                try await transform()
                try await pipeline.evaluateAlerts()
                return nil
            }
        }
        for (job, slot) in due where job == .alerts {
            guard !stop.isFired else { return }
            try await runClaimed(.alerts, slot: slot) {
                try await pipeline.evaluateAlerts()
                return nil
            }
        }
    }

    /// Syncs the streams `job` covers; `true` when this service ran it (to the end or not).
    private func runSync(_ job: ScheduleJob, slot: Date, stop: SyncStopSignal) async throws -> Bool {
        try await runClaimed(job, slot: slot, stop: stop) {
            let options = SyncOptions(days: pipeline.configuration.sync.days, runID: SyncEngine.makeRunID(Date()),
                                      streams: { job.covers($0, stream: $1) }, leases: leases, stop: stop)
            let report = try await pipeline.run(options, transform: false).sync
            let skipped = report.outcomes.filter { $0.skipped != nil }.count
            logger.info("sync job finished", metadata: [
                "job": "\(job.rawValue)", "run": "\(report.runID)", "streams": "\(report.outcomes.count)",
                "failed": "\(report.failures.count)", "skipped": "\(skipped)",
            ])
            if !stop.isFired, let failure = report.failures.first {
                throw JobFailure(syncRunID: report.runID, message: "\(report.failures.count) streams failed; first: \(failure.source)/\(failure.accountID)/\(failure.stream): \(failure.error ?? "")")
            }
            return report.runID
        }
    }

    struct JobFailure: Error, CustomStringConvertible {
        var syncRunID: String?
        var message: String
        var description: String { message }
    }

    /// Claims the slot, runs `body` and records how it ended; `false` when another service had claimed it.
    @discardableResult
    private func runClaimed(_ job: ScheduleJob, slot: Date, stop: SyncStopSignal? = nil,
                            _ body: () async throws -> String?) async throws -> Bool {
        guard try await ledger.claim(job, slot: slot, holder: leases.holder) else {
            logger.info("job already claimed by another service", metadata: ["job": "\(job.rawValue)", "slot": "\(Timestamp.string(slot))"])
            return false
        }
        logger.info("job started", metadata: ["job": "\(job.rawValue)", "slot": "\(Timestamp.string(slot))"])
        let status: ScheduleLedger.Status
        var syncRunID: String?
        var failure: String?
        do {
            syncRunID = try await body()
            status = stop?.isFired == true ? .interrupted : .succeeded
        } catch let error as JobFailure {
            syncRunID = error.syncRunID
            failure = error.message
            status = stop?.isFired == true ? .interrupted : .failed
        } catch {
            failure = "\(error)"
            status = stop?.isFired == true ? .interrupted : .failed
        }
        try await ledger.finish(job, slot: slot, status: status, syncRunID: syncRunID, error: failure)
        Counter(label: "omnidash_schedule_runs_total", dimensions: [("job", job.rawValue), ("status", status.rawValue)],
                factory: pipeline.environment.metrics.factory ?? MetricsSystem.factory).increment()
        if status == .failed {
            logger.error("job failed", metadata: ["job": "\(job.rawValue)", "slot": "\(Timestamp.string(slot))", "error": "\(failure ?? "")"])
        } else {
            logger.info("job finished", metadata: ["job": "\(job.rawValue)", "slot": "\(Timestamp.string(slot))", "status": "\(status.rawValue)"])
        }
        return true
    }

    /// Builds staging and marts for what the sync jobs loaded.
    private func transform() async throws {
        _ = try await TransformRunner(warehouse: pipeline.warehouse, configuration: pipeline.configuration, clock: pipeline.clock,
                                      logger: pipeline.logger, metrics: TransformMetrics(factory: pipeline.environment.metrics.factory)).run()
    }
}
