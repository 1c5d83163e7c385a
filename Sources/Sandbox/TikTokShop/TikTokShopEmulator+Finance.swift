import Foundation
import Hummingbird
import OmnidashCore

/// `GET /finance/202309/statements` and `GET /finance/202309/statements/{statement_id}/statement_transactions`: the
/// shop's daily statements and the order transactions each holds.
///
/// Sources: TikTok Shop Partner API spec "Get Statements" 202309 (scraped in lazykern/ecommerce-api-docs,
/// data/raw/tiktok/api-reference/finance/get-statements.spec.json): query `statement_time_ge`, `statement_time_lt`
/// (Unix s), `payment_status` (PAID, FAILED, PROCESSING), `page_size` (default 20, 1–100), `page_token`,
/// `sort_field` (required, only `statement_time`), `sort_order` (default ASC), `shop_cipher`; response
/// `data{next_page_token, statements[{id, statement_time, settlement_amount, currency, revenue_amount, fee_amount,
/// adjustment_amount, payment_status, payment_id}]}`; "statements are generated daily at 00:00 UTC, and include all
/// transactions from the past day"; for local SEA sellers `fee_amount` includes shipping costs. "Get Transactions by
/// Statement" 202309 (field table quoted in a public integration's notes; the scrape has the 202501 version):
/// `sort_field` required (`order_create_time`), `sort_order` default ASC, `page_size` default 20 (1–100),
/// `page_token`; response `data{statement_id, statement_time, currency, revenue_amount, fee_amount,
/// adjustment_amount, settlement_amount, next_page_token, statement_transactions[{id, type ("ORDER"), order_id,
/// order_create_time, currency, revenue_amount, settlement_amount, fee_amount, adjustment_amount, adjustment_id,
/// gross_sales_amount, seller_discount_amount, after_seller_discounts_subtotal_amount, customer_payment_amount,
/// customer_shipping_fee_amount, platform_discount_amount, actual_shipping_fee_amount, shipping_fee_amount,
/// shipping_fee_subsidy_amount, platform_commission_amount, transaction_fee_amount, affiliate_commission_amount,
/// sfp_service_fee_amount, …}]}` with `settlement_amount = revenue_amount + fee_amount + adjustment_amount`.
///
/// UNVERIFIED: the 202309 table marks `platform_commission_amount` "Only for UK" and `transaction_fee_amount` "Only
/// for US"; the 202501 version lists both for every region, and Thai statements do show a commission and a
/// transaction fee, so the emulator sends them. `sfp_service_fee_amount` is named as in 202501's fee breakdown. Fee
/// fields are negative (deductions), as `fee_amount` is in the samples; `shipping_fee_subsidy_amount` is positive when
/// the platform pays (negative when the buyer paid more than the carrier charged). A statement is PAID once a day
/// has passed since its time, PROCESSING before; days without settlements have no statement. An unknown statement id
/// answers 36009004. The per-order `GET /finance/202309/orders/{order_id}/statement_transactions` is not emulated.
extension TikTokShopEmulator {
    static let statementsPath = "/finance/202309/statements"
    static let statementTransactionsPath = "/finance/202309/statements/{statement_id}/statement_transactions"
    static let financeHistory: Int64 = 90 * 86_400

    /// The endpoint a request path names: itself, or the statement-transactions template for a statement's path.
    static func template(_ path: String) -> String {
        statementID(in: path) == nil ? path : statementTransactionsPath
    }

    static func statementID(in path: String) -> String? {
        let prefix = statementsPath + "/", suffix = "/statement_transactions"
        guard path.hasPrefix(prefix), path.hasSuffix(suffix), path.count > prefix.count + suffix.count else { return nil }
        let id = path.dropFirst(prefix.count).dropLast(suffix.count)
        return id.contains("/") ? nil : String(id)
    }

    func financeHandler(_ path: String) -> ((Call) throws -> Response)? {
        if path == Self.statementsPath { return statements }
        guard let id = Self.statementID(in: path) else { return nil }
        return { call in try statementTransactions(call, statementID: id) }
    }

    func statements(_ call: Call) throws -> Response {
        let query = call.query
        let size = try optionalPageSize(query)
        guard let field = query["sort_field"], !field.isEmpty else {
            throw TikTokShopError.invalidParameter("SortField is a required field.")
        }
        guard field == "statement_time" else { throw TikTokShopError.invalidParameter("`sort_field` only supports statement_time.") }
        let ascending = try sortOrder(query)
        let now = world.nowUnix
        let lt = try Self.queryTime("statement_time_lt", in: query) ?? now + 1
        let ge = try Self.queryTime("statement_time_ge", in: query) ?? lt - Self.financeHistory
        let status = query["payment_status"].flatMap { $0.isEmpty ? nil : $0 }
        if let status, !["PAID", "FAILED", "PROCESSING"].contains(status) {
            throw TikTokShopError.invalidParameter("`payment_status` must be PAID, FAILED or PROCESSING.")
        }
        var list = ge < lt ? statements(from: ge, to: lt - 1) : []
        if let status { list = list.filter { paymentStatus($0) == status } }
        if !ascending { list.reverse() }
        let fingerprint = "statements|\(ge)|\(lt)|\(status ?? "-")|\(ascending)|\(size)"
        let offset = try TikTokShopPageToken.offset(query["page_token"], query: fingerprint)
        let page = list.dropFirst(offset).prefix(size)
        let end = offset + page.count
        return envelope(call) { writer in
            writer.beginObject()
            writer.field("next_page_token", end < list.count ? TikTokShopPageToken.make(offset: end, query: fingerprint) : "")
            writer.key("statements")
            writer.beginArray()
            for statement in page {
                writer.beginObject()
                writer.field("id", statement.id)
                writer.field("statement_time", statement.statementTime)
                writer.field("settlement_amount", TikTokShopOrderRenderer.amount(statement.settlementMinor))
                writer.field("currency", shop.currency)
                writer.field("revenue_amount", TikTokShopOrderRenderer.amount(statement.revenueMinor))
                writer.field("fee_amount", TikTokShopOrderRenderer.amount(statement.feeMinor))
                writer.field("adjustment_amount", "0")
                writer.field("payment_status", paymentStatus(statement))
                writer.field("payment_id", statement.paymentID)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
    }

    func statementTransactions(_ call: Call, statementID: String) throws -> Response {
        let query = call.query
        let size = try optionalPageSize(query)
        guard let field = query["sort_field"], !field.isEmpty else {
            throw TikTokShopError.invalidParameter("SortField is a required field.")
        }
        guard field == "order_create_time" else { throw TikTokShopError.invalidParameter("`sort_field` only supports order_create_time.") }
        let ascending = try sortOrder(query)
        guard let time = TikTokShopStatement.statementTime(id: statementID, shopID: shop.shopID),
              let statement = statements(from: time, to: time).first
        else { throw TikTokShopError.invalidParameter("`statement_id` \(statementID) does not exist.") }
        var entries = statement.entries.sorted { ($0.order.createTime, $0.order.orderSN) < ($1.order.createTime, $1.order.orderSN) }
        if !ascending { entries.reverse() }
        let fingerprint = "statement|\(statementID)|\(ascending)|\(size)"
        let offset = try TikTokShopPageToken.offset(query["page_token"], query: fingerprint)
        let page = entries.dropFirst(offset).prefix(size)
        let end = offset + page.count
        let amount = TikTokShopOrderRenderer.amount
        return envelope(call) { writer in
            writer.beginObject()
            writer.field("statement_id", statement.id)
            writer.field("statement_time", statement.statementTime)
            writer.field("currency", shop.currency)
            writer.field("revenue_amount", amount(statement.revenueMinor))
            writer.field("fee_amount", amount(statement.feeMinor))
            writer.field("adjustment_amount", "0")
            writer.field("settlement_amount", amount(statement.settlementMinor))
            writer.field("total_count", entries.count)
            writer.field("next_page_token", end < entries.count ? TikTokShopPageToken.make(offset: end, query: fingerprint) : "")
            writer.key("statement_transactions")
            writer.beginArray()
            for entry in page { writeTransaction(entry.order, entry.settlement, into: &writer) }
            writer.endArray()
            writer.endObject()
        }
    }

    private func writeTransaction(_ order: SimulatedOrder, _ settlement: OrderSettlement, into writer: inout JSONWriter) {
        let amount = TikTokShopOrderRenderer.amount
        let fees = settlement.fees
        let items = settlement.itemsTotalMinor
        let gross = settlement.lines.reduce(Int64(0)) { $0 + order.lines[$1.lineIndex].originalPriceMinor * Int64($1.quantity) }
        writer.beginObject()
        writer.field("id", String(SeededGenerator.mix(order.detailSeed ^ 0x7E57_A7E0_0000_0001) >> 4))
        writer.field("type", "ORDER")
        writer.field("order_id", order.orderSN)
        writer.field("order_create_time", order.createTime)
        writer.field("adjustment_id", "0")
        writer.field("currency", shop.currency)
        writer.field("revenue_amount", amount(TikTokShopStatement.revenue(settlement)))
        writer.field("settlement_amount", amount(settlement.settlementMinor))
        writer.field("fee_amount", amount(TikTokShopStatement.fee(settlement)))
        writer.field("adjustment_amount", "0")
        writer.field("gross_sales_amount", amount(gross))
        writer.field("gross_sales_refund_amount", "0")
        writer.field("seller_discount_amount", amount(-(gross - items)))
        writer.field("seller_discount_refund_amount", "0")
        writer.field("after_seller_discounts_subtotal_amount", amount(items))
        writer.field("customer_payment_amount", amount(items + settlement.buyerShippingMinor))
        writer.field("customer_shipping_fee_amount", amount(settlement.buyerShippingMinor))
        writer.field("customer_refund_amount", "0")
        writer.field("customer_order_refund_amount", "0")
        writer.field("platform_discount_amount", "0")
        writer.field("platform_discount_refund_amount", "0")
        writer.field("actual_shipping_fee_amount", amount(-settlement.actualShippingMinor))
        writer.field("shipping_fee_amount", amount(-settlement.actualShippingMinor))
        writer.field("platform_shipping_fee_discount_amount", "0")
        writer.field("shipping_fee_subsidy_amount", amount(settlement.platformShippingSubsidyMinor))
        writer.field("actual_return_shipping_fee_amount", "0")
        writer.field("platform_commission_amount", amount(-fees[.commission]))
        writer.field("transaction_fee_amount", amount(-fees[.transaction]))
        writer.field("sfp_service_fee_amount", amount(-fees[.service]))
        writer.field("affiliate_commission_amount", amount(-fees[.affiliate]))
        writer.field("affiliate_partner_commission_amount", "0")
        writer.field("affiliate_ads_commission_amount", "0")
        writer.endObject()
    }

    /// The shop's statements with a time in `[from, to]`, ascending.
    private func statements(from: Int64, to: Int64) -> [TikTokShopStatement] {
        let settled = world.settledOrders(shop: shop, from: from, to: to)
        var byTime: [Int64: [(order: SimulatedOrder, settlement: OrderSettlement)]] = [:]
        for entry in settled { byTime[entry.settlement.settlementTime ?? 0, default: []].append(entry) }
        return byTime.keys.sorted().map { TikTokShopStatement(shopID: shop.shopID, statementTime: $0, entries: byTime[$0] ?? []) }
    }

    private func paymentStatus(_ statement: TikTokShopStatement) -> String {
        statement.statementTime + 86_400 <= world.nowUnix ? "PAID" : "PROCESSING"
    }

    /// `page_size`: optional here (default 20), 1–100.
    private func optionalPageSize(_ query: QueryParameters) throws -> Int {
        guard let text = query["page_size"], !text.isEmpty else { return 20 }
        guard let size = Int(text), (1...100).contains(size) else {
            throw TikTokShopError.invalidParameter("`page_size` must be between 1 and 100.")
        }
        return size
    }

    /// `sort_order`, ASC by default on the finance APIs: whether ascending.
    private func sortOrder(_ query: QueryParameters) throws -> Bool {
        let order = query["sort_order"].flatMap { $0.isEmpty ? nil : $0 } ?? "ASC"
        guard order == "ASC" || order == "DESC" else { throw TikTokShopError.invalidParameter("`sort_order` must be ASC or DESC.") }
        return order == "ASC"
    }

    private static func queryTime(_ name: String, in query: QueryParameters) throws -> Int64? {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard let value = Int64(text), value >= 0 else {
            throw TikTokShopError.invalidParameter("`\(name)` must be a Unix timestamp in seconds.")
        }
        return value
    }
}
