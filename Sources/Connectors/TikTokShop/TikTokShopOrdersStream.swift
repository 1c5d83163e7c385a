import Foundation
import OmnidashCore
import Warehouse

/// TikTok Shop orders: a first pass over creation times back to `since`, then passes over update times from where the
/// last pass ended, so status changes (shipping, delivery, cancellation) arrive too. The search returns whole orders,
/// line items included, so no detail call is needed.
public struct TikTokShopOrdersStream: WindowedStream {
    public let session: TikTokShopSession
    public let parser: TikTokShopOrderParser
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.tiktokShop) }
    public var accountID: String { session.shopID }
    public var name: String { "orders" }
    public var table: RawTableContract { TikTokShopRawTables.orders }
    public var windowLength: Int64 { TikTokShop.windowSeconds }
    /// Orders updated while the previous pass ran are caught by starting the next pass an hour earlier.
    public var policy: PassPolicy<Int64> { .incremental(backfill: "created", incremental: "updated", overlap: 3_600) }

    public init(session: TikTokShopSession, parser: TikTokShopOrderParser, counters: RequestCounters) {
        self.session = session
        self.parser = parser
        self.counters = counters
    }

    public func bounds(_ context: StreamContext) -> (since: Int64, until: Int64) {
        (Int64(context.since.timeIntervalSince1970), Int64(context.until.timeIntervalSince1970))
    }

    public func fetchPage(_ request: WindowRequest<Int64>) async throws -> (page: ParsedPage, next: String?) {
        let call = TikTokShop.Requests.orders(byUpdate: request.field == "updated", start: request.start, end: request.end,
                                              pageToken: request.cursor)
        let (scanner, orders, next) = try await session.searchPage(call, list: "orders")
        var page = ParsedPage()
        for order in orders { page.append(parser.parse(scanner, order, shopID: accountID)) }
        return (page, next)
    }
}
