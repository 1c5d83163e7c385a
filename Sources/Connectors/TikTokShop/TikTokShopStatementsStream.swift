import Foundation
import OmnidashCore
import Warehouse

/// TikTok Shop's daily settlement statements (`/finance/202309/statements`), walked by `statement_time`: from `since`
/// on the first sync, then from where the last pass ended less two days, because a statement stays `PROCESSING` until
/// its money is paid out and only then reads `PAID`.
public struct TikTokShopStatementsStream: WindowedStream {
    public let session: TikTokShopSession
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.tiktokShop) }
    public var accountID: String { session.shopID }
    public var name: String { "statements" }
    public var table: RawTableContract { TikTokShopRawTables.statements }
    public var windowLength: Int64 { TikTokShop.windowSeconds }
    public var policy: PassPolicy<Int64> {
        .incremental(backfill: "statement_time", incremental: "statement_time", overlap: TikTokShop.statementOverlap)
    }

    public init(session: TikTokShopSession, counters: RequestCounters) {
        self.session = session
        self.counters = counters
    }

    public func bounds(_ context: StreamContext) -> (since: Int64, until: Int64) {
        (Int64(context.since.timeIntervalSince1970), Int64(context.until.timeIntervalSince1970))
    }

    public func fetchPage(_ request: WindowRequest<Int64>) async throws -> (page: ParsedPage, next: String?) {
        let call = TikTokShop.Requests.statements(start: request.start, end: request.end, pageToken: request.cursor)
        let (scanner, statements, next) = try await session.searchPage(call, list: "statements")
        let parser = TikTokShopFinanceParser(shopID: accountID)
        var page = ParsedPage()
        for record in statements { page.append(parser.statement(scanner, record)) }
        return (page, next)
    }
}
