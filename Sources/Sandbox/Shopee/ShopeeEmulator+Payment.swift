import Foundation
import Hummingbird

/// `v2.payment.get_escrow_list`, `get_escrow_detail` and `get_escrow_detail_batch`: which orders of the call's shop
/// had their escrow released in a time range, and the accounting detail of one order, or of up to 50.
///
/// Sources: open.shopee.com raw API JSON for v2.payment.get_escrow_list (scraped in lazykern/ecommerce-api-docs):
/// request `release_time_from`, `release_time_to` (timestamps, required), `page_size` (max 100, default 40),
/// `page_no` (min 1, default 1); response `response{escrow_list[{order_sn, payout_amount, escrow_release_time}],
/// more}`; documented errors `error_param` "Invalid or missing page_size parameter…", "release_time_from and/or
/// release_time_to parameter is missing or invalid…", "…start date cannot be later than the end date.",
/// `order_not_found` "Order SN provided is invalid or does not belong to you…", `income_not_found` "The escrow
/// income not found.". get_escrow_detail: param `order_sn` (go-shopee-v2 GetEscrowDetailRequest), response as in
/// `ShopeeEscrowRenderer`.
///
/// Method: the doc JSON marks both APIs non-GET (`is_get_method: 0`, JSON request sample) and go-shopee-v2 POSTs
/// them, while most integrations found call them with GET and query parameters. The emulator accepts both: GET with
/// everything in the query, or POST with the common parameters in the query and the request parameters as a JSON
/// body, signed the same way (the body is not signed on Shopee).
///
/// Emulator choices (UNVERIFIED): an order not settled yet (or never: cancelled, returned) answers
/// `income_not_found` — Shopee itself shows a projected income before release; no maximum release-time window is
/// enforced.
extension ShopeeEmulator {
    static let paymentPaths: Set<String> = ["/api/v2/payment/get_escrow_list", "/api/v2/payment/get_escrow_detail"]

    static let orderNotFound = ShopeeError(
        code: "order_not_found", message: "Order SN provided is invalid or does not belong to you. Please enter a valid Order SN.")
    static let incomeNotFound = ShopeeError(code: "income_not_found", message: "The escrow income not found.")

    static let escrowDetailBatchPath = "/api/v2/payment/get_escrow_detail_batch"
    /// `get_escrow_detail_batch` answers at most this many orders a call.
    static let escrowBatchLimit = 50
    static let exceedsEscrowBatchLimit = ShopeeError(code: "exceed_max_limit", message: "Your request exceeds the max limit of 50 orders")
    static let orderListRequired = ShopeeError.param("order_sn_list is required, format should be string[]")

    /// The query with a POST's JSON body members added, for the payment APIs that take a body.
    static func merging(body: [UInt8], into query: QueryParameters) throws -> QueryParameters {
        guard !body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return query }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw ShopeeError.param("The request body is not a valid json format")
        }
        var merged = query
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            let text: String
            switch value {
            case let string as String: text = string
            case let number as NSNumber: text = number.stringValue
            default: throw ShopeeError.wrongParameters("\(name) has an invalid type")
            }
            merged = QueryParameters(merged.replacing(name, with: text))
        }
        return merged
    }

    func getEscrowList(_ call: ShopCall) throws -> Response {
        let query = call.query
        let missing = ShopeeError.param(
            "release_time_from and/or release_time_to parameter is missing or invalid. Please provide both a valid start date, and end date to query.")
        guard let from = query["release_time_from"].flatMap(Int64.init), let to = query["release_time_to"].flatMap(Int64.init) else {
            throw missing
        }
        guard from <= to else {
            throw ShopeeError.param(
                "release_time_from and/or release_time_to parameter is invalid. Please provide both a valid start date, and end date to query where start date cannot be later than the end date.")
        }
        let pageSize = try optionalInteger("page_size", in: query, default: 40, range: 1...100, error: ShopeeError.param(
            "Invalid page_size parameter. Please provide a valid value between 1 and 100. If left empty, the default value of 40 will be applied."))
        let pageNo = try optionalInteger("page_no", in: query, default: 1, range: 1...Int.max,
                                         error: ShopeeError.wrongParameters("page_no should be at least 1"))
        let released = (946_684_800...4_102_444_800).contains(from) ? world.settledOrders(shop: call.shop, from: from, to: to) : []
        let (start, overflow) = (pageNo - 1).multipliedReportingOverflow(by: pageSize)
        let page = overflow ? [] : Array(released.dropFirst(start).prefix(pageSize))
        let more = !overflow && start + page.count < released.count
        return envelope { writer in
            writer.beginObject()
            writer.field("more", more)
            writer.key("escrow_list")
            writer.beginArray()
            for entry in page {
                writer.beginObject()
                writer.field("order_sn", entry.order.orderSN)
                writer.amountField("payout_amount", minor: entry.settlement.settlementMinor)
                writer.field("escrow_release_time", entry.settlement.settlementTime ?? 0)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
    }

    func getEscrowDetail(_ call: ShopCall) throws -> Response {
        guard let serial = call.query["order_sn"], !serial.isEmpty else { throw ShopeeError.wrongParameters("order_sn is required") }
        // Another shop's order is as unknown here as a made-up one.
        guard let order = world.order(number: serial, shop: call.shop) else { throw Self.orderNotFound }
        let settlement = world.settlement(of: order)
        guard settlement.settled else { throw Self.incomeNotFound }
        let renderer = ShopeeEscrowRenderer(world: world, shop: call.shop)
        return envelope { renderer.write(order, settlement, into: &$0) }
    }

    /// `v2.payment.get_escrow_detail_batch`: `get_escrow_detail` for up to 50 orders in one call.
    ///
    /// Source: open.shopee.com v2.payment.get_escrow_detail_batch: `POST`, shop-level signing,
    /// JSON body `{"order_sn_list":["…"]}` (required, string array, at most 50); errors `exceed_max_limit` "Your request
    /// exceeds the max limit of 50 orders", `error_param` "order_sn_list is required, format should be string[]" and
    /// "body not valid json"; `response` an array of `{"escrow_detail":{…}}`, each the object `get_escrow_detail`
    /// returns (`ShopeeEscrowRenderer`).
    ///
    /// Emulator choices (UNVERIFIED): an order that is unknown to the call's shop (another shop's, made up) or not
    /// settled is left out of the array, where the single call would answer `order_not_found` or `income_not_found`
    /// for it, so the array can be shorter than the list; the others keep the list's order, and a repeated order
    /// number is answered as often as it is asked. An empty list is refused as a missing one. Only POST is served.
    func getEscrowDetailBatch(_ call: ShopCall, body: [UInt8]) throws -> Response {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) else { throw ShopeeError.param("body not valid json") }
        guard let list = (object as? [String: Any])?["order_sn_list"] as? [Any], !list.isEmpty else {
            throw Self.orderListRequired
        }
        let serials = try list.map { element in
            guard let serial = element as? String else { throw Self.orderListRequired }
            return serial
        }
        guard serials.count <= Self.escrowBatchLimit else { throw Self.exceedsEscrowBatchLimit }
        let renderer = ShopeeEscrowRenderer(world: world, shop: call.shop)
        let settled = serials.compactMap { serial -> (SimulatedOrder, OrderSettlement)? in
            guard let order = world.order(number: serial, shop: call.shop) else { return nil }
            let settlement = world.settlement(of: order)
            return settlement.settled ? (order, settlement) : nil
        }
        return envelope { writer in
            writer.beginArray()
            for (order, settlement) in settled {
                writer.beginObject()
                writer.key("escrow_detail")
                renderer.write(order, settlement, into: &writer)
                writer.endObject()
            }
            writer.endArray()
        }
    }

    private func optionalInteger(_ name: String, in query: QueryParameters, default value: Int, range: ClosedRange<Int>,
                                 error: ShopeeError) throws -> Int {
        guard let text = query[name], !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else { throw error }
        return number
    }
}
