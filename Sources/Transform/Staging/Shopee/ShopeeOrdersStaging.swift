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
    var rawTables: [RawTableContract] { [ShopeeRawTables.orders] }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        let warehouse = context.warehouse
        let dates = try await context.touchedDates(ShopeeRawTables.orders, unixSecondsColumn: "create_time", after: watermark)
        var outcome = StagingOutcome(touchedDates: dates)
        guard !dates.isEmpty else { return outcome }
        let shopNames = try await Self.shopNames(warehouse)
        var staging = OrderStaging(platform: .shopee, context: context)
        let columns = ["shop_id", "order_sn", "buyer_username", "order_status", "payment_method", "currency", "create_time",
                       "update_time", "items", "_ingested_at"]
        try await staging.stage(dates, from: ShopeeRawTables.orders, columns: columns, outcome: &outcome) { raw, outcome in
            let columns = try Self.columns(raw)
            return Self.order(columns, shopName: shopNames[columns.shopID], ingestedAt: raw.text("_ingested_at"), outcome: &outcome)
        }
        return outcome
    }

    /// The shop names staging writes beside each order, by shop id.
    static func shopNames(_ warehouse: any Warehouse) async throws -> [String: String] {
        var names: [String: String] = [:]
        for row in try await warehouse.query("SELECT shop_id, shop_name FROM raw_shopee_shops") {
            names[row.text("shop_id")] = row.optionalText("shop_name")
        }
        return names
    }

    /// A raw row read back, its `items` column parsed with the same reader the connector checked it with.
    private static func columns(_ raw: WarehouseRow) throws -> ShopeeOrderColumns {
        let orderSN = raw.text("order_sn")
        let shopID = raw.text("shop_id")
        let items: [ShopeeOrderItem]
        do {
            items = try ShopeeOrderItem.list(raw.text("items"))
        } catch {
            throw StagingError(table: ShopeeRawTables.orders.table, key: "\(shopID)/\(orderSN)", reason: "items: \(error)")
        }
        return ShopeeOrderColumns(
            orderSN: orderSN, shopID: shopID, buyerHash: raw.optionalText("buyer_username"), orderStatus: raw.text("order_status"),
            paymentMethod: raw.optionalText("payment_method"), currency: raw.text("currency"), createTime: raw.int("create_time"),
            updateTime: raw.int("update_time"), items: items)
    }

    /// A raw order in the shape every marketplace shares: from the table, or from the parser as an import loads it.
    static func order(_ raw: ShopeeOrderColumns, shopName: String?, ingestedAt: String, outcome: inout StagingOutcome) -> MarketplaceOrder {
        let status = outcome.status(raw.orderStatus, by: ShopeeStatusMap.normalize)
        return MarketplaceOrder(
            orderID: raw.orderSN, shopID: raw.shopID, shopName: shopName, statusText: raw.orderStatus, status: status,
            paymentMethod: raw.paymentMethod, buyerHash: raw.buyerHash, currency: Currency(raw.currency),
            createdAt: raw.createTime, updatedAt: raw.updateTime, ingestedAt: ingestedAt,
            lines: raw.items.map { item in
                MarketplaceOrder.Line(itemID: String(item.itemID), modelID: item.modelID.map(String.init), sku: item.sku,
                                      productName: item.itemName, quantity: item.quantity, unitPrice: item.discountedPrice,
                                      originalUnitPrice: item.originalPrice)
            })
    }
}
