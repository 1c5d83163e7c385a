import Foundation
import Hummingbird
import OmnidashCore

/// `/finance/transaction/details/get` (QueryTransactionDetails): the seller's transaction lines by transaction date.
///
/// Source: open.lazada.com API doc for /finance/transaction/details/get (raw JSON scraped in
/// lazykern/ecommerce-api-docs, data/raw/lazada/apis/finance-api/querytransactiondetails.json): GET; parameters
/// `start_time`, `end_time` (required, `2021-01-01` in the example), `offset` ("number of transaction lines to skip"),
/// `limit` ("the supported maximum number is 500"), `trans_type` ("Transaction type ID", `-1` in the example),
/// `trade_order_id`, `trade_order_line_id`; `data` is an array of lines with `order_no`, `orderItem_no`,
/// `orderItem_status`, `transaction_date` ("17 May 2016"), `transaction_type` ("Payment Fee"), `fee_type` ("13"),
/// `fee_name`, `amount` ("-0.62"), `VAT_in_amount` ("0.0672"), `WHT_amount`, `WHT_included_in_amount` ("Yes"),
/// `statement` ("11 May 2016 - 17 May 2016"), `paid_status` ("Not paid"; described as "Yes / No"),
/// `shipping_provider`, `shipping_speed`, `shipment_type`, `reference` (the order item id), `comment`,
/// `payment_ref_id`, `seller_sku`, `lazada_sku`, `details`, `transaction_number`; errors `1000012` "endTime - startTime
/// must should be less than 180 days", `1000014` "Can not find that transactionType". No total count: a client pages
/// until a page holds fewer than `limit` lines.
///
/// Emulator choices (UNVERIFIED): `limit` defaults to 100; a line's date is its order's settlement day in Bangkok;
/// statements are Monday–Sunday weeks, "Paid" once the week is over; `VAT_in_amount` is the 7 % VAT inside a fee
/// (4 decimals), 0 on credits; no withholding tax; malformed parameters answer `InvalidParameter`.
extension LazadaEmulator {
    static let maximumFinanceLimit = 500
    static let maximumFinanceDays = 180

    func getTransactionDetails(_ call: Call) throws -> Response {
        let parameters = call.parameters
        func date(_ name: String) throws -> BusinessDate {
            guard let text = parameters[name], !text.isEmpty else { throw LazadaError.missingParameter(name) }
            guard let day = BusinessDate(text) else { throw LazadaError.invalidParameter(name, "expected yyyy-MM-dd") }
            return day
        }
        let start = try date("start_time"), end = try date("end_time")
        guard start <= end else { throw LazadaError.invalidParameter("start_time", "must not be after end_time") }
        guard start.distance(to: end) < Self.maximumFinanceDays else {
            throw LazadaError(type: "ISV", code: "1000012", message: "endTime - startTime must should be less than 180 days")
        }
        var kinds = Set(LazadaFinanceRow.Kind.allCases)
        if let type = parameters["trans_type"], !type.isEmpty, type != "-1" {
            guard let kind = LazadaFinanceRow.Kind.allCases.first(where: { $0.feeType == type }) else {
                throw LazadaError(type: "ISV", code: "1000014", message: "Can not find that transactionType")
            }
            kinds = [kind]
        }
        let offset = try integer("offset", in: parameters, default: 0, range: 0...Int.max,
                                 error: .invalidParameter("offset", "must be a non-negative integer"))
        let limit = try integer("limit", in: parameters, default: 100, range: 1...Self.maximumFinanceLimit,
                                error: .invalidParameter("limit", "must be between 1 and \(Self.maximumFinanceLimit)"))
        let orderFilter = parameters["trade_order_id"].flatMap { $0.isEmpty ? nil : $0 }
        let itemFilter = parameters["trade_order_line_id"].flatMap { $0.isEmpty ? nil : $0 }

        let calendar = world.calendar
        let rows = lines(from: calendar.startOfDay(start), to: calendar.startOfDay(end.adding(days: 1)) - 1).filter { row in
            kinds.contains(row.kind) && (orderFilter.map { $0 == row.order.orderSN } ?? true)
                && (itemFilter.map { $0 == row.orderItemID } ?? true)
        }
        let page = rows.dropFirst(offset).prefix(limit)
        let renderer = LazadaOrderRenderer(world: world, shop: shop)
        let today = calendar.date(unixSeconds: world.nowUnix)
        return envelope { writer in
            writer.beginArray()
            for row in page { write(row, renderer: renderer, today: today, into: &writer) }
            writer.endArray()
        }
    }

    /// Every line of orders settled in `[from, to]`, cached so that paging through a window costs one computation.
    private func lines(from: Int64, to: Int64) -> [LazadaFinanceRow] {
        if let cached = financeLines.withLock({ $0.value(for: from...to) }) { return cached }
        let rows = world.settledOrders(shop: shop, from: from, to: to).flatMap { LazadaFinanceRow.rows(of: $0.order, $0.settlement) }
        financeLines.withLock { $0.insert(rows, for: from...to) }
        return rows
    }

    private func write(_ row: LazadaFinanceRow, renderer: LazadaOrderRenderer, today: BusinessDate, into writer: inout JSONWriter) {
        let calendar = world.calendar
        let day = calendar.date(unixSeconds: row.settlementTime)
        // Statements run Monday to Sunday (1970-01-01 was a Thursday).
        let weekStart = day.adding(days: -((day.daysSinceEpoch + 3) % 7))
        let weekEnd = weekStart.adding(days: 6)
        let line = row.order.lines[row.lineIndex]
        let unit = world.catalog.units[line.unit]
        let model = world.catalog.products[unit.productIndex].models[unit.modelIndex]
        let fee = row.kind != .itemPriceCredit
        writer.beginObject()
        writer.field("order_no", row.order.orderSN)
        writer.field("orderItem_no", row.orderItemID)
        writer.field("orderItem_status", renderer.status(row.order, line: row.lineIndex))
        writer.field("transaction_date", LazadaFinanceRow.text(day))
        writer.field("transaction_type", row.kind.name)
        writer.field("fee_type", row.kind.feeType)
        writer.field("fee_name", row.kind.name)
        writer.field("amount", AmountText.twoDecimals(minor: row.amountMinor))
        writer.field("VAT_in_amount", fee ? AmountText.ratio(-row.amountMinor * 7, 10_700, digits: 4) : "0.0000")
        writer.field("WHT_amount", "0.0000")
        writer.field("WHT_included_in_amount", "No")
        writer.field("statement", "\(LazadaFinanceRow.text(weekStart)) - \(LazadaFinanceRow.text(weekEnd))")
        writer.field("paid_status", weekEnd < today ? "Paid" : "Not paid")
        writer.field("shipping_provider", row.order.carrier)
        writer.field("shipping_speed", "Standard")
        writer.field("shipment_type", "Dropshipping")
        writer.field("reference", row.orderItemID)
        writer.field("comment", "")
        writer.field("payment_ref_id", "")
        writer.field("seller_sku", world.catalog.sku(model, on: shop))
        writer.field("lazada_sku", "\(world.catalog.listingID(unit.productIndex, on: shop))_TH-\(world.catalog.variantID(unit.productIndex, model: unit.modelIndex, on: shop))")
        writer.field("details", "")
        writer.field("transaction_number", "\(shortCode)-\(row.orderItemID)-\(row.sequence)")
        writer.endObject()
    }
}
