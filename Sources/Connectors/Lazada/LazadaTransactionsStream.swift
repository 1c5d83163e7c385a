import Foundation
import OmnidashCore
import Warehouse

/// Lazada's transaction lines (`/finance/transaction/details/get`): every item price credit and fee the seller's
/// settlements are made of, by transaction date.
///
/// Passes walk business days in week windows: `start_time` and `end_time` are whole days and both inclusive, so a
/// window asks for its first day through the day before the next window starts, and no day is fetched twice in one
/// pass. The API gives no total: a window is paged by `offset`, 500 lines at a time, until a page holds fewer. The
/// first pass starts at the sync's `since`; each later one fetches the last two days again, for lines posted late.
public struct LazadaTransactionsStream: WindowedStream {
    public let session: LazadaSession
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.lazada) }
    public var accountID: String { String(session.sellerID) }
    public var name: String { "transactions" }
    public var table: RawTableContract { LazadaRawTables.transactions }
    public var windowLength: Int64 { Lazada.transactionWindowDays }
    public var policy: PassPolicy<BusinessDate> { .lookback(Lazada.transactionOverlapDays) }
    let calendar: BusinessCalendar

    public init(session: LazadaSession, calendar: BusinessCalendar, counters: RequestCounters) {
        self.session = session
        self.calendar = calendar
        self.counters = counters
    }

    /// Business days from `since` through the day of `until`.
    public func bounds(_ context: StreamContext) -> (since: BusinessDate, until: BusinessDate) {
        (calendar.date(context.since), calendar.date(context.until).adding(days: 1))
    }

    public func fetchPage(_ request: WindowRequest<BusinessDate>) async throws -> (page: ParsedPage, next: String?) {
        let offset = request.cursor.flatMap(Int.init) ?? 0
        let call = Lazada.Requests.transactions(from: request.start, through: request.end.adding(days: -1), offset: offset)
        let scanner = JSONScanner([UInt8](try await session.send(call)))
        guard let data = try? scanner.value(at: ["data"]) else {
            throw ConnectorError(.invalidResponse, platform: .lazada, endpoint: call.path, message: "data is missing")
        }
        let lines: [Range<Int>]
        if scanner.text(data) == "null" {
            lines = []
        } else if let elements = try? scanner.elements(of: data) {
            lines = elements
        } else {
            throw ConnectorError(.invalidResponse, platform: .lazada, endpoint: call.path, message: "data is not an array")
        }
        let parser = LazadaTransactionParser(sellerID: accountID)
        var page = ParsedPage()
        for line in lines { page.append(parser.parse(scanner, line)) }
        // No total is given: a full page may have a next one, a shorter page is the window's last.
        return (page, lines.count < Lazada.transactionPageSize ? nil : String(offset + lines.count))
    }
}
