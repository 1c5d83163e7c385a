import Foundation
import OmnidashCore
import Warehouse

/// `raw_lazada_transactions` → `stg_order_fees`: an order's transaction lines, found by `order_no` (the `order_id`
/// its order carries in `stg_orders`), read as its settlement.
///
/// Lazada settles per order item, one signed line per credit or fee (fees negative). The item price credits make the
/// items total; every other line is a fee of −amount under the type its name means (`lineNames`, `lineFamilies`);
/// the payout is the sum of all the order's lines, and the settlement date its latest transaction day. An order with
/// no line yet is unsettled. Lazada states no currency on a line: it is the order's.
struct LazadaFeesStaging: FeeStagingBuilder {
    var name: String { "stg_order_fees.lazada" }
    var platform: Platform { .lazada }
    var ordersTable: RawTableContract { LazadaRawTables.orders }
    var feeTables: [RawTableContract] { [LazadaRawTables.transactions] }

    /// What one transaction line is to its order's settlement.
    enum LineKind: Hashable, Sendable {
        /// Item revenue the settlement is made on.
        case itemsTotal
        /// Withheld from the seller, as `FeeType`.
        case fee(FeeType)
    }

    /// Lazada's line names (`fee_name`, else `transaction_type`), compared without case: the one table of what a line
    /// means. The first five have a source ("Payment Fee" is the doc's sample; public integrations show the others on
    /// Thai statements); the rest are names sellers' statements show, UNVERIFIED against the API.
    static let lineNames: [(name: String, kind: LineKind)] = [
        ("Item Price Credit", .itemsTotal),
        ("Commission", .fee(.commission)),
        ("Payment Fee", .fee(.transaction)),
        ("Free Shipping Max Fee", .fee(.service)),
        ("Shipping Fee Paid by Seller", .fee(.shippingSubsidy)),
        ("LazCoins Discount", .fee(.service)),
        // Shipping the buyer paid is credited and the carrier's charge debited: their sum is the seller's share.
        ("Shipping Fee (Paid By Customer)", .fee(.shippingSubsidy)),
        ("Shipping Fee Charged by Lazada", .fee(.shippingSubsidy)),
        ("Promotional Charges Vouchers", .fee(.sellerVoucher)),
    ]

    /// Names not in `lineNames`, by the words they contain (all of them, without case); the first family that
    /// matches wins, and a name in none is `other`.
    static let lineFamilies: [(words: [String], kind: LineKind)] = [
        (["affiliate"], .fee(.affiliate)),
        (["free shipping max"], .fee(.service)),
        (["lazcoins"], .fee(.service)),
        (["shipping"], .fee(.shippingSubsidy)),
        (["voucher", "co-fund"], .fee(.platformVoucher)),
        (["voucher", "cofund"], .fee(.platformVoucher)),
        (["voucher", "platform"], .fee(.platformVoucher)),
        (["voucher"], .fee(.sellerVoucher)),
    ]

    private static let lineNamesByKey = Dictionary(uniqueKeysWithValues: lineNames.map { ($0.name.lowercased(), $0.kind) })

    /// What a line is, by its fee name, else its transaction type (the doc's sample writes the same name in both).
    static func kind(feeName: String?, transactionType: String?) -> LineKind {
        kind(named: feeName) ?? kind(named: transactionType) ?? .fee(.other)
    }

    private static func kind(named name: String?) -> LineKind? {
        guard let key = name?.trimmingCharacters(in: .whitespaces).lowercased(), !key.isEmpty else { return nil }
        if let known = lineNamesByKey[key] { return known }
        return lineFamilies.first { family in family.words.allSatisfy { key.contains($0) } }?.kind
    }

    var changedOrderDates: String {
        """
        SELECT DISTINCT o.order_date FROM raw_lazada_transactions t
        JOIN stg_orders o ON o.platform = 'lazada' AND o.shop_id = t.seller_id AND o.order_id = t.order_no
        WHERE t._loaded_at_us > :watermark
        """
    }

    func settlements(on date: BusinessDate, context: StagingContext) async throws -> [SettledOrder] {
        let lines = try await context.warehouse.query(SQLStatement("""
            SELECT o.shop_id, o.order_id, o.currency, t.transaction_number, t.transaction_type, t.fee_name, t.amount, t.transaction_day
            FROM stg_orders o
            JOIN raw_lazada_transactions t ON t.seller_id = o.shop_id AND t.order_no = o.order_id
            WHERE o.platform = :platform AND o.order_date = :date
            """, ["platform": .text(platform.rawValue), "date": .text(date.description)]))
        var orders: [String: SettledOrder] = [:]
        // A statement repeats a handful of names over thousands of lines: each is looked up once.
        var kinds: [String: LineKind] = [:]
        for line in lines {
            let shopID = line.text("shop_id"), orderID = line.text("order_id")
            let text = line.text("amount")
            // Thousands separators allowed, as the connector's parser allows them.
            guard let amount = FixedDecimal(text.contains(",") ? text.replacingOccurrences(of: ",", with: "") : text) else {
                throw StagingError(table: LazadaRawTables.transactions.table, key: "\(shopID)/\(line.text("transaction_number"))",
                                   reason: "amount: '\(text)' is not a number")
            }
            let key = shopID + "/" + orderID
            var order = orders[key] ?? SettledOrder(shopID: shopID, orderID: orderID, currency: Currency(line.text("currency")),
                                                    settledAt: nil, settlementDate: nil, itemsTotal: FixedDecimal(0), fees: [:],
                                                    payout: FixedDecimal(0))
            let feeName = line.optionalText("fee_name"), transactionType = line.optionalText("transaction_type")
            let nameKey = (feeName ?? "") + "\u{1F}" + (transactionType ?? "")
            let kind = kinds[nameKey] ?? Self.kind(feeName: feeName, transactionType: transactionType)
            kinds[nameKey] = kind
            switch kind {
            case .itemsTotal: order.itemsTotal = order.itemsTotal + amount
            case .fee(let type): order.fees[type] = (order.fees[type] ?? FixedDecimal(0)) - amount
            }
            order.payout = order.payout + amount
            if let day = BusinessDate(line.text("transaction_day")), order.settlementDate.map({ $0 < day }) ?? true {
                order.settlementDate = day
            }
            orders[key] = order
        }
        return Array(orders.values)
    }
}
