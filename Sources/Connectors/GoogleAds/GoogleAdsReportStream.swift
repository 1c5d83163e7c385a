import Foundation
import OmnidashCore
import Warehouse

/// One daily report (campaign, ad group or keyword) of one customer, read with `searchStream`: one request per window
/// of up to 31 days streams every row of it, in batches. Every sync re-fetches the last `lookbackDays` days, because
/// Google restates conversions within the conversion window; each window is one transaction with the state past it.
///
/// `segments.date` is the customer's day (`customer.time_zone`); Omnidash expects customers in the reporting time
/// zone and does not re-bucket daily rows, as for Meta.
public struct GoogleAdsReportStream: WindowedStream {
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.googleAds) }
    public var accountID: String { customerID }
    public var name: String { report.streamName }
    public var table: RawTableContract { report.table }
    public var policy: PassPolicy<BusinessDate> { .lookback(Int64(settings.lookbackDays)) }
    public var windowLength: Int64 { Int64(GoogleAds.windowDays) }
    let report: GoogleAds.Report
    let customerID: String
    let settings: GoogleAdsSettings
    let session: GoogleAdsSession
    let runner: RequestRunner
    let calendar: BusinessCalendar

    public init(report: GoogleAds.Report, customerID: String, settings: GoogleAdsSettings, session: GoogleAdsSession,
                runner: RequestRunner, calendar: BusinessCalendar, counters: RequestCounters) {
        self.report = report
        self.customerID = GoogleAdsSettings.digits(customerID)
        self.settings = settings
        self.session = session
        self.runner = runner
        self.calendar = calendar
        self.counters = counters
    }

    /// Business days from `since` through the day of `until`.
    public func bounds(_ context: StreamContext) -> (since: BusinessDate, until: BusinessDate) {
        (calendar.date(context.since), calendar.date(context.until).adding(days: 1))
    }

    public func fetchPage(_ request: WindowRequest<BusinessDate>) async throws -> (page: ParsedPage, next: String?) {
        let endpoint = "/\(settings.apiVersion)/customers/\(customerID)/googleAds:searchStream"
        let query = report.query(from: request.start, through: request.end.adding(days: -1))
        let response = try await session.send(runner, endpoint: endpoint) { [settings, customerID] headers in
            GoogleAds.Requests.searchStream(baseURL: settings.baseURL, version: settings.apiVersion, customerID: customerID,
                                            query: query, headers: headers)
        }
        let scanner = JSONScanner([UInt8](response.body))
        let parser = GoogleAdsRowParser(customerID: customerID, stream: name)
        var page = ParsedPage()
        do {
            for batch in try scanner.elements(of: try scanner.root()) {
                let members = try scanner.members(of: batch)
                // A failure that arrives after the stream started is appended as a batch holding `error`.
                if members.contains(where: { $0.key == "error" }) {
                    let failure = GoogleAds.Failure(Data(scanner.text(batch).utf8), httpStatus: response.status)
                    throw ConnectorError(.unavailable, platform: .googleAds, endpoint: endpoint, code: failure?.code ?? failure?.status,
                                         message: "the stream broke off: \(failure?.summary ?? "error batch")")
                }
                guard let results = members.first(where: { $0.key == "results" })?.value else { continue }
                for element in try scanner.elements(of: results) { page.append(parser.report(report, scanner, element)) }
            }
        } catch let error as JSONScanError {
            throw ConnectorError(.invalidResponse, platform: .googleAds, endpoint: endpoint, message: "searchStream answer is not an array of batches: \(error)")
        }
        return (page, nil)
    }
}
