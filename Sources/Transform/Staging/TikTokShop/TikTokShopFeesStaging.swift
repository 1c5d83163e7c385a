import OmnidashCore
import Warehouse

/// `raw_tiktok_statement_transactions` → `stg_order_fees`: each order's `ORDER` transactions (summed, should a
/// statement hold several) in the fee vocabulary. Adjustments name no order's fees, so they are left out.
///
/// TikTok's fields are signed, deductions negative, so a fee is its field negated: commission
/// `platform_commission_amount`, transaction `transaction_fee_amount`, service `sfp_service_fee_amount`, affiliate the
/// creator's, partner's and ads commissions together. The seller's share of shipping is what the carrier charged
/// (`shipping_fee_amount`, negative) less what the buyer paid (`customer_shipping_fee_amount`) and the platform's
/// subsidy (`shipping_fee_subsidy_amount`). The items total is `after_seller_discounts_subtotal_amount`, the payout
/// `settlement_amount`, and `other` whatever else TikTok withheld that the row does not name, so the types always add
/// up to items total − payout. The money was settled at the statement's time.
struct TikTokShopFeesStaging: FeeStagingBuilder {
    var name: String { "stg_order_fees.tiktok" }
    var platform: Platform { .tiktokShop }
    var ordersTable: RawTableContract { TikTokShopRawTables.orders }
    var feeTables: [RawTableContract] { [TikTokShopRawTables.statementTransactions] }

    /// The amount columns read, each summed over an order's transactions.
    private static let amountColumns = [
        "after_seller_discounts_subtotal_amount", "settlement_amount", "platform_commission_amount", "transaction_fee_amount",
        "sfp_service_fee_amount", "affiliate_commission_amount", "affiliate_partner_commission_amount", "affiliate_ads_commission_amount",
        "shipping_fee_amount", "customer_shipping_fee_amount", "shipping_fee_subsidy_amount",
    ]

    var changedOrderDates: String {
        """
        SELECT DISTINCT o.order_date FROM raw_tiktok_statement_transactions t
        JOIN stg_orders o ON o.platform = '\(Platform.tiktokShop.rawValue)' AND o.shop_id = t.shop_id AND o.order_id = t.order_id
        WHERE t._loaded_at_us > :watermark AND t.type = '\(TikTokShopRawTables.orderTransactionType)'
        """
    }

    func settlements(on date: BusinessDate, context: StagingContext) async throws -> [SettledOrder] {
        let columns = (["transaction_id", "shop_id", "order_id", "currency", "statement_time"] + Self.amountColumns)
            .map { "t." + SQLDialect.quote($0) }.joined(separator: ", ")
        let rows = try await context.warehouse.query(SQLStatement("""
            SELECT \(columns) FROM raw_tiktok_statement_transactions t
            JOIN stg_orders o ON o.platform = :platform AND o.shop_id = t.shop_id AND o.order_id = t.order_id
            WHERE o.order_date = :date AND t.type = :type
            """, ["platform": .text(platform.rawValue), "date": .text(date.description),
                  "type": .text(TikTokShopRawTables.orderTransactionType)]))
        var orders: [String: Sums] = [:]
        for row in rows {
            let shopID = row.text("shop_id"), orderID = row.text("order_id")
            let transaction = "\(shopID)/\(row.text("transaction_id"))"
            let currency = Currency(row.text("currency"))
            var order = orders["\(shopID)/\(orderID)"]
                ?? Sums(shopID: shopID, orderID: orderID, currency: currency, settledAt: row.int("statement_time"))
            guard order.currency == currency else {
                throw StagingError(table: TikTokShopRawTables.statementTransactions.table, key: transaction,
                                   reason: "currency: \(currency.code) where the order's other transactions are in \(order.currency.code)")
            }
            order.settledAt = max(order.settledAt, row.int("statement_time"))
            for column in Self.amountColumns {
                let amount = try Self.amount(row, column, key: transaction)
                order.fields[column] = (order.fields[column] ?? FixedDecimal(0)) + amount
            }
            orders["\(shopID)/\(orderID)"] = order
        }
        return orders.values.map(\.settlement)
    }

    /// One order's transactions summed field by field; settled when the last of them was.
    struct Sums {
        var shopID: String
        var orderID: String
        var currency: Currency
        var settledAt: Int64
        var fields: [String: FixedDecimal] = [:]

        var settlement: SettledOrder {
            let zero = FixedDecimal(0)
            func field(_ name: String) -> FixedDecimal { fields[name] ?? zero }
            let itemsTotal = field("after_seller_discounts_subtotal_amount")
            let payout = field("settlement_amount")
            var fees: [FeeType: FixedDecimal] = [
                .commission: zero - field("platform_commission_amount"),
                .transaction: zero - field("transaction_fee_amount"),
                .service: zero - field("sfp_service_fee_amount"),
                .affiliate: zero - field("affiliate_commission_amount") - field("affiliate_partner_commission_amount")
                    - field("affiliate_ads_commission_amount"),
                .shippingSubsidy: zero - field("shipping_fee_amount") - field("customer_shipping_fee_amount")
                    - field("shipping_fee_subsidy_amount"),
            ]
            fees[.other] = itemsTotal - payout - fees.values.reduce(zero, +)
            return SettledOrder(shopID: shopID, orderID: orderID, currency: currency, settledAt: settledAt, settlementDate: nil,
                                itemsTotal: itemsTotal, fees: fees, payout: payout)
        }
    }

    /// A signed amount column; absent reads as zero (TikTok leaves out the fields that do not apply to a region).
    private static func amount(_ row: WarehouseRow, _ column: String, key: String) throws -> FixedDecimal {
        guard let text = row.optionalText(column), !text.isEmpty else { return FixedDecimal(0) }
        guard let amount = FixedDecimal(text) else {
            throw StagingError(table: TikTokShopRawTables.statementTransactions.table, key: key, reason: "\(column): '\(text)' is not an amount")
        }
        return amount
    }
}
