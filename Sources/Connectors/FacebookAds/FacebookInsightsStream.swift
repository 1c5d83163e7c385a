import Foundation
import OmnidashCore
import Warehouse

/// Ad-level daily insights of one ad account. Every sync re-fetches the last `lookbackDays` days (default 28),
/// because Meta restates conversions for 28 days; windows of 7 days are paged with cursors, and each page is
/// one transaction with the state that points past it.
public struct FacebookInsightsStream: SyncStream {
    public let counters: RequestCounters
    public var source: String { "facebook" }
    public var accountID: String { FacebookAds.bareAccountID(account) }
    public var name: String { "insights" }
    let account: String
    let configuration: OmnidashConfiguration.FacebookSource
    let runner: RequestRunner
    let calendar: BusinessCalendar
    let sleep: @Sendable (Duration) async throws -> Void

    struct State: Codable, Equatable {
        var passStart: BusinessDate
        var passEnd: BusinessDate
        /// First day of the window being fetched; the pass is done when it passes `passEnd`.
        var windowStart: BusinessDate
        /// `paging.cursors.after` inside the window; never the `next` URL, which carries the access token.
        var after: String?
        /// Every day up to this one has been fetched at least once.
        var completedThrough: BusinessDate?
    }

    public init(account: String, configuration: OmnidashConfiguration.FacebookSource, runner: RequestRunner,
                calendar: BusinessCalendar, counters: RequestCounters,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.account = account
        self.configuration = configuration
        self.runner = runner
        self.calendar = calendar
        self.counters = counters
        self.sleep = sleep
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        let saved = try await context.state.state(State.self, source: source, accountID: accountID, stream: name)
        var state = plan(saved: saved, context: context)
        var summary = StreamSummary(windowStart: state.passStart.description, windowEnd: state.passEnd.description)
        let parser = FacebookInsightParser(accountID: accountID)
        while state.windowStart <= state.passEnd {
            let windowEnd = min(state.windowStart.adding(days: FacebookAds.windowDays - 1), state.passEnd)
            let endpoint = "/\(configuration.apiVersion)/act_\(accountID)/insights"
            let after = state.after
            let windowStart = state.windowStart
            let response = try await runner.run(
                endpoint: endpoint,
                build: {
                    FacebookAds.Requests.insights(baseURL: configuration.baseURL, version: configuration.apiVersion,
                                                  accountID: accountID, since: windowStart, until: windowEnd, after: after,
                                                  accessToken: configuration.accessToken, appSecret: configuration.appSecret)
                },
                classify: { FacebookAds.classify($0, endpoint: endpoint) })
            let scanner = JSONScanner([UInt8](response.body))
            guard let data = try? scanner.value(at: ["data"]), let elements = try? scanner.elements(of: data) else {
                throw ConnectorError(.invalidResponse, platform: .facebookAds, endpoint: endpoint, message: "`data` is missing or not an array")
            }
            var rows: [[SQLValue]] = []
            var rejects: [RawReject] = []
            for element in elements {
                switch parser.parse(scanner, element) {
                case .success(let row): rows.append(row)
                case .failure(let reject): rejects.append(reject)
                }
            }
            // Stop only when `paging.next` is absent: a page can be empty and still have a next one.
            let next = (try? scanner.value(at: ["paging", "next"])).flatMap { $0 }
            let cursor = (try? scanner.value(at: ["paging", "cursors", "after"])).flatMap { $0 }.flatMap(scanner.string)
            if next != nil, let cursor, !cursor.isEmpty {
                state.after = cursor
            } else {
                state.windowStart = windowEnd.adding(days: 1)
                state.after = nil
            }
            if state.windowStart > state.passEnd {
                state.completedThrough = max(state.completedThrough ?? state.passEnd, state.passEnd)
            }
            try await context.sink.load(RawPage(
                stream: FacebookAds.Streams.insights, rows: rows, rejects: rejects,
                state: try SyncStateStore.update(state, source: source, accountID: accountID, stream: name)))
            summary.records += rows.count
            summary.rejects += rejects.count
            context.progress(.pageLoaded(source: source, account: accountID, stream: name, records: rows.count,
                                         rejects: rejects.count, position: "\(windowStart)…\(windowEnd)"))
            try await pauseIfNearLimit(response.headers)
        }
        if saved != state { try await context.state.save(state, source: source, accountID: accountID, stream: name) }
        return summary
    }

    /// The unfinished pass, or a new one from `since` (first sync) or from `lookbackDays` before the last
    /// completed day, to today.
    func plan(saved: State?, context: StreamContext) -> State {
        let today = calendar.date(context.until)
        let since = calendar.date(context.since)
        // An unfinished pass resumes, unless an explicit --since asks for a different one.
        if let saved, saved.windowStart <= saved.passEnd, !context.sinceIsExplicit || saved.passStart == since { return saved }
        var start = since
        if let completed = saved?.completedThrough, !context.sinceIsExplicit {
            start = max(since, min(completed, today).adding(days: -(configuration.lookbackDays - 1)))
        }
        return State(passStart: start, passEnd: max(today, start), windowStart: start, after: nil,
                     completedThrough: saved?.completedThrough)
    }

    /// Airbyte's practice: slow down before Meta throttles, once usage passes 90 % of any limit.
    private func pauseIfNearLimit(_ headers: [String: String]) async throws {
        guard FacebookAds.utilisation(headers) >= 90 else { return }
        let hint = FacebookAds.usageHint(headers) ?? .seconds(60)
        try await sleep(min(hint, runner.retry.maxDelay))
    }
}
