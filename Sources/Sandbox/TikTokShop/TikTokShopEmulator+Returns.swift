import Foundation
import Hummingbird
import OmnidashCore

/// `POST /return_refund/202309/returns/search` (ecommerce-apis.md §3.5): the returns of the shop's orders as they
/// stand at the world's "now" (`TikTokShopReturn`).
extension TikTokShopEmulator {
    /// Returns matching the body's filters (`order_ids`, `return_ids`, `return_status` lists; `create_time_ge/lt`,
    /// `update_time_ge/lt` half-open), sorted by `sort_field` (`create_time` by default, or `update_time`) and
    /// `sort_order` (`DESC` by default), paged by `page_size` (1–100, required) and `page_token`.
    func searchReturns(_ call: Call) throws -> Response {
        let size = try pageSize(call.query)
        let (byUpdate, ascending) = try sorting(call.query)
        let orderIDs = try Self.strings("order_ids", in: call.body)
        let returnIDs = try Self.strings("return_ids", in: call.body)
        let statuses = try Self.strings("return_status", in: call.body)
        if let statuses, let unknown = statuses.first(where: { TikTokShopReturn.Status(rawValue: $0) == nil }) {
            throw TikTokShopError.invalidParameter("`return_status` \(unknown) is not a return status.")
        }
        let createGE = try Self.time("create_time_ge", in: call.body), createLT = try Self.time("create_time_lt", in: call.body)
        let updateGE = try Self.time("update_time_ge", in: call.body), updateLT = try Self.time("update_time_lt", in: call.body)

        let now = world.nowUnix
        var orders: [SimulatedOrder]
        if orderIDs != nil || returnIDs != nil {
            var found: [String: SimulatedOrder] = [:]
            for id in orderIDs ?? [] { if let order = world.order(number: id, shop: shop) { found[order.orderSN] = order } }
            for id in returnIDs ?? [] {
                guard let (day, index) = TikTokShopReturn.orderKey(id) else { continue }
                let dayOrders = world.orders(on: day, shop: shop)
                if index < dayOrders.count, TikTokShopReturn(dayOrders[index])?.returnID == id {
                    found[dayOrders[index].orderSN] = dayOrders[index]
                }
            }
            orders = Array(found.values)
        } else {
            // A return is asked for after its order is created and closes within the order's longest life.
            let lowest = [createGE, updateGE].compactMap { $0 }.max()
            let highest = [createLT, updateLT].compactMap { $0 }.min()
            orders = candidateDays(createGE: nil, createLT: highest, updateGE: lowest, updateLT: nil)
                .flatMap { world.orders(on: $0, shop: shop) }
        }
        func within(_ time: Int64, _ ge: Int64?, _ lt: Int64?) -> Bool { time >= (ge ?? .min) && time < (lt ?? .max) }
        var returns: [(order: SimulatedOrder, value: TikTokShopReturn)] = []
        for order in orders {
            guard let value = TikTokShopReturn(order), value.exists(at: now) else { continue }
            if let orderIDs, !orderIDs.contains(order.orderSN) { continue }
            if let returnIDs, !returnIDs.contains(value.returnID) { continue }
            if let statuses, !statuses.contains(value.status(at: now).rawValue) { continue }
            guard within(value.requestTime, createGE, createLT), within(value.updateTime(at: now), updateGE, updateLT) else { continue }
            returns.append((order, value))
        }
        returns.sort { lhs, rhs in
            let (a, b) = byUpdate ? (lhs.value.updateTime(at: now), rhs.value.updateTime(at: now))
                : (lhs.value.requestTime, rhs.value.requestTime)
            if a != b { return ascending ? a < b : a > b }
            return ascending ? lhs.value.returnID < rhs.value.returnID : lhs.value.returnID > rhs.value.returnID
        }
        let filters = [createGE, createLT, updateGE, updateLT].map { $0.map(String.init) ?? "-" }.joined(separator: ",")
        let fingerprint = "returns|\(filters)|\(orderIDs ?? [])|\(returnIDs ?? [])|\(statuses ?? [])|\(byUpdate)|\(ascending)|\(size)"
        let offset = try TikTokShopPageToken.offset(call.query["page_token"], query: fingerprint)
        let page = returns.dropFirst(offset).prefix(size)
        let end = offset + page.count
        let renderer = TikTokShopOrderRenderer(world: world, shop: shop)
        return envelope(call) { writer in
            writer.beginObject()
            writer.field("next_page_token", end < returns.count ? TikTokShopPageToken.make(offset: end, query: fingerprint) : "")
            writer.field("total_count", returns.count)
            writer.key("return_orders")
            writer.beginArray()
            for entry in page { writeReturn(entry.value, of: entry.order, renderer: renderer, into: &writer) }
            writer.endArray()
            writer.endObject()
        }
    }

    private func writeReturn(_ value: TikTokShopReturn, of order: SimulatedOrder, renderer: TikTokShopOrderRenderer,
                             into writer: inout JSONWriter) {
        let now = world.nowUnix
        let status = value.status(at: now)
        let reason = TikTokShopReturn.reasons[value.reasonIndex]
        let units = renderer.units(order)
        let subtotal = units.reduce(Int64(0)) { $0 + $1.line.discountedPriceMinor }
        writer.beginObject()
        writer.field("return_id", value.returnID)
        writer.field("order_id", order.orderSN)
        writer.field("return_type", "RETURN_AND_REFUND")
        writer.field("return_status", status.rawValue)
        writer.field("return_reason", reason.code)
        writer.field("return_reason_text", reason.text)
        writer.field("role", "BUYER")
        writer.field("create_time", value.requestTime)
        writer.field("update_time", value.updateTime(at: now))
        if status == .buyerShippedItem || status == .complete {
            writer.field("return_tracking_number", "TH" + TikTokShopReturn.padded(Int(value.shipBackTime % 1_000_000_000), 10))
            writer.field("return_provider_name", order.carrier)
        }
        writeRefund(subtotal: subtotal, into: &writer)
        writer.key("return_line_items")
        writer.beginArray()
        for (number, unit) in units.enumerated() {
            let catalogUnit = world.catalog.units[unit.line.unit]
            let product = world.catalog.products[catalogUnit.productIndex]
            let model = product.models[catalogUnit.modelIndex]
            writer.beginObject()
            writer.field("return_line_item_id", String(value.returnID.prefix(16)) + TikTokShopReturn.padded(number + 1, 3))
            writer.field("order_line_item_id", unit.id)
            writer.field("sku_id", String(world.catalog.variantID(catalogUnit.productIndex, model: catalogUnit.modelIndex, on: shop)))
            writer.field("seller_sku", world.catalog.sku(model, on: shop))
            writer.field("product_name", product.name)
            writer.field("sku_name", model.name.isEmpty ? "Default" : model.name)
            writer.field("product_image", TikTokShopOrderRenderer.imageURL(productIndex: catalogUnit.productIndex))
            writeRefund(subtotal: unit.line.discountedPriceMinor, into: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    /// The buyer gets back what they paid for the goods; the shipping fee is not refunded.
    private func writeRefund(subtotal: Int64, into writer: inout JSONWriter) {
        writer.key("refund_amount")
        writer.beginObject()
        writer.field("currency", shop.currency)
        writer.field("refund_total", TikTokShopOrderRenderer.amount(subtotal))
        writer.field("refund_subtotal", TikTokShopOrderRenderer.amount(subtotal))
        writer.field("refund_shipping_fee", "0")
        writer.field("refund_tax", "0")
        writer.endObject()
    }

    /// A list of strings from the JSON body, `nil` when absent.
    static func strings(_ name: String, in body: [String: Any]) throws -> [String]? {
        guard let value = body[name], !(value is NSNull) else { return nil }
        guard let list = value as? [String] else { throw TikTokShopError.invalidParameter("`\(name)` must be a list of strings.") }
        return list
    }
}
