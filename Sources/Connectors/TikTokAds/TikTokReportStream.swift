import Foundation
import OmnidashCore
import Warehouse

/// The advertiser's ad-level report over the business days of the sync, re-fetched over `lookback_days` because
/// TikTok attributes purchases to past days.
///
/// An advertiser on the reporting calendar's days is read from daily rows, 30 days a request. Any other advertiser is
/// read from hourly rows and re-bucketed: each business day is one window, made of the one or two advertiser days that
/// overlap it (one request each, since TikTok serves hours one day at a time), keeping only the hours that fall in it.
public struct TikTokReportStream: SyncStream {
    public let counters: RequestCounters
    public let accountID: String
    public var source: SyncSource { .platform(.tiktokAds) }
    public var name: String { "report" }
    let settings: TikTokAdsSettings
    let directory: TikTokAdvertiserDirectory
    let runner: RequestRunner
    let calendar: BusinessCalendar

    public init(advertiserID: String, settings: TikTokAdsSettings, directory: TikTokAdvertiserDirectory, runner: RequestRunner,
                calendar: BusinessCalendar, counters: RequestCounters) {
        self.accountID = advertiserID
        self.settings = settings
        self.directory = directory
        self.runner = runner
        self.calendar = calendar
        self.counters = counters
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        let advertiser = try await directory.advertiser()
        let grain: TikTokAds.Grain = advertiser.sharesDays(with: calendar) ? .day : .hour
        return try await TikTokReportPass(stream: self, advertiser: advertiser, grain: grain).run(context)
    }
}

/// One pass of the report in one grain; it shares the stream's name and account, so its state is the stream's.
struct TikTokReportPass: WindowedStream {
    let stream: TikTokReportStream
    let advertiser: TikTokAdvertiser
    let grain: TikTokAds.Grain

    var counters: RequestCounters { stream.counters }
    var source: SyncSource { stream.source }
    var accountID: String { stream.accountID }
    var name: String { stream.name }
    var table: RawTableContract { TikTokAdsRawTables.report }
    var policy: PassPolicy<BusinessDate> { .lookback(Int64(stream.settings.lookbackDays)) }
    var windowLength: Int64 { grain == .day ? TikTokAds.dailyWindowDays : 1 }

    func bounds(_ context: StreamContext) -> (since: BusinessDate, until: BusinessDate) {
        (stream.calendar.date(context.since), stream.calendar.date(context.until).adding(days: 1))
    }

    /// The cursor is `page` for daily windows, `part:page` for hourly ones (`part` indexes the advertiser days).
    func fetchPage(_ request: WindowRequest<BusinessDate>) async throws -> (page: ParsedPage, next: String?) {
        let parser = TikTokReportParser(advertiser: advertiser, grain: grain, calendar: stream.calendar)
        switch grain {
        case .day:
            let page = Int(request.cursor ?? "") ?? 1
            let (records, totalPages) = try await fetch(start: request.start, end: request.end.adding(days: -1), page: page)
            var parsed = ParsedPage()
            for record in records { parsed.append(parser.parse(record.scanner, record.range).record) }
            return (parsed, page < totalPages ? String(page + 1) : nil)
        case .hour:
            let days = advertiserDays(of: request.start)
            let parts = (request.cursor ?? "").split(separator: ":").compactMap { Int($0) }
            let (part, page) = parts.count == 2 && parts[0] < days.count ? (parts[0], parts[1]) : (0, 1)
            let (records, totalPages) = try await fetch(start: days[part], end: days[part], page: page)
            var parsed = ParsedPage()
            for record in records {
                let row = parser.parse(record.scanner, record.range)
                // Hours of the advertiser's day outside this business day belong to the neighbouring window.
                if let date = row.date, date != request.start { continue }
                parsed.append(row.record)
            }
            let next = page < totalPages ? "\(part):\(page + 1)" : part + 1 < days.count ? "\(part + 1):1" : nil
            return (parsed, next)
        }
    }

    /// The advertiser's days that overlap business day `date`: its first and last instants, in the advertiser's zone.
    func advertiserDays(of date: BusinessDate) -> [BusinessDate] {
        let zone = BusinessCalendar(timeZone: advertiser.timeZone)
        let instants = stream.calendar.instants(of: date)
        let first = zone.date(unixSeconds: instants.lowerBound), last = zone.date(unixSeconds: instants.upperBound - 1)
        return Array(first...last)
    }

    private struct Record {
        let scanner: JSONScanner
        let range: Range<Int>
    }

    /// One page of the report, and how many pages it has.
    private func fetch(start: BusinessDate, end: BusinessDate, page: Int) async throws -> ([Record], Int) {
        let endpoint = "\(TikTokAds.apiPath)/report/integrated/get/"
        let (settings, grain, accountID) = (stream.settings, grain, accountID)
        let response = try await stream.runner.run(
            endpoint: endpoint,
            build: {
                TikTokAds.Requests.report(baseURL: settings.baseURL, accessToken: settings.accessToken, advertiserID: accountID,
                                          grain: grain, start: start, end: end, page: page, pageSize: settings.pageSize)
            },
            classify: { TikTokAds.classify($0, endpoint: endpoint) })
        let scanner = JSONScanner([UInt8](response.body))
        guard let list = try? scanner.value(at: ["data", "list"]), let elements = try? scanner.elements(of: list) else {
            throw ConnectorError(.invalidResponse, platform: .tiktokAds, endpoint: endpoint, message: "`data.list` is missing or not an array")
        }
        let totalPages = (try? scanner.value(at: ["data", "page_info", "total_page"])).flatMap { $0 }.flatMap { Int(scanner.text($0)) }
        guard let totalPages else {
            throw ConnectorError(.invalidResponse, platform: .tiktokAds, endpoint: endpoint, message: "`data.page_info.total_page` is missing")
        }
        return (elements.map { Record(scanner: scanner, range: $0) }, totalPages)
    }
}
