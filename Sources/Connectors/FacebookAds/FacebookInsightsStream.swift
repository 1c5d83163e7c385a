import Foundation
import OmnidashCore
import Warehouse

/// Ad-level daily insights of one ad account. Every sync re-fetches the last `lookbackDays` days (default 28),
/// because Meta restates conversions for 28 days; windows of 7 days are paged with `paging.cursors.after` (never
/// the `next` URL, which carries the access token), each page one transaction with the state that points past it.
/// A long pass (a first sync, a backfill) goes through asynchronous report jobs (`FacebookReportReader`).
///
/// With `byAgeAndGender`, the seed's age × gender breakdown into `raw_facebook_ads_demographics`: same passes, windows,
/// jobs and look-back, since the breakdown is restated as late as the rows it splits.
public struct FacebookInsightsStream: WindowedStream {
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.facebookAds) }
    public var accountID: String { FacebookAds.bareAccountID(account) }
    public var name: String { byAgeAndGender ? "insights_age_gender" : "insights" }
    public var table: RawTableContract { byAgeAndGender ? FacebookAdsRawTables.demographics : FacebookAdsRawTables.insights }
    public var policy: PassPolicy<BusinessDate> { .lookback(Int64(configuration.lookbackDays)) }
    public var windowLength: Int64 { Int64(FacebookAds.windowDays) }
    let account: String
    let configuration: FacebookAdsSettings
    let runner: RequestRunner
    let calendar: BusinessCalendar
    let byAgeAndGender: Bool
    let sleep: @Sendable (Duration) async throws -> Void

    public init(account: String, configuration: FacebookAdsSettings, runner: RequestRunner,
                calendar: BusinessCalendar, counters: RequestCounters, byAgeAndGender: Bool = false,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.byAgeAndGender = byAgeAndGender
        self.account = account
        self.configuration = configuration
        self.runner = runner
        self.calendar = calendar
        self.counters = counters
        self.sleep = sleep
    }

    var reader: FacebookReportReader {
        FacebookReportReader(accountID: accountID, configuration: configuration, runner: runner,
                             parser: FacebookInsightParser(accountID: accountID, stream: name, byAgeAndGender: byAgeAndGender),
                             sleep: sleep)
    }

    /// Business days from `since` through the day of `until`.
    public func bounds(_ context: StreamContext) -> (since: BusinessDate, until: BusinessDate) {
        (calendar.date(context.since), calendar.date(context.until).adding(days: 1))
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        try await reader.run(self, context)
    }

    public func fetchPage(_ request: WindowRequest<BusinessDate>) async throws -> (page: ParsedPage, next: String?) {
        try await reader.fetchPage(request)
    }
}
