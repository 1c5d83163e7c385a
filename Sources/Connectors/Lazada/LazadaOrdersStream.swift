import Foundation
import OmnidashCore
import Warehouse

/// Lazada orders: a first pass over creation times back to `since`, then passes over update times from where the last
/// pass ended, so item status changes (cancellations, deliveries, returns) arrive too.
///
/// Passes are cut into 3-day windows (the gateway refuses offsets past 5,000), listed 100 orders a page, and each
/// page's items fetched 50 orders at a time; an order is stored with its items.
public struct LazadaOrdersStream: WindowedStream {
    public let session: LazadaSession
    public let parser: LazadaOrderParser
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.lazada) }
    public var accountID: String { String(session.sellerID) }
    public var name: String { "orders" }
    public var table: RawTableContract { LazadaRawTables.orders }
    public var windowLength: Int64 { Lazada.orderWindowSeconds }
    /// Orders updated while the previous pass ran are caught by starting the next pass an hour earlier.
    public var policy: PassPolicy<Int64> { .incremental(backfill: "created", incremental: "updated", overlap: 3_600) }
    let zone: TimeZone

    public init(session: LazadaSession, parser: LazadaOrderParser, calendar: BusinessCalendar, counters: RequestCounters) {
        self.session = session
        self.parser = parser
        self.zone = calendar.timeZone
        self.counters = counters
    }

    public func bounds(_ context: StreamContext) -> (since: Int64, until: Int64) {
        (Int64(context.since.timeIntervalSince1970), Int64(context.until.timeIntervalSince1970))
    }

    public func fetchPage(_ request: WindowRequest<Int64>) async throws -> (page: ParsedPage, next: String?) {
        let offset = request.cursor.flatMap(Int.init) ?? 0
        // `*_before` is inclusive; the window's end belongs to the next window.
        let call = Lazada.Requests.orders(byUpdate: request.field == "updated", from: LazadaTimestamp.format(request.start, in: zone),
                                          to: LazadaTimestamp.format(request.end - 1, in: zone), offset: offset)
        let scanner = JSONScanner([UInt8](try await session.send(call)))
        guard let list = try? scanner.value(at: ["data", "orders"]), let orders = try? scanner.elements(of: list) else {
            throw ConnectorError(.invalidResponse, platform: .lazada, endpoint: call.path, message: "data.orders is missing or not an array")
        }
        let total = (try? scanner.value(at: ["data", "countTotal"])).flatMap { $0 }.flatMap { scanner.string($0) ?? scanner.text($0) }
            .flatMap { Int($0) } ?? 0
        let ids = orders.compactMap { order in
            (try? scanner.members(of: order))?.first { $0.key == "order_id" }.map { scanner.string($0.value) ?? scanner.text($0.value) }
        }
        var items: [String: [Range<Int>]] = [:]
        var itemScanners: [String: JSONScanner] = [:]
        for start in stride(from: 0, to: ids.count, by: Lazada.itemsBatchSize) {
            let batch = Array(ids[start..<min(start + Lazada.itemsBatchSize, ids.count)])
            let itemsCall = Lazada.Requests.orderItems(batch)
            let itemScanner = JSONScanner([UInt8](try await session.send(itemsCall)))
            guard let data = try? itemScanner.value(at: ["data"]), let entries = try? itemScanner.elements(of: data) else {
                throw ConnectorError(.invalidResponse, platform: .lazada, endpoint: itemsCall.path, message: "data is missing or not an array")
            }
            for entry in entries {
                let members = (try? itemScanner.members(of: entry)) ?? []
                guard let id = members.first(where: { $0.key == "order_id" }).map({ itemScanner.string($0.value) ?? itemScanner.text($0.value) }),
                      let list = members.first(where: { $0.key == "order_items" }), let elements = try? itemScanner.elements(of: list.value)
                else { continue }
                items[id] = elements
                itemScanners[id] = itemScanner
            }
        }
        var page = ParsedPage()
        let empty = JSONScanner([])
        for (index, order) in orders.enumerated() {
            let id = index < ids.count ? ids[index] : ""
            page.append(parser.parse(scanner, order, items: items[id] ?? [], itemScanner: itemScanners[id] ?? empty, sellerID: accountID))
        }
        let next = offset + orders.count
        return (page, !orders.isEmpty && next < total ? String(next) : nil)
    }
}
