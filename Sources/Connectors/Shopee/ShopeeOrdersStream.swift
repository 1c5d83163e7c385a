import Foundation
import OmnidashCore
import Warehouse

/// Shopee orders: a first pass over creation times back to `since`, then passes over update times from where
/// the last pass ended, so status changes (cancellations, returns, completions) arrive too.
///
/// Passes are cut into windows of at most 15 days, listed 100 orders a page, and detailed 50 at a time.
public struct ShopeeOrdersStream: WindowedStream {
    public let session: ShopeeSession
    public let parser: ShopeeOrderParser
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.shopee) }
    public var accountID: String { String(shopID) }
    public var name: String { "orders" }
    public var table: RawTableContract { ShopeeRawTables.orders }
    public var windowLength: Int64 { Shopee.maxOrderWindowSeconds }
    /// Orders updated while the previous pass ran are caught by starting the next pass an hour earlier.
    public var policy: PassPolicy<Int64> {
        .incremental(backfill: Shopee.Requests.TimeField.createTime.rawValue,
                     incremental: Shopee.Requests.TimeField.updateTime.rawValue, overlap: 3600)
    }
    let shopID: Int64

    public init(session: ShopeeSession, shopID: Int64, parser: ShopeeOrderParser, counters: RequestCounters) {
        self.session = session
        self.shopID = shopID
        self.parser = parser
        self.counters = counters
    }

    public func bounds(_ context: StreamContext) -> (since: Int64, until: Int64) {
        (Int64(context.since.timeIntervalSince1970), Int64(context.until.timeIntervalSince1970))
    }

    public func fetchPage(_ request: WindowRequest<Int64>) async throws -> (page: ParsedPage, next: String?) {
        let field = request.field.flatMap(Shopee.Requests.TimeField.init(rawValue:)) ?? .createTime
        let listCall = Shopee.Requests.orderList(field: field, from: request.start, to: request.end, cursor: request.cursor ?? "")
        let list = try decodeResponse(Shopee.Envelope<Shopee.OrderListPage>.self, try await session.send(listCall),
                                      platform: .shopee, endpoint: listCall.path)
        guard let listed = list.response else {
            throw ConnectorError(.invalidResponse, platform: .shopee, endpoint: listCall.path, message: "response is missing")
        }
        var page = ParsedPage()
        let orderSNs = listed.orderList.map(\.orderSN)
        for start in stride(from: 0, to: orderSNs.count, by: Shopee.detailBatchSize) {
            let batch = Array(orderSNs[start..<min(start + Shopee.detailBatchSize, orderSNs.count)])
            let detailCall = Shopee.Requests.orderDetail(orderSNs: batch)
            let scanner = JSONScanner([UInt8](try await session.send(detailCall)))
            guard let list = try? scanner.value(at: ["response", "order_list"]), let elements = try? scanner.elements(of: list) else {
                throw ConnectorError(.invalidResponse, platform: .shopee, endpoint: detailCall.path,
                                     message: "response.order_list is missing or not an array")
            }
            for element in elements { page.append(parser.parse(scanner, element, shopID: accountID)) }
        }
        return (page, listed.more ? listed.nextCursor : nil)
    }
}
