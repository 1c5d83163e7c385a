import Foundation
import Hummingbird
import OmnidashCore

/// The key of a computed `/orders/get` result, cached so that paging through it costs one computation.
struct LazadaOrderQuery: Hashable, Sendable {
    let byUpdate: Bool
    let after: Int64
    let before: Int64?
    let status: String?
    let ascending: Bool
}

/// `/orders/get`, `/order/get`, `/order/items/get` and `/orders/items/get` (ecommerce-apis.md §2.3).
extension LazadaEmulator {
    /// `limit` is at most 100; `offset` may not pass 5,000 (the official GetOrders tutorial): a client narrows its
    /// window instead.
    static let maximumOffset = 5_000
    static let statusFilters: Set<String> = [
        "all", "unpaid", "pending", "packed", "repacked", "ready_to_ship", "shipped", "delivered", "failed", "failed_delivery",
        "canceled", "returned", "lost", "lost_by_3pl", "damaged_by_3pl", "shipped_back", "shipped_back_success",
        "shipped_back_failed", "package_scrapped", "topack", "toship", "shipping",
    ]

    func getOrders(_ call: Call) throws -> Response {
        let parameters = call.parameters
        func instant(_ name: String) throws -> Int64? {
            guard let text = parameters[name], !text.isEmpty else { return nil }
            guard let value = LazadaTime.parse(text) else { throw LazadaError.invalidDateFormat(text) }
            return value
        }
        let createdAfter = try instant("created_after"), updateAfter = try instant("update_after")
        guard createdAfter != nil || updateAfter != nil else { throw LazadaError.missingParameter("created_after") }
        let byUpdate = createdAfter == nil
        let status = parameters["status"].flatMap { $0.isEmpty || $0 == "all" ? nil : $0 }
        if let status, !Self.statusFilters.contains(status) {
            throw LazadaError(type: "ISV", code: "36", message: "E036: Invalid status filter")
        }
        let sortDirection = parameters["sort_direction"] ?? "DESC"
        guard sortDirection == "ASC" || sortDirection == "DESC" else {
            throw LazadaError(type: "ISV", code: "74", message: "E074: Invalid sort direction")
        }
        if let sortBy = parameters["sort_by"], !["created_at", "updated_at"].contains(sortBy) {
            throw LazadaError(type: "ISV", code: "75", message: "E075: Invalid sort filter")
        }
        let offset = try integer("offset", in: parameters, default: 0, range: 0...Self.maximumOffset, error: .invalidOffset)
        let limit = try integer("limit", in: parameters, default: 100, range: 1...100, error: .invalidLimit)
        guard offset + limit <= Self.maximumOffset + 100 else { throw LazadaError.invalidOffset }
        let query = LazadaOrderQuery(byUpdate: byUpdate, after: byUpdate ? updateAfter! : createdAfter!,
                                     before: try instant(byUpdate ? "update_before" : "created_before"), status: status,
                                     ascending: sortDirection == "ASC")
        let orders = matching(query, sortByUpdate: (parameters["sort_by"] ?? "created_at") == "updated_at")
        let page = orders.dropFirst(offset).prefix(limit)
        let renderer = LazadaOrderRenderer(world: world, shop: shop)
        return envelope { writer in
            writer.beginObject()
            writer.field("count", String(page.count))
            writer.field("countTotal", String(orders.count))
            writer.key("orders")
            writer.beginArray()
            for order in page {
                let malformation = faults.malformation(.lazada, forced: call.forceMalformed, kinds: LazadaOrderRenderer.Malformation.allCases)
                renderer.writeOrder(order, malformation: malformation, into: &writer)
            }
            writer.endArray()
            writer.endObject()
        }
    }

    func getOrder(_ call: Call) throws -> Response {
        let order = try find(call.parameters["order_id"])
        let renderer = LazadaOrderRenderer(world: world, shop: shop)
        return envelope { renderer.writeOrder(order, malformation: nil, into: &$0) }
    }

    /// `data` is the order's items, as an array.
    func getOrderItems(_ call: Call) throws -> Response {
        let order = try find(call.parameters["order_id"])
        let renderer = LazadaOrderRenderer(world: world, shop: shop)
        return envelope { writer in
            writer.beginArray()
            renderer.writeItems(order, into: &writer)
            writer.endArray()
        }
    }

    /// `order_ids` is a JSON array of at most 50 ids; `data[]` holds `{order_id, order_number, order_items[]}`.
    func getMultipleOrderItems(_ call: Call) throws -> Response {
        guard let text = call.parameters["order_ids"], !text.isEmpty else { throw LazadaError.missingParameter("order_ids") }
        guard text.hasPrefix("["), text.hasSuffix("]") else { throw LazadaError.invalidOrderIDs }
        let ids = text.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !ids.isEmpty, ids.count <= 50, ids.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            throw LazadaError.invalidOrderIDs
        }
        let renderer = LazadaOrderRenderer(world: world, shop: shop)
        let orders = ids.compactMap { world.order(number: $0, shop: shop) }
        return envelope { writer in
            writer.beginArray()
            for order in orders {
                writer.beginObject()
                writer.field("order_id", order.orderSN)
                writer.field("order_number", order.orderSN)
                writer.key("order_items")
                writer.beginArray()
                renderer.writeItems(order, into: &writer)
                writer.endArray()
                writer.endObject()
            }
            writer.endArray()
        }
    }

    private func find(_ id: String?) throws -> SimulatedOrder {
        guard let id, !id.isEmpty else { throw LazadaError.missingParameter("order_id") }
        guard let order = world.order(number: id, shop: shop) else {
            throw LazadaError(type: "ISV", code: "16", message: "E016: Invalid Order ID")
        }
        return order
    }

    /// Orders created, or last updated, inside the window, with the status filter applied, sorted.
    private func matching(_ query: LazadaOrderQuery, sortByUpdate: Bool) -> [SimulatedOrder] {
        let cached = orderLists.withLock { $0.value(for: query) } ?? {
            let renderer = LazadaOrderRenderer(world: world, shop: shop)
            let calendar = world.calendar
            // An order updated inside the window may have been created up to its longest life before it.
            let firstDay = calendar.date(unixSeconds: query.byUpdate ? query.after - OrderDayGenerator.longestLife : query.after)
            let lastDay = min(query.before.map { calendar.date(unixSeconds: $0) } ?? world.asOf, world.asOf.adding(days: -1))
            var found: [SimulatedOrder] = []
            if firstDay <= lastDay {
                for day in firstDay...lastDay {
                    for order in world.orders(on: day, shop: shop) {
                        let time = query.byUpdate ? renderer.updatedAt(order) : order.createTime
                        guard time >= query.after, query.before.map({ time <= $0 }) ?? true else { continue }
                        if let status = query.status, !renderer.statuses(order).contains(status) { continue }
                        found.append(order)
                    }
                }
            }
            orderLists.withLock { $0.insert(found, for: query) }
            return found
        }()
        let renderer = LazadaOrderRenderer(world: world, shop: shop)
        func key(_ order: SimulatedOrder) -> Int64 { sortByUpdate ? renderer.updatedAt(order) : order.createTime }
        return cached.sorted { lhs, rhs in
            let (a, b) = (key(lhs), key(rhs))
            if a != b { return query.ascending ? a < b : a > b }
            return query.ascending ? lhs.orderSN < rhs.orderSN : lhs.orderSN > rhs.orderSN
        }
    }
}
