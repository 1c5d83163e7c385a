import Foundation
import OmnidashCore
import Warehouse

/// TikTok Shop returns and refunds: TikTok keeps a returned order's status (`COMPLETED`) and reports the refund only
/// here, so staging reads both. Walked like the orders: creation times first, then update times.
public struct TikTokShopReturnsStream: WindowedStream {
    public let session: TikTokShopSession
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.tiktokShop) }
    public var accountID: String { session.shopID }
    public var name: String { "returns" }
    public var table: RawTableContract { TikTokShopRawTables.returns }
    public var windowLength: Int64 { TikTokShop.windowSeconds }
    public var policy: PassPolicy<Int64> { .incremental(backfill: "created", incremental: "updated", overlap: 3_600) }

    public init(session: TikTokShopSession, counters: RequestCounters) {
        self.session = session
        self.counters = counters
    }

    public func bounds(_ context: StreamContext) -> (since: Int64, until: Int64) {
        (Int64(context.since.timeIntervalSince1970), Int64(context.until.timeIntervalSince1970))
    }

    public func fetchPage(_ request: WindowRequest<Int64>) async throws -> (page: ParsedPage, next: String?) {
        let call = TikTokShop.Requests.returns(byUpdate: request.field == "updated", start: request.start, end: request.end,
                                               pageToken: request.cursor)
        let (scanner, returns, next) = try await session.searchPage(call, list: "return_orders")
        let parser = TikTokShopReturnParser(shopID: accountID)
        var page = ParsedPage()
        for record in returns { page.append(parser.parse(scanner, record)) }
        return (page, next)
    }
}
