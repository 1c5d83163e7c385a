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
                                    now: now, since: since, sinceIsExplicit: options.since != nil, until: until, progress: progress)
        let groups = try await streamGroups(options)
        let log = SyncRunLog(warehouse: warehouse)
        let outcomes = await withTaskGroup(of: [SyncReport.Outcome].self) { group in
            for streams in groups {
                group.addTask {
                    var outcomes: [SyncReport.Outcome] = []
                    for stream in streams {
                        outcomes.append(await run(stream, context: context, runID: runID, log: log, progress: progress))
                    }
                    return outcomes
                }
            }
            var all: [SyncReport.Outcome] = []
            for await outcomes in group { all += outcomes }
            return all
        }
        let report = SyncReport(runID: runID, outcomes: outcomes.sorted { ($0.source, $0.accountID, $0.stream) < ($1.source, $1.accountID, $1.stream) })
        if !report.failures.isEmpty {
            environment.logger.error("sync finished with failures", metadata: ["run": "\(runID)", "failed": "\(report.failures.count)"])
        }
        return report
    }

    private func run(_ stream: any SyncStream, context: StreamContext, runID: String, log: SyncRunLog,
                     progress: @Sendable (SyncProgress) -> Void) async -> SyncReport.Outcome {
        var entry = SyncRunLog.Entry(runID: runID, source: stream.source, accountID: stream.accountID, stream: stream.name, status: .running)
        progress(.streamStarted(source: stream.source, account: stream.accountID, stream: stream.name))
        let requestsBefore = await stream.counters.requests
        let retriesBefore = await stream.counters.retries
        var summary = StreamSummary()
        var failure: String?
        do {
            try await log.started(entry)
            summary = try await stream.run(context)
        } catch {
            failure = "\(error)"
        }
        let requests = await stream.counters.requests - requestsBefore
        let retries = await stream.counters.retries - retriesBefore
        entry.status = failure == nil ? .succeeded : .failed
        entry.records = summary.records
        entry.rejects = summary.rejects
        entry.requests = requests
        entry.retries = retries
        entry.windowStart = summary.windowStart
        entry.windowEnd = summary.windowEnd
        entry.error = failure
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
            progress(.streamFinished(source: stream.source, account: stream.accountID, stream: stream.name, summary: summary))
        }
        return SyncReport.Outcome(source: stream.source, accountID: stream.accountID, stream: stream.name, summary: summary,
                                  requests: requests, retries: retries, error: failure)
    }

    /// The streams to run, grouped by account: one group runs in order, groups run side by side.
    func streamGroups(_ options: SyncOptions) async throws -> [[any SyncStream]] {
        func wanted(_ source: String) -> Bool { options.sources?.contains(source) ?? true }
        var groups: [[any SyncStream]] = []
        let secrets = configuration.secrets
        if let fx = configuration.fx, wanted("fx") {
            let counters = RequestCounters()
            let runner = await runner(source: "FX feed", key: "fx", limit: (60, 60), counters: counters)
            groups.append([FXRatesStream(url: fx.url, reportingCurrency: configuration.currency, runner: runner,
                                         calendar: configuration.calendar, counters: counters)])
        }
        if let shopee = configuration.sources.shopee, wanted("shopee") {
            let vault = TokenVault(warehouse: warehouse, secret: secrets.tokenKey ?? "")
            let parser = ShopeeOrderParser(hasher: PIIHasher(secret: secrets.piiKey ?? ""))
            for shop in shopee.shops {
                let counters = RequestCounters()
                let runner = await runner(source: Platform.shopee.displayName, key: "shopee:\(shop.shopID)",
                                          limit: (shopee.rateLimit.requests, shopee.rateLimit.perSeconds), counters: counters)
                let session = ShopeeSession(source: shopee, shop: shop, vault: vault, runner: runner, now: environment.now)
                groups.append([
                    ShopeeShopStream(session: session, shopID: shop.shopID, counters: counters),
                    ShopeeProductsStream(session: session, shopID: shop.shopID, counters: counters),
                    ShopeeOrdersStream(session: session, shopID: shop.shopID, parser: parser, counters: counters),
                ])
            }
        }
        if let facebook = configuration.sources.facebook, wanted("facebook") {
            for account in facebook.accounts {
                let counters = RequestCounters()
                let runner = await runner(source: Platform.facebookAds.displayName, key: "facebook:\(FacebookAds.bareAccountID(account))",
                                          limit: (facebook.rateLimit.requests, facebook.rateLimit.perSeconds), counters: counters)
                groups.append([FacebookInsightsStream(account: account, configuration: facebook, runner: runner,
                                                      calendar: configuration.calendar, counters: counters, sleep: environment.sleep)])
            }
        }
        return groups
    }

    private func runner(source: String, key: String, limit: (Int, Double), counters: RequestCounters) async -> RequestRunner {
        RequestRunner(source: source, transport: environment.transport,
                      bucket: await environment.limiters.bucket(for: key, limit: (limit.0, limit.1)), retry: environment.retry,
                      counters: counters, logger: environment.logger, sleep: environment.sleep)
    }

    /// `20261125T063000Z-1a2b3c`: sortable by time, unique across processes.
    public static func makeRunID(_ now: Date) -> String {
        let stamp = Timestamp.string(now).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        return "\(stamp)-\(UUID().uuidString.prefix(6).lowercased())"
    }
}
