import Foundation
import OmnidashCore
import Warehouse

/// `raw_lazada_orders` → `stg_orders` and `stg_order_items`: business dates from `create_time`, one status per order
/// from its items' statuses, master SKUs, THB amounts.
///
/// Lazada has no quantity: every unit is its own order item, so every item is a line of quantity 1. An order's
/// revenue is the `paid_price` of its items that count; a line cancelled alone (out of stock) is left out of it.
struct LazadaOrdersStaging: StagingBuilder {
    var name: String { "stg_orders.lazada" }
    var rawTables: [RawTableContract] { [LazadaRawTables.orders] }

    struct Item: Decodable {
        let orderItemID: NumericText?
        let productID: NumericText?
        let skuID: NumericText?
        let sku: String?
        let name: String?
        let itemPrice: String?
        let paidPrice: String
        let status: String

        enum CodingKeys: String, CodingKey {
            case orderItemID = "order_item_id", productID = "product_id", skuID = "sku_id", sku, name, itemPrice = "item_price",
                 paidPrice = "paid_price", status
        }
    }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        let warehouse = context.warehouse
        let dates = try await context.touchedDates(LazadaRawTables.orders, unixSecondsColumn: "create_time", after: watermark)
        var outcome = StagingOutcome(touchedDates: dates)
        guard !dates.isEmpty else { return outcome }
        var sellerNames: [String: String] = [:]
        for row in try await warehouse.query("SELECT seller_id, name FROM raw_lazada_sellers") {
            sellerNames[row.text("seller_id")] = row.optionalText("name")
        }
        var staging = OrderStaging(platform: .lazada, context: context)
        let decoder = JSONDecoder()
        let columns = ["seller_id", "order_id", "customer_name", "payment_method", "currency", "create_time", "update_time", "items",
                       "_ingested_at"]
        try await staging.stage(dates, from: LazadaRawTables.orders, columns: columns, outcome: &outcome) { raw, outcome in
            try order(raw, sellerNames: sellerNames, decoder: decoder, outcome: &outcome)
        }
        return outcome
    }

    private func order(_ raw: WarehouseRow, sellerNames: [String: String], decoder: JSONDecoder,
                       outcome: inout StagingOutcome) throws -> MarketplaceOrder {
        let orderID = raw.text("order_id")
        let sellerID = raw.text("seller_id")
        let items: [Item]
        do {
            items = try decoder.decode([Item].self, from: Data(raw.text("items").utf8))
        } catch {
            throw StagingError(table: LazadaRawTables.orders.table, key: "\(sellerID)/\(orderID)", reason: "items: \(error)")
        }
        var lines: [MarketplaceOrder.Line] = []
        for item in items {
            let status = outcome.status(item.status, by: LazadaStatusMap.normalize)
            guard let paid = FixedDecimal(item.paidPrice) else {
                throw StagingError(table: LazadaRawTables.orders.table, key: "\(sellerID)/\(orderID)",
                                   reason: "items: paid_price '\(item.paidPrice)' is not a number")
            }
            lines.append(MarketplaceOrder.Line(
                itemID: item.productID?.text ?? item.orderItemID?.text ?? "", modelID: item.skuID?.text, sku: item.sku,
                productName: item.name, quantity: 1, unitPrice: paid,
                originalUnitPrice: item.itemPrice.flatMap { FixedDecimal($0) } ?? paid, status: status))
        }
        let statusTexts = Array(Set(items.map(\.status))).sorted()
        return MarketplaceOrder(
            orderID: orderID, shopID: sellerID, shopName: sellerNames[sellerID], statusText: statusTexts.joined(separator: ","),
            status: LazadaStatusMap.orderStatus(lines.compactMap(\.status)), paymentMethod: raw.optionalText("payment_method"),
            buyerHash: raw.optionalText("customer_name"), currency: Currency(raw.text("currency")), createdAt: raw.int("create_time"),
            updatedAt: raw.int("update_time"), ingestedAt: raw.text("_ingested_at"), lines: lines)
    }
}
