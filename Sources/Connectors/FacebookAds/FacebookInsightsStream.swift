import Foundation
import OmnidashCore
import Warehouse

/// Ad-level daily insights of one ad account. Every sync re-fetches the last `lookbackDays` days (default 28),
/// because Meta restates conversions for 28 days; windows of 7 days are paged with `paging.cursors.after` (never
/// the `next` URL, which carries the access token), each page one transaction with the state that points past it.
public struct FacebookInsightsStream: WindowedStream {
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.facebookAds) }
    public var accountID: String { FacebookAds.bareAccountID(account) }
    public var name: String { "insights" }
    public var table: RawTableContract { FacebookAdsRawTables.insights }
    public var policy: PassPolicy<BusinessDate> { .lookback(Int64(configuration.lookbackDays)) }
    public var windowLength: Int64 { Int64(FacebookAds.windowDays) }
    let account: String
    let configuration: FacebookAdsSettings
    let runner: RequestRunner
    let calendar: BusinessCalendar
    let sleep: @Sendable (Duration) async throws -> Void

    public init(account: String, configuration: FacebookAdsSettings, runner: RequestRunner,
                calendar: BusinessCalendar, counters: RequestCounters,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.account = account
        self.configuration = configuration
        self.runner = runner
        self.calendar = calendar
        self.counters = counters
        self.sleep = sleep
    }

    /// Business days from `since` through the day of `until`.
    public func bounds(_ context: StreamContext) -> (since: BusinessDate, until: BusinessDate) {
        (calendar.date(context.since), calendar.date(context.until).adding(days: 1))
    }

    public func fetchPage(_ request: WindowRequest<BusinessDate>) async throws -> (page: ParsedPage, next: String?) {
        let endpoint = "/\(configuration.apiVersion)/act_\(accountID)/insights"
        let response = try await runner.run(
            endpoint: endpoint,
            build: { [configuration, accountID] in
                FacebookAds.Requests.insights(baseURL: configuration.baseURL, version: configuration.apiVersion,
                                              accountID: accountID, since: request.start, until: request.end.adding(days: -1),
                                              after: request.cursor, accessToken: configuration.accessToken,
                                              appSecret: configuration.appSecret)
            },
            classify: { FacebookAds.classify($0, endpoint: endpoint) })
        let scanner = JSONScanner([UInt8](response.body))
        guard let data = try? scanner.value(at: ["data"]), let elements = try? scanner.elements(of: data) else {
            throw ConnectorError(.invalidResponse, platform: .facebookAds, endpoint: endpoint, message: "`data` is missing or not an array")
        }
        let parser = FacebookInsightParser(accountID: accountID)
        var page = ParsedPage()
        for element in elements { page.append(parser.parse(scanner, element)) }
        // Stop only when `paging.next` is absent: a page can be empty and still have a next one.
        let next = (try? scanner.value(at: ["paging", "next"])).flatMap { $0 }
        let cursor = (try? scanner.value(at: ["paging", "cursors", "after"])).flatMap { $0 }.flatMap(scanner.string)
        try await pauseIfNearLimit(response.headers)
        return (page, next == nil ? nil : cursor)
    }

    /// Airbyte's practice: slow down before Meta throttles, once usage passes 90 % of any limit.
    private func pauseIfNearLimit(_ headers: [String: String]) async throws {
        guard FacebookAds.utilisation(headers) >= 90 else { return }
        let hint = FacebookAds.usageHint(headers) ?? .seconds(60)
        try await sleep(min(hint, runner.retry.maxDelay))
    }
}
