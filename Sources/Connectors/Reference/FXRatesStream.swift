import Foundation
import OmnidashCore
import Warehouse

/// Daily exchange rates into the reporting currency, from the feed configured as `fx.url`, into `ref_fx_rates`.
///
/// The feed answers `GET url?from=YYYY-MM-DD&to=YYYY-MM-DD` with
/// `{"base": "THB", "rates": [{"date": "2026-11-01", "currency": "USD", "rate": "35.1234"}]}`; rates are
/// kept as exact decimal text.
public struct FXRatesStream: SyncStream {
    public let counters: RequestCounters
    public var source: SyncSource { .fx }
    public var accountID: String { "feed" }
    public var name: String { "rates" }
    let url: String
    let reportingCurrency: Currency
    let runner: RequestRunner
    let calendar: BusinessCalendar

    /// Ad accounts report the day before `since` too when their time zone is behind the reporting one.
    static let marginDays = 3

    public init(url: String, reportingCurrency: Currency, runner: RequestRunner, calendar: BusinessCalendar, counters: RequestCounters) {
        self.url = url
        self.reportingCurrency = reportingCurrency
        self.runner = runner
        self.calendar = calendar
        self.counters = counters
    }

    struct Feed: Decodable {
        struct Rate: Decodable {
            let date: String
            let currency: String
            let rate: NumericText
        }
        let base: String
        let rates: [Rate]
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        let from = calendar.date(context.since).adding(days: -Self.marginDays)
        let to = calendar.date(context.until)
        let separator = url.contains("?") ? "&" : "?"
        let request = HTTPRequestValue(method: .get, url: "\(url)\(separator)\(QueryString.encode([("from", from.description), ("to", to.description)]))",
                                       headers: ["accept": "application/json"])
        let response = try await runner.run(endpoint: url, build: { request }, classify: { response in
            if (200..<300).contains(response.status) { return .success }
            if response.status == 429 { return .throttled(reason: "HTTP 429", after: nil) }
            if response.status >= 500 { return .transient(reason: "HTTP \(response.status)", after: nil) }
            return .fail(ConnectorError(.rejected, source: "FX feed", endpoint: url,
                                        message: "HTTP \(response.status)", httpStatus: response.status))
        })
        let feed: Feed
        do {
            feed = try JSONDecoder().decode(Feed.self, from: response.body)
        } catch {
            throw FXFeedError(url: url, reason: (error as? DecodingError)?.oneLine ?? "\(error)")
        }
        guard Currency(feed.base) == reportingCurrency else {
            throw FXFeedError(url: url, reason: "rates are quoted in \(feed.base), but the reporting currency is \(reportingCurrency)")
        }
        var rows: [[SQLValue]] = []
        for rate in feed.rates {
            guard let date = BusinessDate(rate.date), rate.rate.decimal > 0 else {
                throw FXFeedError(url: url, reason: "rate \(rate.currency) on '\(rate.date)' is not a positive rate on a YYYY-MM-DD date")
            }
            rows.append([.text(date.description), .text(Currency(rate.currency).code), .text(reportingCurrency.code),
                         .text(rate.rate.text), .text(url), .text(Timestamp.now())])
        }
        try await context.sink.warehouse.write([.insert(RowSet(
            table: "ref_fx_rates", columns: ["date", "currency", "quote_currency", "rate", "source", "_loaded_at"], rows: rows,
            onConflict: .replace(key: ["date", "currency"])))])
        context.progress(.pageLoaded(source: source, account: accountID, stream: name, records: rows.count, rejects: 0,
                                     position: "\(from)…\(to)"))
        return StreamSummary(records: rows.count, windowStart: from.description, windowEnd: to.description)
    }
}

/// The FX feed answered something Omnidash cannot use.
public struct FXFeedError: UserFacingError {
    public var url: String
    public var reason: String
    public var description: String { "FX feed \(url): \(reason)" }
}
