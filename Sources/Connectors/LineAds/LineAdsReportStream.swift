import Foundation
import OmnidashCore
import Warehouse

/// One report level (campaign, ad group or ad) of one ad account, a day at a time: LINE's online report sums its
/// range and dates no row, so each window is one day asked with `since == until`, paged by `page`. Every sync
/// re-fetches the last `lookback_days` because conversions arrive late; each page loads in one transaction with
/// the state that points past it.
public struct LineAdsReportStream: WindowedStream {
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.lineAds) }
    public var accountID: String { account }
    public var name: String { "report_\(level.rawValue)" }
    public var table: RawTableContract { LineAdsRawTables.reports }
    public var policy: PassPolicy<BusinessDate> { .lookback(Int64(configuration.lookbackDays)) }
    public var windowLength: Int64 { 1 }
    let account: String
    let level: LineAds.Level
    let configuration: LineAdsSettings
    let runner: RequestRunner
    let calendar: BusinessCalendar
    let now: @Sendable () -> Date

    public init(account: String, level: LineAds.Level, configuration: LineAdsSettings, runner: RequestRunner,
                calendar: BusinessCalendar, counters: RequestCounters, now: @escaping @Sendable () -> Date = Date.init) {
        self.account = account
        self.level = level
        self.configuration = configuration
        self.runner = runner
        self.calendar = calendar
        self.counters = counters
        self.now = now
    }

    /// Business days from `since` through the day of `until`. The account's days are taken as business days:
    /// Omnidash expects LINE accounts on the reporting time zone (LINE reports in `adaccount.timezone`).
    public func bounds(_ context: StreamContext) -> (since: BusinessDate, until: BusinessDate) {
        (calendar.date(context.since), calendar.date(context.until).adding(days: 1))
    }

    public func fetchPage(_ request: WindowRequest<BusinessDate>) async throws -> (page: ParsedPage, next: String?) {
        let day = request.start
        let pageNumber = request.cursor.flatMap { Int($0) } ?? 1
        let endpoint = "/api/v3/adaccounts/\(account)/reports/online/\(level.rawValue)"
        let response = try await runner.run(
            endpoint: endpoint,
            build: { [configuration, account, level, now] in
                LineAds.Requests.onlineReport(baseURL: configuration.baseURL, accountID: account, level: level, day: day,
                                              page: pageNumber, accessKey: configuration.accessKey,
                                              secretKey: configuration.secretKey, now: now())
            },
            classify: { LineAds.classify($0, endpoint: endpoint) },
            refresh: {})
        let scanner = JSONScanner([UInt8](response.body))
        let invalid = { (message: String) in
            ConnectorError(.invalidResponse, platform: .lineAds, endpoint: endpoint, message: message)
        }
        guard let datas = try? scanner.value(at: ["datas"]), let elements = try? scanner.elements(of: datas) else {
            throw invalid("`datas` is missing or not an array")
        }
        // The rows are only the day's if the answer's range is that day alone.
        for bound in ["since", "until"] {
            if let range = try? scanner.value(at: ["timeRange", bound]), let text = scanner.string(range), text != day.description {
                throw invalid("timeRange.\(bound) is \(text), not the day asked for (\(day))")
            }
        }
        let parser = LineAdsReportParser(accountID: account, level: level, day: day)
        var page = ParsedPage()
        for element in elements { page.append(parser.parse(scanner, element)) }
        return (page, LineAdsPaging.next(scanner, page: pageNumber, received: elements.count))
    }
}
