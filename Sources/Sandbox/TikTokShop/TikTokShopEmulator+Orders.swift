import Foundation
import Hummingbird
import OmnidashCore

/// The key of a computed order search, cached so that paging through it costs one computation. Bounds are Unix
/// seconds, half-open: `[ge, lt)`.
struct TikTokShopOrderQuery: Hashable, Sendable, CustomStringConvertible {
    var createGE: Int64?
    var createLT: Int64?
    var updateGE: Int64?
    var updateLT: Int64?
    var status: String?

    var description: String {
        [createGE, createLT, updateGE, updateLT].map { $0.map(String.init) ?? "-" }.joined(separator: ",") + "," + (status ?? "-")
    }
}

/// `POST /order/202309/orders/search` and `GET /order/202309/orders` (ecommerce-apis.md §3.3).
extension TikTokShopEmulator {
    /// A search without any time bound covers the last 90 days: the Sandbox generates history on demand and does not
    /// enumerate a shop's whole past.
    static let defaultHistory: Int64 = 90 * 86_400
    static let maximumDetailIDs = 50

    /// Orders matching the body's filters, sorted by `sort_field` (`create_time` by default, or `update_time`) and
    /// `sort_order` (`DESC` by default), paged by `page_size` (1–100, required) and `page_token`; `next_page_token` is
    /// `""` on the last page. The world is frozen at its "now", so pages of one query never shift.
    func searchOrders(_ call: Call) throws -> Response {
        let size = try pageSize(call.query)
        let (byUpdate, ascending) = try sorting(call.query)
        var query = TikTokShopOrderQuery()
        query.createGE = try Self.time("create_time_ge", in: call.body)
        query.createLT = try Self.time("create_time_lt", in: call.body)
        query.updateGE = try Self.time("update_time_ge", in: call.body)
        query.updateLT = try Self.time("update_time_lt", in: call.body)
        if let status = call.body["order_status"] {
            guard let text = status as? String, TikTokShopOrderRenderer.statuses.contains(text) else {
                throw TikTokShopError.invalidParameter("`order_status` is not an order status.")
            }
            query.status = text
        }
        let renderer = TikTokShopOrderRenderer(world: world, shop: shop)
        let orders = sorted(matching(query), byUpdate: byUpdate, ascending: ascending, renderer: renderer)
        let fingerprint = "orders|\(query)|\(byUpdate)|\(ascending)|\(size)"
        let offset = try TikTokShopPageToken.offset(call.query["page_token"], query: fingerprint)
        let page = orders.dropFirst(offset).prefix(size)
        let end = offset + page.count
        return envelope(call) { writer in
            writer.beginObject()
            writer.field("next_page_token", end < orders.count ? TikTokShopPageToken.make(offset: end, query: fingerprint) : "")
            writer.field("total_count", orders.count)
            writer.key("orders")
            writer.beginArray()
            for order in page {
                let malformation = faults.malformation(.tiktokShop, forced: call.forceMalformed,
                                                       kinds: TikTokShopOrderRenderer.Malformation.allCases)
                renderer.writeOrder(order, malformation: malformation, into: &writer)
            }
            writer.endArray()
            writer.endObject()
        }
    }

    /// Up to 50 orders by id, comma-joined in one `ids` parameter; unknown ids are left out.
    func orderDetail(_ call: Call) throws -> Response {
        let ids = (call.query["ids"] ?? "").split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard ids.count >= 1, ids != [""] else { throw TikTokShopError.invalidParameter("`ids` is required.") }
        guard ids.count <= Self.maximumDetailIDs else {
            throw TikTokShopError.invalidParameter("`ids` can hold at most \(Self.maximumDetailIDs) order ids.")
        }
        guard ids.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            throw TikTokShopError.invalidParameter("`ids` must be order ids separated by commas.")
        }
        let renderer = TikTokShopOrderRenderer(world: world, shop: shop)
        let orders = ids.compactMap { world.order(number: $0, shop: shop) }
        return envelope(call) { writer in
            writer.beginObject()
            writer.key("orders")
            writer.beginArray()
            for order in orders { renderer.writeOrder(order, malformation: nil, into: &writer) }
            writer.endArray()
            writer.endObject()
        }
    }

    /// `sort_field` and `sort_order`: whether to sort by update time, and whether ascending.
    func sorting(_ query: QueryParameters) throws -> (byUpdate: Bool, ascending: Bool) {
        let field = query["sort_field"].flatMap { $0.isEmpty ? nil : $0 } ?? "create_time"
        guard field == "create_time" || field == "update_time" else {
            throw TikTokShopError.invalidParameter("`sort_field` must be create_time or update_time.")
        }
        let order = query["sort_order"].flatMap { $0.isEmpty ? nil : $0 } ?? "DESC"
        guard order == "ASC" || order == "DESC" else { throw TikTokShopError.invalidParameter("`sort_order` must be ASC or DESC.") }
        return (field == "update_time", order == "ASC")
    }

    /// A Unix-seconds filter from the JSON body, `nil` when absent.
    static func time(_ name: String, in body: [String: Any]) throws -> Int64? {
        guard let value = body[name], !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, let seconds = Int64(exactly: number.doubleValue), seconds >= 0 else {
            throw TikTokShopError.invalidParameter("`\(name)` must be a Unix timestamp in seconds.")
        }
        return seconds
    }

    /// The business days whose orders may fall inside the bounds, given that an order's last change is at most its
    /// longest life after its creation; the last 90 days when nothing bounds the search from below.
    func candidateDays(createGE: Int64?, createLT: Int64?, updateGE: Int64?, updateLT: Int64?) -> [BusinessDate] {
        let calendar = world.calendar
        var lower = world.nowUnix - Self.defaultHistory
        if createGE != nil || updateGE != nil {
            lower = max(createGE ?? .min, updateGE.map { $0 - OrderDayGenerator.longestLife } ?? .min)
        }
        var upper = world.nowUnix - 1
        if let createLT { upper = min(upper, createLT - 1) }
        if let updateLT { upper = min(upper, updateLT - 1) }
        guard lower <= upper else { return [] }
        let first = calendar.date(unixSeconds: lower), last = calendar.date(unixSeconds: upper)
        return first <= last ? Array(first...last) : []
    }

    private func matching(_ query: TikTokShopOrderQuery) -> [SimulatedOrder] {
        if let cached = orderLists.withLock({ $0.value(for: query) }) { return cached }
        let renderer = TikTokShopOrderRenderer(world: world, shop: shop)
        func within(_ time: Int64, _ ge: Int64?, _ lt: Int64?) -> Bool { time >= (ge ?? .min) && time < (lt ?? .max) }
        var found: [SimulatedOrder] = []
        for day in candidateDays(createGE: query.createGE, createLT: query.createLT, updateGE: query.updateGE, updateLT: query.updateLT) {
            for order in world.orders(on: day, shop: shop)
            where within(order.createTime, query.createGE, query.createLT)
                && within(renderer.updateTime(order), query.updateGE, query.updateLT)
                && (query.status.map { renderer.status(order) == $0 } ?? true) {
                found.append(order)
            }
        }
        orderLists.withLock { $0.insert(found, for: query) }
        return found
    }

    private func sorted(_ orders: [SimulatedOrder], byUpdate: Bool, ascending: Bool,
                        renderer: TikTokShopOrderRenderer) -> [SimulatedOrder] {
        let keyed = orders.map { (key: byUpdate ? renderer.updateTime($0) : $0.createTime, order: $0) }
        return keyed.sorted { lhs, rhs in
            if lhs.key != rhs.key { return ascending ? lhs.key < rhs.key : lhs.key > rhs.key }
            return ascending ? lhs.order.orderSN < rhs.order.orderSN : lhs.order.orderSN > rhs.order.orderSN
        }.map(\.order)
    }
}
