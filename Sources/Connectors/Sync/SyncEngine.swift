import Foundation
import Logging
import OmnidashCore
import Warehouse

/// Runs a sync: builds the streams of every configured source and account, runs each account's streams in
/// order and the accounts side by side, records every stream in `sync_runs`, and keeps going when one fails.
public struct SyncEngine: Sendable {
    public let configuration: OmnidashConfiguration
    public let warehouse: any Warehouse
    public let environment: SyncEnvironment

    public init(configuration: OmnidashConfiguration, warehouse: any Warehouse, environment: SyncEnvironment) {
        self.configuration = configuration
        self.warehouse = warehouse
        self.environment = environment
    }

    /// - Throws: `ConfigurationError` before anything runs when secrets or sources are missing.
    public func run(_ options: SyncOptions, progress: @escaping @Sendable (SyncProgress) -> Void = { _ in }) async throws -> SyncReport {
        try configuration.validate(requiringSources: true)
        let runID = options.runID ?? Self.makeRunID(environment.now())
        let now = environment.now()
        let until = options.until ?? now
        // The first sync reaches back whole business days, so the oldest day is not half a day.
        let calendar = configuration.calendar
        let since = options.since ?? Date(timeIntervalSince1970: TimeInterval(
            calendar.startOfDay(calendar.date(until).adding(days: -options.days))))
        let context = StreamContext(sink: RawSink(warehouse: warehouse, runID: runID), state: SyncStateStore(warehouse: warehouse),
                                    now: now, since: since, sinceIsExplicit: options.since != nil, until: until, progress: progress,
                                    stopRequested: { options.stop?.isFired ?? false })
        let groups = try await streamGroups(options)
        let log = SyncRunLog(warehouse: warehouse)
        let interrupted = try await log.markInterrupted(except: runID)
        if !interrupted.isEmpty {
            environment.logger.warning("earlier runs never finished; marked interrupted", metadata: ["runs": "\(interrupted.joined(separator: ", "))"])
        }
        let outcomes = await withTaskGroup(of: [SyncReport.Outcome].self) { group in
            for streams in groups {
                group.addTask {
                    var outcomes: [SyncReport.Outcome] = []
                    for stream in streams {
                        outcomes.append(await run(stream, context: context, runID: runID, log: log, options: options, progress: progress))
                    }
                    return outcomes
                }
            }
            var all: [SyncReport.Outcome] = []
            for await outcomes in group { all += outcomes }
            return all
        }
        // Exchange rates carry no run id; their stream upserts every rate it fetches, so all of them count as stored.
        let rates = outcomes.filter { $0.source == .fx }.reduce(0) { $0 + $1.summary.records }
        let stored = try await WarehouseInventory(warehouse: warehouse).rawRowsWritten(byRun: runID) + Int64(rates)
        let report = SyncReport(runID: runID, outcomes: outcomes.sorted { ($0.source.rawValue, $0.accountID, $0.stream) < ($1.source.rawValue, $1.accountID, $1.stream) },
                                stored: stored, interrupted: interrupted)
        if !report.failures.isEmpty {
            environment.logger.error("sync finished with failures", metadata: ["run": "\(runID)", "failed": "\(report.failures.count)"])
        }
        return report
    }

    /// Runs `stream`, under a lease when the options ask for one: a stream another service holds is skipped.
    private func run(_ stream: any SyncStream, context: StreamContext, runID: String, log: SyncRunLog, options: SyncOptions,
                     progress: @Sendable (SyncProgress) -> Void) async -> SyncReport.Outcome {
        func skipped(_ reason: String) -> SyncReport.Outcome {
            environment.logger.notice("stream skipped", metadata: ["source": "\(stream.source)", "account": "\(stream.accountID)",
                                                                   "stream": "\(stream.name)", "reason": "\(reason)"])
            return SyncReport.Outcome(source: stream.source, accountID: stream.accountID, stream: stream.name, summary: StreamSummary(),
                                      requests: RequestCount(), error: nil, skipped: reason)
        }
        if options.stop?.isFired == true { return skipped("not started: the sync was asked to stop") }
        guard let leases = options.leases else {
            return await run(stream, context: context, runID: runID, log: log, progress: progress)
        }
        let key = StreamLeases.Key(source: stream.source.rawValue, accountID: stream.accountID, stream: stream.name)
        let leaseID: String
        do {
            guard let taken = try await leases.acquire(key) else { return skipped("another service holds its lease") }
            leaseID = taken
        } catch {
            return skipped("could not take its lease: \(error)")
        }
        let logger = environment.logger
        // Renewed at a third of its life, so one slow write does not let it lapse.
        let renewal = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: leases.duration / 3)
                guard !Task.isCancelled else { return }
                if (try? await leases.renew(key)) == false {
                    logger.warning("stream lease lost to another service", metadata: ["stream": "\(key.source)/\(key.accountID)/\(key.stream)"])
                }
            }
        }
        let outcome = await run(stream, context: context, runID: runID, log: log, progress: progress)
        renewal.cancel()
        do {
            try await leases.release(key, leaseID: leaseID)
        } catch {
            logger.warning("could not release a stream lease; it expires by itself", metadata: ["error": "\(error)"])
        }
        return outcome
    }

    private func run(_ stream: any SyncStream, context: StreamContext, runID: String, log: SyncRunLog,
                     progress: @Sendable (SyncProgress) -> Void) async -> SyncReport.Outcome {
        var entry = SyncRunLog.Entry(runID: runID, source: stream.source.rawValue, accountID: stream.accountID, stream: stream.name, status: .running)
        progress(.streamStarted(source: stream.source, account: stream.accountID, stream: stream.name))
        let before = await stream.counters.snapshot
        let started = ContinuousClock.now
        var summary = StreamSummary()
        var failure: String?
        var stopped = false
        do {
            try await log.started(entry)
            summary = try await stream.run(context)
        } catch {
            failure = "\(error)"
            stopped = error is SyncStopped
        }
        let requests = await stream.counters.snapshot - before
        entry.status = stopped ? .interrupted : failure == nil ? .succeeded : .failed
        entry.records = summary.records
        entry.rejects = summary.rejects
        entry.requests = requests.requests
        entry.retries = requests.retries
        entry.windowStart = summary.windowStart
        entry.windowEnd = summary.windowEnd
        entry.error = failure
        environment.metrics.recordStream(source: stream.source.rawValue, stream: stream.name, status: entry.status.rawValue,
                                         records: summary.records, duration: .now - started)
        do {
            try await log.finished(entry)
        } catch {
            environment.logger.error("could not record the sync run", metadata: ["error": "\(error)"])
        }
        if let failure {
            environment.logger.error("stream failed", metadata: ["source": "\(stream.source)", "account": "\(stream.accountID)",
                                                                  "stream": "\(stream.name)", "error": "\(failure)"])
            progress(.streamFailed(source: stream.source, account: stream.accountID, stream: stream.name, error: failure))
        } else {
            progress(.streamFinished(source: stream.source, account: stream.accountID, stream: stream.name, summary: summary,
                                     requests: requests))
        }
        return SyncReport.Outcome(source: stream.source, accountID: stream.accountID, stream: stream.name, summary: summary,
                                  requests: requests, error: failure)
    }

    /// The streams to run, grouped by account: one group runs in order, groups run side by side.
    /// - Throws: `ConfigurationError` when `--source` names a source the configuration does not set up.
    func streamGroups(_ options: SyncOptions) async throws -> [[any SyncStream]] {
        let configured = Set(configuration.sources.platforms.map(SyncSource.platform) + (configuration.fx == nil ? [] : [.fx]))
        if let unconfigured = options.sources?.subtracting(configured).map(\.rawValue).sorted(), !unconfigured.isEmpty {
            throw ConfigurationError("--source \(unconfigured.joined(separator: ", ")): not configured (configured: \(configured.map(\.rawValue).sorted().joined(separator: ", ")))")
        }
        func wanted(_ source: SyncSource) -> Bool { options.sources?.contains(source) ?? true }
        let kit = ConnectorKit(configuration: configuration, warehouse: warehouse, environment: environment)
        var groups: [[any SyncStream]] = []
        if let fx = configuration.fx, wanted(.fx) {
            let counters = RequestCounters()
            let runner = await kit.runner(.fx, account: "feed", limit: .init(requests: 60, perSeconds: 60), counters: counters)
            groups.append([FXRatesStream(url: fx.url, reportingCurrency: configuration.currency, runner: runner,
                                         calendar: configuration.calendar, counters: counters)])
        }
        for connector in ConnectorRegistry.connectors where wanted(.platform(connector.platform)) {
            groups += try await connector.streamGroups(in: configuration, kit: kit)
        }
        guard let accepts = options.streams else { return groups }
        return groups.map { $0.filter { accepts($0.source, $0.name) } }.filter { !$0.isEmpty }
    }

    /// `20261125T063000Z-1a2b3c`: sortable by time, unique across processes.
    public static func makeRunID(_ now: Date) -> String {
        let stamp = Timestamp.string(now).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        return "\(stamp)-\(UUID().uuidString.prefix(6).lowercased())"
    }
}
