import Foundation
import OmnidashCore
import Warehouse

/// Writes one platform's `stg_order_fees` for whole order dates: every order staged that day gets a row, `settled`
/// with its fees when its platform has settled it, `unsettled` with null fees otherwise. Amounts go to the reporting
/// currency at the rate of the order's date (the rate its revenue was converted at), each fee rounded once, and the
/// total is the sum of the converted fees, so the per-type columns always add up.
struct FeeStaging {
    let platform: Platform
    let context: StagingContext
    /// Dates are written in transactions of about this many orders.
    static let ordersPerWrite = 20_000

    /// - Returns: The rows written.
    func stage(_ dates: Set<BusinessDate>, settlements: (BusinessDate) async throws -> [SettledOrder]) async throws -> Int {
        var operations: [WriteOperation] = []
        var rows: [TableRow] = []
        var written = 0
        func flush() async throws {
            guard !operations.isEmpty else { return }
            operations.append(.insert(RowSet(StagingTables.orderFees, rows: rows)))
            try await context.warehouse.write(operations)
            written += rows.count
            operations.removeAll()
            rows.removeAll()
        }
        for date in dates.sorted() {
            let orders = try await context.warehouse.query(SQLStatement(
                "SELECT shop_id, order_id FROM stg_orders WHERE platform = :platform AND order_date = :date",
                ["platform": .text(platform.rawValue), "date": .text(date.description)]))
            var settled: [String: SettledOrder] = [:]
            for settlement in try await settlements(date) { settled["\(settlement.shopID)/\(settlement.orderID)"] = settlement }
            operations.append(.execute(SQLStatement("DELETE FROM stg_order_fees WHERE platform = :platform AND order_date = :date",
                                                    ["platform": .text(platform.rawValue), "date": .text(date.description)])))
            for order in orders {
                let shopID = order.text("shop_id"), orderID = order.text("order_id")
                rows.append(try row(shopID: shopID, orderID: orderID, date: date, settlement: settled["\(shopID)/\(orderID)"]))
            }
            if rows.count >= Self.ordersPerWrite { try await flush() }
        }
        try await flush()
        return written
    }

    private func row(shopID: String, orderID: String, date: BusinessDate, settlement: SettledOrder?) throws -> TableRow {
        var row = StagingTables.orderFees.row()
        row["order_id"] = .text(orderID)
        row["platform"] = .text(platform.rawValue)
        row["shop_id"] = .text(shopID)
        row["order_date"] = .text(date.description)
        row["_built_at"] = .text(context.builtAt)
        guard let settlement else {
            row["settlement_status"] = .text("unsettled")
            return row
        }
        let rate = try context.fx.rate(settlement.currency, on: date)
        let digits = settlement.currency.minorUnitDigits
        let reporting = context.currency
        func minor(_ amount: FixedDecimal) -> Int64 {
            Money(minorUnits: amount.minorUnits(digits: digits), currency: settlement.currency).converted(to: reporting, rate: rate).minorUnits
        }
        var total: Int64 = 0
        for type in FeeType.allCases {
            let amount = minor(settlement.fees[type] ?? FixedDecimal(0))
            row[type.column] = .integer(amount)
            total += amount
        }
        let payout = minor(settlement.payout)
        row["settlement_status"] = .text("settled")
        row["settled_at"] = SQLValue(settlement.settledAt.map { Timestamp.string(unixSeconds: $0) })
        row["settlement_date"] = SQLValue((settlement.settlementDate ?? settlement.settledAt.map { context.calendar.date(unixSeconds: $0) })?.description)
        row["items_total_minor"] = .integer(minor(settlement.itemsTotal))
        row["fees_minor"] = .integer(total)
        row["fees"] = .text(Money.format(minorUnits: total, digits: reporting.minorUnitDigits))
        row["payout_minor"] = .integer(payout)
        row["payout"] = .text(Money.format(minorUnits: payout, digits: reporting.minorUnitDigits))
        row["currency"] = .text(reporting.code)
        return row
    }
}
