import OmnidashCore
import Warehouse

/// `raw_shopee_escrows` → `stg_order_fees`: each released escrow's `order_income` (baht, fees positive) in the fee
/// vocabulary, on its order's business date; the orders of that date without an escrow are unsettled.
///
/// The mapping follows the escrow identity of Shopee's field descriptions for `escrow_amount`, so that
/// `escrow_amount = order_selling_price − Σ fees`:
/// - commission `commission_fee`; transaction `seller_transaction_fee` only (`credit_card_transaction_fee` repeats
///   it, it is not a second fee); service `service_fee`; affiliate `order_ams_commission_fee`;
/// - shipping subsidy `−(final_shipping_fee + buyer_paid_shipping_fee)`: `final_shipping_fee` is the parcel's net
///   shipping to the seller (negative when the seller pays) and `buyer_total_amount` already holds what the buyer
///   paid for shipping, so their sum is the seller's own share;
/// - seller voucher `voucher_from_seller`; platform voucher 0 (`voucher_from_shopee` is Shopee's own money);
/// - other `seller_coin_cash_back + escrow_tax + drc_adjustable_refund + cross_border_tax`;
/// - items total `order_selling_price`, payout `escrow_amount`, settled at `escrow_release_time`.
///
/// Shopee's `order_id` in `stg_orders` is the `order_sn`, which is how an escrow finds its order. The amounts are in
/// the order's own currency (the escrow detail names none).
struct ShopeeFeesStaging: FeeStagingBuilder {
    var name: String { "stg_order_fees.shopee" }
    var platform: Platform { .shopee }
    var ordersTable: RawTableContract { ShopeeRawTables.orders }
    var feeTables: [RawTableContract] { [ShopeeRawTables.escrows] }

    var changedOrderDates: String {
        """
        SELECT DISTINCT o.order_date AS order_date
        FROM stg_orders o
        JOIN raw_shopee_escrows e ON e.shop_id = o.shop_id AND e.order_sn = o.order_id
        WHERE o.platform = 'shopee' AND e._loaded_at_us > :watermark
        """
    }

    /// The optional amounts are null when Shopee left them out, and count as 0.
    private static let otherFees = ["seller_coin_cash_back", "escrow_tax", "drc_adjustable_refund", "cross_border_tax"]

    func settlements(on date: BusinessDate, context: StagingContext) async throws -> [SettledOrder] {
        let rows = try await context.warehouse.query(SQLStatement("""
            SELECT o.shop_id, o.order_id, o.currency, e.escrow_release_time, e.escrow_amount, e.order_selling_price,
                   e.commission_fee, e.service_fee, e.seller_transaction_fee, e.final_shipping_fee, e.buyer_paid_shipping_fee,
                   e.voucher_from_seller, e.order_ams_commission_fee, e.seller_coin_cash_back, e.escrow_tax,
                   e.drc_adjustable_refund, e.cross_border_tax
            FROM stg_orders o
            JOIN raw_shopee_escrows e ON e.shop_id = o.shop_id AND e.order_sn = o.order_id
            WHERE o.platform = :platform AND o.order_date = :date
            """, ["platform": .text(platform.rawValue), "date": .text(date.description)]))
        return try rows.map(Self.settlement)
    }

    /// One escrow row read back as a `SettledOrder`; an amount that is not one fails the build, naming the row.
    private static func settlement(_ row: WarehouseRow) throws -> SettledOrder {
        let shopID = row.text("shop_id"), orderSN = row.text("order_id")
        func amount(_ column: String, required: Bool = true) throws -> FixedDecimal {
            guard let text = row.optionalText(column) else {
                if !required { return FixedDecimal(0) }
                throw StagingError(table: ShopeeRawTables.escrows.table, key: "\(shopID)/\(orderSN)", reason: "\(column): is missing")
            }
            guard let value = FixedDecimal(text) else {
                throw StagingError(table: ShopeeRawTables.escrows.table, key: "\(shopID)/\(orderSN)",
                                   reason: "\(column): '\(text)' is not an amount")
            }
            return value
        }
        var other = FixedDecimal(0)
        for column in otherFees { other = other + (try amount(column, required: false)) }
        let fees: [FeeType: FixedDecimal] = [
            .commission: try amount("commission_fee"),
            .transaction: try amount("seller_transaction_fee"),
            .service: try amount("service_fee"),
            .shippingSubsidy: FixedDecimal(0) - (try amount("final_shipping_fee") + amount("buyer_paid_shipping_fee")),
            .sellerVoucher: try amount("voucher_from_seller", required: false),
            .platformVoucher: FixedDecimal(0),
            .affiliate: try amount("order_ams_commission_fee", required: false),
            .other: other,
        ]
        return SettledOrder(shopID: shopID, orderID: orderSN, currency: Currency(row.text("currency")),
                            settledAt: row.optionalInt("escrow_release_time"), settlementDate: nil,
                            itemsTotal: try amount("order_selling_price"), fees: fees, payout: try amount("escrow_amount"))
    }
}
