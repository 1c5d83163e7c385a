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
        var shopNames: [String: String] = [:]
        for row in try await warehouse.query("SELECT shop_id, shop_name FROM raw_shopee_shops") {
            shopNames[row.text("shop_id")] = row.optionalText("shop_name")
        }
        var staging = OrderStaging(platform: .shopee, context: context)
        let columns = ["shop_id", "order_sn", "buyer_username", "order_status", "payment_method", "currency", "create_time",
                       "update_time", "items", "_ingested_at"]
        try await staging.stage(dates, from: ShopeeRawTables.orders, columns: columns, outcome: &outcome) { raw, outcome in
            try order(raw, shopNames: shopNames, outcome: &outcome)
        }
        return outcome
    }

    /// A raw order in the shape every marketplace shares.
    private func order(_ raw: WarehouseRow, shopNames: [String: String], outcome: inout StagingOutcome) throws -> MarketplaceOrder {
        let orderSN = raw.text("order_sn")
        let shopID = raw.text("shop_id")
        let statusText = raw.text("order_status")
        let status: NormalizedOrderStatus
        if let known = ShopeeStatusMap.normalize(statusText) {
            status = known
        } else {
            // Counted and reported; pending is the least surprising home until the map learns the status.
            outcome.unknownStatuses[statusText, default: 0] += 1
            status = .pending
        }
        let items: [ShopeeOrderItem]
        do {
            items = try ShopeeOrderItem.list(raw.text("items"))
        } catch {
            throw StagingError(table: ShopeeRawTables.orders.table, key: "\(shopID)/\(orderSN)", reason: "items: \(error)")
        }
        return MarketplaceOrder(
            orderID: orderSN, shopID: shopID, shopName: shopNames[shopID], statusText: statusText, status: status,
            paymentMethod: raw.optionalText("payment_method"), buyerHash: raw.optionalText("buyer_username"),
            currency: Currency(raw.text("currency")), createdAt: raw.int("create_time"), updatedAt: raw.int("update_time"),
            ingestedAt: raw.text("_ingested_at"),
            lines: items.map { item in
                MarketplaceOrder.Line(itemID: String(item.itemID), modelID: item.modelID.map(String.init), sku: item.sku,
                                      productName: item.itemName, quantity: item.quantity, unitPrice: item.discountedPrice,
                                      originalUnitPrice: item.originalPrice)
            })
    }
}
