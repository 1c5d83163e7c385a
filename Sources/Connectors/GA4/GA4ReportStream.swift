import Foundation
import OmnidashCore
import Warehouse

/// One raw table's reports of one property, by windows of up to 7 days: `runReport` for one report, `batchRunReports`
/// for several (the audience's four grains, one request). Each report pages by `offset += limit` while `offset <
/// rowCount`; the cursor carries every report's next offset (`-` once it is done). Every sync re-reads the last
/// `lookback_days` days, because GA4 keeps processing a day for about 72 hours; a re-read row replaces the old one.
public struct GA4ReportStream: WindowedStream {
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.ga4) }
    public var accountID: String { propertyID }
    public let name: String
    public var table: RawTableContract { reports[0].table }
    public var policy: PassPolicy<BusinessDate> { .lookback(Int64(settings.lookbackDays)) }
    public var windowLength: Int64 { Int64(GA4.windowDays) }
    let reports: [GA4.Report]
    let propertyID: String
    let settings: GA4Settings
    let session: GA4Session
    let runner: RequestRunner
    let calendar: BusinessCalendar
    let pageSize: Int

    public init(name: String, reports: [GA4.Report], propertyID: String, settings: GA4Settings, session: GA4Session,
                runner: RequestRunner, calendar: BusinessCalendar, counters: RequestCounters, pageSize: Int = GA4.defaultPageSize) {
        precondition(!reports.isEmpty && reports.count <= 5, "batchRunReports takes 1…5 requests")
        self.name = name
        self.reports = reports
        self.propertyID = propertyID
        self.settings = settings
        self.session = session
        self.runner = runner
        self.calendar = calendar
        self.counters = counters
        self.pageSize = pageSize
    }

    /// Business days from `since` through the day of `until`.
    public func bounds(_ context: StreamContext) -> (since: BusinessDate, until: BusinessDate) {
        (calendar.date(context.since), calendar.date(context.until).adding(days: 1))
    }

    /// Each report's next offset from the cursor; `nil` for a report already read to its end.
    func offsets(_ cursor: String?) -> [Int?] {
        guard let cursor else { return reports.map { _ in 0 } }
        let parts = cursor.split(separator: ",").map { Int($0) }
        return parts.count == reports.count ? parts : reports.map { _ in 0 }
    }

    public func fetchPage(_ request: WindowRequest<BusinessDate>) async throws -> (page: ParsedPage, next: String?) {
        let offsets = offsets(request.cursor)
        let pending = reports.indices.filter { offsets[$0] != nil }
        let last = request.end.adding(days: -1)
        let bodies = pending.map { GA4.Requests.reportBody(reports[$0], first: request.start, last: last, offset: offsets[$0]!, limit: pageSize) }
        let batch = reports.count > 1
        let endpoint = "/v1beta/properties/\(propertyID):\(batch ? "batchRunReports" : "runReport")"
        let payload = GA4.Requests.json(batch ? ["requests": bodies] : bodies[0])
        let response = try await session.send(runner, endpoint: endpoint) { [settings, propertyID] token in
            batch ? GA4.Requests.batchRunReports(baseURL: settings.baseURL, propertyID: propertyID, body: payload, accessToken: token)
                : GA4.Requests.runReport(baseURL: settings.baseURL, propertyID: propertyID, body: payload, accessToken: token)
        }
        let scanner = JSONScanner([UInt8](response.body))
        var page = ParsedPage()
        var next = offsets
        do {
            let root = try scanner.root()
            let answers: [Range<Int>]
            if batch {
                guard let list = try scanner.members(of: root).first(where: { $0.key == "reports" })?.value else {
                    throw ConnectorError(.invalidResponse, platform: .ga4, endpoint: endpoint, message: "batchRunReports answer has no reports")
                }
                answers = try scanner.elements(of: list)
            } else {
                answers = [root]
            }
            guard answers.count == pending.count else {
                throw ConnectorError(.invalidResponse, platform: .ga4, endpoint: endpoint,
                                     message: "asked for \(pending.count) reports, got \(answers.count)")
            }
            for (answer, index) in zip(answers, pending) {
                let parser = GA4ResponseParser(report: reports[index], propertyID: propertyID, stream: name)
                let parsed = try parser.parse(scanner, answer, endpoint: endpoint)
                for record in parsed.records { page.append(record) }
                let following = offsets[index]! + pageSize
                next[index] = following < parsed.rowCount ? following : nil
            }
        } catch let error as JSONScanError {
            throw ConnectorError(.invalidResponse, platform: .ga4, endpoint: endpoint, message: "the report is not JSON: \(error)")
        }
        let cursor = next.allSatisfy { $0 == nil } ? nil : next.map { $0.map(String.init) ?? "-" }.joined(separator: ",")
        return (page, cursor)
    }
}
