import Foundation
import OmnidashCore
import Warehouse

/// Writes one platform's `MarketplaceOrder`s to `stg_orders` and `stg_order_items`, a batch of whole business dates
/// at a time: amounts to the reporting currency at the rate of the business date, each line rounded to the satang
/// once, and master SKUs through the SKU map. Every marketplace's staging goes through here, so revenue means the
/// same thing on all of them.
///
/// An order's `net_amount` is what counts for its status: the lines that count as revenue when the order does, every
/// line when the whole order was cancelled or refunded (the amount refunded).
struct OrderStaging {
    let platform: Platform
    let context: StagingContext
    /// Orders are written in transactions of about this many, each covering whole business dates.
    static let ordersPerWrite = 10_000

    private var dates: [BusinessDate] = []
    private var orders: [TableRow] = []
    private var items: [TableRow] = []
    /// The batch being written while the next one is read and mapped: two cores, at most two batches in memory.
    private var writing: Task<Int, any Error>?

    init(platform: Platform, context: StagingContext) {
        self.platform = platform
        self.context = context
    }

    /// Starts a business date: its staged rows are replaced by what is added until the next flush.
    private mutating func begin(_ date: BusinessDate) {
        dates.append(date)
    }

    private mutating func add(_ order: MarketplaceOrder, date: BusinessDate) throws {
        let (row, lines) = try rows(for: order, date: date)
        items.append(contentsOf: lines)
        orders.append(row)
    }

    /// The `stg_orders` row and the `stg_order_items` rows of one order on its business date.
    func rows(for order: MarketplaceOrder, date: BusinessDate) throws -> (order: TableRow, items: [TableRow]) {
        var items: [TableRow] = []
        items.reserveCapacity(order.lines.count)
        let rate = try context.fx.rate(order.currency, on: date)
        let reporting = context.currency
        let digits = order.currency.minorUnitDigits
        // Amounts stay exact integers: millionths in the order's currency, then minor units. Only a line in another
        // currency than the reporting one goes through `Decimal`, in `Money.converted`.
        func converted(_ amount: FixedDecimal) -> Money {
            Money(minorUnits: amount.minorUnits(digits: digits), currency: order.currency).converted(to: reporting, rate: rate)
        }
        var gross = FixedDecimal(0), net = FixedDecimal(0)
        var grossMinor: Int64 = 0, netMinor: Int64 = 0, units: Int64 = 0
        for (index, line) in order.lines.enumerated() {
            let lineStatus = line.status ?? order.status
            guard let lineTotal = line.unitPrice.multiplied(by: line.quantity),
                  let lineOriginal = line.originalUnitPrice.multiplied(by: line.quantity) else {
                throw StagingError(table: "stg_order_items", key: "\(order.shopID)/\(order.orderID)",
                                   reason: "line \(index + 1): \(line.quantity) × \(line.unitPrice) is beyond the amounts Omnidash holds")
            }
            let totalConverted = converted(lineTotal)
            let originalConverted = converted(lineOriginal)
            gross = gross + lineOriginal
            grossMinor += originalConverted.minorUnits
            if lineStatus.countsAsRevenue == order.status.countsAsRevenue {
                net = net + lineTotal
                netMinor += totalConverted.minorUnits
                units += line.quantity
            }
            var item = StagingTables.orderItems.row()
            item["order_id"] = .text(order.orderID)
            item["platform"] = .text(platform.rawValue)
            item["shop_id"] = .text(order.shopID)
            item["line_number"] = .integer(Int64(index + 1))
            item["order_date"] = .text(date.description)
            item["order_status_normalized"] = .text(lineStatus.rawValue)
            item["item_id"] = .text(line.itemID)
            item["model_id"] = SQLValue(line.modelID)
            item["sku"] = SQLValue(line.sku)
            // Null when the SKU map does not know the code: the line counts under "unmapped", never dropped.
            item["sku_normalized"] = SQLValue(line.sku.flatMap { context.skuMap.entry(platform: platform.rawValue, sku: $0)?.skuMaster })
            item["product_name"] = SQLValue(line.productName)
            item["quantity"] = .integer(line.quantity)
            item["unit_price"] = .text(line.unitPrice.description)
            item["unit_price_thb"] = .text(Self.text(converted(line.unitPrice)))
            item["total_price"] = .text(lineTotal.description)
            item["total_price_thb"] = .text(Self.text(totalConverted))
            item["total_price_thb_minor"] = .integer(totalConverted.minorUnits)
            item["original_total_thb_minor"] = .integer(originalConverted.minorUnits)
            item["_ingested_at"] = .text(order.ingestedAt)
            items.append(item)
        }
        var row = StagingTables.orders.row()
        row["order_id"] = .text(order.orderID)
        row["platform"] = .text(platform.rawValue)
        row["shop_id"] = .text(order.shopID)
        row["shop_name"] = SQLValue(order.shopName)
        row["order_status"] = .text(order.statusText)
        row["order_status_normalized"] = .text(order.status.rawValue)
        row["payment_method"] = SQLValue(order.paymentMethod)
        row["buyer_hash"] = SQLValue(order.buyerHash)
        row["gross_amount"] = .text(gross.description)
        row["discount_amount"] = .text((gross - net).description)
        row["net_amount"] = .text(net.description)
        row["currency"] = .text(order.currency.code)
        row["fx_rate"] = .text("\(rate)")
        row["amount_thb"] = .text(Self.text(Money(minorUnits: netMinor, currency: reporting)))
        row["gross_amount_thb_minor"] = .integer(grossMinor)
        row["net_amount_thb_minor"] = .integer(netMinor)
        row["units"] = .integer(units)
        row["order_date"] = .text(date.description)
        row["order_timestamp"] = .text(Timestamp.string(unixSeconds: order.createdAt))
        row["updated_at"] = .text(Timestamp.string(unixSeconds: order.updatedAt))
        row["_ingested_at"] = .text(order.ingestedAt)
        return (row, items)
    }

    /// The shortest exact text of an amount (`12.5`, `48000`), as the text columns have always held it.
    private static func text(_ money: Money) -> String {
        var scale: Int64 = 1
        for _ in 0..<(FixedDecimal.places - money.currency.minorUnitDigits) { scale *= 10 }
        return FixedDecimal(micros: money.minorUnits * scale).description
    }

    private var isFull: Bool { orders.count >= Self.ordersPerWrite }

    /// Restages every date of `dates`: reads the orders of `table` created that day (`columns`, by the contract's
    /// Unix-second `create_time`), maps each with `order`, and writes whole dates a transaction at a time.
    mutating func stage(_ dates: Set<BusinessDate>, from table: RawTableContract, columns: [String],
                        outcome: inout StagingOutcome,
                        order: (WarehouseRow, inout StagingOutcome) throws -> MarketplaceOrder) async throws {
        do {
            try await stageDates(dates, from: table, columns: columns, outcome: &outcome, order: order)
        } catch {
            // The batch already handed over finishes (or fails) before the error is reported: nothing is left writing.
            _ = try? await writing?.value
            throw error
        }
    }

    private mutating func stageDates(_ dates: Set<BusinessDate>, from table: RawTableContract, columns: [String],
                                     outcome: inout StagingOutcome,
                                     order: (WarehouseRow, inout StagingOutcome) throws -> MarketplaceOrder) async throws {
        let selection = columns.map(SQLDialect.quote).joined(separator: ", ")
        for date in dates.sorted() {
            let instants = context.calendar.instants(of: date)
            let raws = try await context.warehouse.query(SQLStatement(
                "SELECT \(selection) FROM \(SQLDialect.quote(table.table)) WHERE create_time >= :start AND create_time < :end",
                ["start": .integer(instants.lowerBound), "end": .integer(instants.upperBound)]))
            begin(date)
            for raw in raws { try add(order(raw, &outcome), date: date) }
            if isFull { outcome.rows += try await flush() }
        }
        outcome.rows += try await flush()
        outcome.rows += try await finishWriting()
    }

    /// Waits for the batch being written. - Returns: The rows it wrote.
    private mutating func finishWriting() async throws -> Int {
        defer { writing = nil }
        return try await writing?.value ?? 0
    }

    /// Starts replacing the staged rows of the dates begun since the last flush, in one transaction, once the batch
    /// before has been written.
    /// - Returns: The rows the batch before wrote.
    private mutating func flush() async throws -> Int {
        guard !dates.isEmpty else { return 0 }
        let written = try await finishWriting()
        var operations: [WriteOperation] = []
        for date in dates {
            let parameters: [String: SQLValue] = ["date": .text(date.description), "platform": .text(platform.rawValue)]
            operations.append(.execute(SQLStatement(
                "DELETE FROM stg_order_items WHERE platform = :platform AND order_date = :date", parameters)))
            operations.append(.execute(SQLStatement("DELETE FROM stg_orders WHERE platform = :platform AND order_date = :date", parameters)))
        }
        operations.append(.insert(RowSet(StagingTables.orders, rows: orders)))
        operations.append(.insert(RowSet(StagingTables.orderItems, rows: items)))
        let rows = orders.count + items.count
        writing = Task { [warehouse = context.warehouse, operations] in
            try await warehouse.write(operations)
            return rows
        }
        dates.removeAll()
        orders.removeAll()
        items.removeAll()
        return written
    }
}
