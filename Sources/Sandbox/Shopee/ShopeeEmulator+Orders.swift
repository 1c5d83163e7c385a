import Hummingbird
import OmnidashCore

/// The key of a computed `get_order_list` result, cached so that paging through it costs one computation.
struct OrderListQuery: Hashable, Sendable {
    let shopID: Int64
    let field: String
    let from: Int64
    let to: Int64
    let status: String?
}

struct OrderListEntry: Sendable {
    let orderSN: String
    let status: ShopeeOrderStatus
}

/// `v2.order.get_order_list` and `v2.order.get_order_detail`.
extension ShopeeEmulator {
    /// Longest window `get_order_list` accepts: 15 days.
    static let maximumOrderListWindow: Int64 = 15 * 86_400

    /// The call's shop's orders whose `create_time` or current `update_time` lies in `[time_from, time_to]`,
    /// ascending by that time, paged with a cursor (`next_cursor` is `""` on the last page).
    func getOrderList(_ call: ShopCall) throws -> Response {
        let query = call.query
        guard let field = query["time_range_field"], !field.isEmpty else {
            throw ShopeeError.wrongParameters("time_range_field is required")
        }
        guard field == "create_time" || field == "update_time" else {
            throw ShopeeError.wrongParameters("time_range_field should be create_time or update_time")
        }
        let from = try integer("time_from", in: query)
        let to = try integer("time_to", in: query)
        let (span, overflow) = to.subtractingReportingOverflow(from)
        guard from <= to, !overflow, span <= ShopeeEmulator.maximumOrderListWindow else { throw ShopeeError.orderListInvalidTime }
        // Times outside any plausible order (before 2000 or after 2100) simply match nothing.
        guard (946_684_800...4_102_444_800).contains(from) else {
            return envelope { writer in
                writer.beginObject()
                writer.field("more", false)
                writer.field("next_cursor", "")
                writer.key("order_list")
                writer.beginArray()
                writer.endArray()
                writer.endObject()
            }
        }
        let pageSize = try integer("page_size", in: query)
        guard (1...100).contains(pageSize) else { throw ShopeeError.wrongParameters("page_size should be between 1 and 100") }
        let offset = try cursorOffset(query["cursor"])
        let status = query["order_status"].flatMap { $0.isEmpty ? nil : $0 }
        if let status, !ShopeeOrderStatus.listFilterValues.contains(status) {
            throw ShopeeError.wrongParameters("order_status \(status) is invalid")
        }
        let withStatus = list("response_optional_fields", in: query).contains("order_status")
        let entries = orderList(OrderListQuery(shopID: call.shop.shopID, field: field, from: from, to: to, status: status),
                                shop: call.shop)
        let page = entries.dropFirst(offset).prefix(Int(pageSize))
        let end = offset + page.count
        let more = end < entries.count
        return envelope { writer in
            writer.beginObject()
            writer.field("more", more)
            writer.field("next_cursor", more ? String(end) : "")
            writer.key("order_list")
            writer.beginArray()
            for entry in page {
                writer.beginObject()
                writer.field("order_sn", entry.orderSN)
                if withStatus { writer.field("order_status", entry.status.rawValue) }
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
    }

    /// Up to 50 orders of the call's shop by serial, with the optional fields named in `response_optional_fields`;
    /// another shop's serials are not found, as on Shopee.
    func getOrderDetail(_ call: ShopCall) throws -> Response {
        let serials = list("order_sn_list", in: call.query)
        guard !serials.isEmpty else { throw ShopeeError.wrongParameters("order_sn_list is required") }
        guard serials.count <= 50 else { throw ShopeeError.wrongParameters("order_sn_list should contain 1 to 50 order_sn") }
        let fields = Set(list("response_optional_fields", in: call.query))
        let renderer = ShopeeOrderRenderer(world: world, shop: call.shop)
        var found: [SimulatedOrder] = []
        var missing: [String] = []
        for serial in serials {
            if let order = world.order(number: serial, shop: call.shop) { found.append(order) } else { missing.append(serial) }
        }
        var forceMalformed = call.forceMalformedOrder
        let warning = missing.isEmpty ? nil : "order_sn not found: " + missing.joined(separator: ",")
        return envelope(warning: warning) { writer in
            writer.beginObject()
            writer.key("order_list")
            writer.beginArray()
            for order in found {
                let malformation = faults.malformation(.shopee, forced: forceMalformed, kinds: ShopeeOrderRenderer.Malformation.allCases)
                forceMalformed = false
                renderer.write(order, fields: fields, malformation: malformation, into: &writer)
            }
            writer.endArray()
            writer.endObject()
        }
    }

    private func cursorOffset(_ cursor: String?) throws -> Int {
        // An absent cursor, an empty one, or the literal `""` some clients send (as in the doc's request sample) all
        // mean the first page.
        guard let cursor, !cursor.isEmpty, cursor != "\"\"" else { return 0 }
        guard let offset = Int(cursor), offset >= 0 else { throw ShopeeError.wrongParameters("cursor is invalid") }
        return offset
    }

    private func orderList(_ query: OrderListQuery, shop: SandboxShop) -> [OrderListEntry] {
        if let cached = orderLists.withLock({ $0.value(for: query) }) { return cached }
        let calendar = world.calendar
        let now = world.nowUnix
        let byUpdate = query.field == "update_time"
        // An order updated inside the window may have been created up to its longest life before it.
        let firstDay = calendar.date(unixSeconds: byUpdate ? query.from - OrderDayGenerator.longestLife : query.from)
        let lastDay = min(calendar.date(unixSeconds: query.to), world.asOf.adding(days: -1))
        var matches: [(time: Int64, entry: OrderListEntry)] = []
        if firstDay <= lastDay {
            for day in firstDay...lastDay {
                for order in world.orders(on: day, shop: shop) {
                    let event = order.event(at: now)
                    let time = byUpdate ? event.time : order.createTime
                    guard time >= query.from, time <= query.to else { continue }
                    let status = ShopeeOrderStatus(event.status)
                    if let wanted = query.status, wanted != status.rawValue { continue }
                    matches.append((time, OrderListEntry(orderSN: order.orderSN, status: status)))
                }
            }
        }
        matches.sort { $0.time != $1.time ? $0.time < $1.time : $0.entry.orderSN < $1.entry.orderSN }
        let entries = matches.map(\.entry)
        orderLists.withLock { $0.insert(entries, for: query) }
        return entries
    }
}
