import OmnidashCore

/// One daily TikTok Shop statement of the shop: the orders settled at its `statementTime` (00:00 UTC), with totals
/// as the statement list and the statement transactions report them.
struct TikTokShopStatement: Sendable {
    let shopID: Int64
    /// 00:00 UTC of the day after the settled transactions.
    let statementTime: Int64
    let entries: [(order: SimulatedOrder, settlement: OrderSettlement)]

    private static let idBase: Int64 = 7_200_000_000_000_000_000
    private static let paymentIDBase: Int64 = 3_400_000_000_000_000_000

    /// 19 digits like TikTok's: a base, six digits of the shop, the UTC day number.
    var id: String { String(Self.idBase + (shopID % 1_000_000) * 1_000_000 + statementTime / 86_400) }
    var paymentID: String { String(Self.paymentIDBase + (shopID % 1_000_000) * 1_000_000 + statementTime / 86_400) }

    /// The statement time an id names, if it is one of `shopID`'s ids.
    static func statementTime(id: String, shopID: Int64) -> Int64? {
        guard id.count == 19, id.allSatisfy(\.isNumber), let value = Int64(id), value >= idBase else { return nil }
        let rest = value - idBase
        guard rest / 1_000_000 == shopID % 1_000_000 else { return nil }
        return (rest % 1_000_000) * 86_400
    }

    var revenueMinor: Int64 { entries.reduce(0) { $0 + Self.revenue($1.settlement) } }
    var feeMinor: Int64 { entries.reduce(0) { $0 + Self.fee($1.settlement) } }
    var settlementMinor: Int64 { entries.reduce(0) { $0 + $1.settlement.settlementMinor } }

    /// `revenue_amount = customer_payment_amount + platform_discount_amount + shipping_fee_subsidy_amount` (the doc's
    /// formula without refunds): items plus buyer-paid shipping plus the platform's shipping subsidy.
    static func revenue(_ settlement: OrderSettlement) -> Int64 {
        settlement.itemsTotalMinor + settlement.buyerShippingMinor + settlement.platformShippingSubsidyMinor
    }

    /// `fee_amount`, negative: the fees and, for local SEA sellers, the actual shipping fee.
    static func fee(_ settlement: OrderSettlement) -> Int64 {
        let fees = settlement.fees
        return -(fees[.commission] + fees[.transaction] + fees[.service] + fees[.affiliate] + fees[.sellerVoucher]
            + fees[.platformVoucher] + fees[.other]) - settlement.actualShippingMinor
    }
}
