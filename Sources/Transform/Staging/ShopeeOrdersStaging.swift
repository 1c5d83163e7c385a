import Foundation
import OmnidashCore
import Warehouse

/// `raw_shopee_orders` → `stg_orders` and `stg_order_items`: Bangkok business dates from `create_time`,
/// normalised statuses, master SKUs, and THB amounts at the rate of the business date.
///
/// Revenue in the marts is the sum of `stg_order_items.total_price_thb_minor` (discounted unit price ×
/// quantity, shipping excluded); each line is rounded to the satang once, here.
struct ShopeeOrdersStaging: StagingBuilder {
    var name: String { "stg_orders.shopee" }

    /// Orders are written in transactions of about this many, each covering whole business dates.
    static let ordersPerWrite = 10_000

    /// What staging reads of a raw order's `items` (the `item_list` exactly as Shopee sent it).
    struct Item: Decodable {
        let itemID: Int64
        let itemName: String?
        let itemSKU: String?
        let modelID: Int64?
        let modelSKU: String?
        let quantity: Int64
        let originalPrice: Decimal
        let discountedPrice: Decimal

        enum CodingKeys: String, CodingKey {
            case itemID = "item_id", itemName = "item_name", itemSKU = "item_sku", modelID = "model_id", modelSKU = "model_sku",
                 quantity = "model_quantity_purchased", originalPrice = "model_original_price",
                 discountedPrice = "model_discounted_price"
        }

        /// The variant's SKU when it has one, else the item's.
        var sku: String? {
            if let modelSKU, !modelSKU.isEmpty { return modelSKU }
            if let itemSKU, !itemSKU.isEmpty { return itemSKU }
            return nil
        }
    }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        let warehouse = context.warehouse
        // 15-minute buckets map to business dates exactly for every UTC offset in use.
        let buckets = try await warehouse.query(SQLStatement(
            "SELECT DISTINCT create_time / 900 AS bucket FROM raw_shopee_orders WHERE _loaded_at_us > :watermark",
            ["watermark": .integer(watermark)]))
        var dates = Set<BusinessDate>()
        for row in buckets {
            let start = row.int("bucket") * 900
            dates.insert(context.calendar.date(unixSeconds: start))
            dates.insert(context.calendar.date(unixSeconds: start + 899))
        }
        var outcome = StagingOutcome(touchedDates: dates)
        guard !dates.isEmpty else { return outcome }
        var shopNames: [String: String] = [:]
        for row in try await warehouse.query("SELECT shop_id, shop_name FROM raw_shopee_shops") {
            shopNames[row.text("shop_id")] = row.optionalText("shop_name")
        }
        var batch = Batch()
        let decoder = JSONDecoder()
        for date in dates.sorted() {
            let instants = context.calendar.instants(of: date)
            let raws = try await warehouse.query(SQLStatement("""
                SELECT shop_id, order_sn, buyer_username, order_status, payment_method, currency, create_time, update_time,
                       items, _ingested_at
                FROM raw_shopee_orders
                WHERE create_time >= :start AND create_time < :end
                """, ["start": .integer(instants.lowerBound), "end": .integer(instants.upperBound)]))
            batch.dates.append(date)
            for raw in raws {
                try stage(raw, date: date, context: context, shopNames: shopNames, decoder: decoder, into: &batch, outcome: &outcome)
            }
            if batch.orders.count >= Self.ordersPerWrite {
                outcome.rows += try await batch.flush(to: warehouse)
            }
        }
        outcome.rows += try await batch.flush(to: warehouse)
        return outcome
    }

    private func stage(_ raw: WarehouseRow, date: BusinessDate, context: StagingContext, shopNames: [String: String],
                       decoder: JSONDecoder, into batch: inout Batch, outcome: inout StagingOutcome) throws {
        let orderSN = raw.text("order_sn")
        let shopID = raw.text("shop_id")
        let statusText = raw.text("order_status")
        let status: NormalizedOrderStatus
        if let known = OrderStatusMap.normalize(statusText, platform: .shopee) {
            status = known
        } else {
            // Counted and reported; pending is the least surprising home until the map learns the status.
            outcome.unknownStatuses[statusText, default: 0] += 1
            status = .pending
        }
        let currency = Currency(raw.text("currency"))
        let rate = try context.fx.rate(currency, on: date)
        let items: [Item]
        do {
            items = try decoder.decode([Item].self, from: Data(raw.text("items").utf8))
        } catch {
            throw StagingError(table: "raw_shopee_orders", key: "\(shopID)/\(orderSN)", reason: "items: \(error)")
        }
        var gross = Decimal(0)
        var net = Decimal(0)
        var grossMinor: Int64 = 0
        var netMinor: Int64 = 0
        var units: Int64 = 0
        for (index, item) in items.enumerated() {
            let lineTotal = item.discountedPrice * Decimal(item.quantity)
            let lineOriginal = item.originalPrice * Decimal(item.quantity)
            let lineTHB = Money(lineTotal, currency: currency).converted(to: context.currency, rate: rate)
            let originalTHB = Money(lineOriginal, currency: currency).converted(to: context.currency, rate: rate)
            gross += lineOriginal
            net += lineTotal
            grossMinor += originalTHB.minorUnits
            netMinor += lineTHB.minorUnits
            units += item.quantity
            let sku = item.sku
            batch.items.append([
                .text(orderSN), .text("shopee"), .text(shopID), .integer(Int64(index + 1)), .text(date.description),
                .text(status.rawValue), .text(String(item.itemID)), SQLValue(item.modelID.map(String.init)), SQLValue(sku),
                SQLValue(sku.map { context.skuMap.master(platform: "shopee", sku: $0) }), SQLValue(item.itemName),
                .integer(item.quantity), .text("\(item.discountedPrice)"),
                .text("\(Money(item.discountedPrice, currency: currency).converted(to: context.currency, rate: rate).decimal)"),
                .text("\(lineTotal)"), .text("\(lineTHB.decimal)"), .integer(lineTHB.minorUnits), .integer(originalTHB.minorUnits),
                .text(raw.text("_ingested_at")),
            ])
        }
        batch.orders.append([
            .text(orderSN), .text("shopee"), .text(shopID), SQLValue(shopNames[shopID]), .text(statusText), .text(status.rawValue),
            raw["payment_method"], raw["buyer_username"], .text("\(gross)"), .text("\(gross - net)"), .text("\(net)"),
            .text(currency.code), .text("\(rate)"), .text("\(Money(minorUnits: netMinor, currency: context.currency).decimal)"),
            .integer(grossMinor), .integer(netMinor), .integer(units), .text(date.description),
            .text(Timestamp.string(unixSeconds: raw.int("create_time"))), .text(Timestamp.string(unixSeconds: raw.int("update_time"))),
            .text(raw.text("_ingested_at")),
        ])
    }

    /// Staged rows waiting to be written, and the dates they replace.
    private struct Batch {
        var dates: [BusinessDate] = []
        var orders: [[SQLValue]] = []
        var items: [[SQLValue]] = []

        mutating func flush(to warehouse: any Warehouse) async throws -> Int {
            guard !dates.isEmpty else { return 0 }
            var operations: [WriteOperation] = []
            for date in dates {
                let parameters: [String: SQLValue] = ["date": .text(date.description)]
                operations.append(.execute(SQLStatement("DELETE FROM stg_order_items WHERE platform = 'shopee' AND order_date = :date", parameters)))
                operations.append(.execute(SQLStatement("DELETE FROM stg_orders WHERE platform = 'shopee' AND order_date = :date", parameters)))
            }
            operations.append(.insert(RowSet(table: "stg_orders", columns: ShopeeOrdersStaging.orderColumns, rows: orders)))
            operations.append(.insert(RowSet(table: "stg_order_items", columns: ShopeeOrdersStaging.itemColumns, rows: items)))
            try await warehouse.write(operations)
            let written = orders.count + items.count
            self = Batch()
            return written
        }
    }

    static let orderColumns = [
        "order_id", "platform", "shop_id", "shop_name", "order_status", "order_status_normalized", "payment_method", "buyer_hash",
        "gross_amount", "discount_amount", "net_amount", "currency", "fx_rate", "amount_thb", "gross_amount_thb_minor",
        "net_amount_thb_minor", "units", "order_date", "order_timestamp", "updated_at", "_ingested_at",
    ]

    static let itemColumns = [
        "order_id", "platform", "shop_id", "line_number", "order_date", "order_status_normalized", "item_id", "model_id", "sku",
        "sku_normalized", "product_name", "quantity", "unit_price", "unit_price_thb", "total_price", "total_price_thb",
        "total_price_thb_minor", "original_total_thb_minor", "_ingested_at",
    ]
}

/// A raw row staging cannot read, named by table and key.
public struct StagingError: UserFacingError {
    public var table: String
    public var key: String
    public var reason: String
    public var description: String { "\(table) \(key): \(reason)" }
}
