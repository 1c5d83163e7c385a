import Foundation
import OmnidashCore
import Warehouse

/// `raw_tiktok_orders` and `raw_tiktok_returns` → `stg_orders` and `stg_order_items`: business dates from
/// `create_time`, master SKUs, THB amounts.
///
/// TikTok Shop lists one line item per unit and has no quantity field, so a staged line is the run of units with the
/// same `sku_id`, price and status, and its quantity is how many there are (DECISIONLOG.md, "TikTok Shop"). A refund
/// is not an order status there: units covered by a return whose refund is complete are refunded, and an order
/// whose every unit is refunded is refunded.
struct TikTokShopOrdersStaging: StagingBuilder {
    var name: String { "stg_orders.tiktok" }
    var rawTables: [RawTableContract] { [TikTokShopRawTables.orders, TikTokShopRawTables.returns] }

    struct Item: Decodable {
        let id: String
        let skuID: String
        let productID: String?
        let productName: String?
        let skuName: String?
        let sellerSKU: String?
        let salePrice: String
        let originalPrice: String?
        let displayStatus: String?

        enum CodingKeys: String, CodingKey {
            case id, skuID = "sku_id", productID = "product_id", productName = "product_name", skuName = "sku_name",
                 sellerSKU = "seller_sku", salePrice = "sale_price", originalPrice = "original_price", displayStatus = "display_status"
        }
    }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        let warehouse = context.warehouse
        // An order is restaged when it changed, or when a return of it did.
        var dates = try await context.touchedDates(TikTokShopRawTables.orders, unixSecondsColumn: "create_time", after: watermark)
        dates.formUnion(try await context.touchedDates(buckets: SQLStatement("""
            SELECT DISTINCT o.create_time / 900 AS bucket FROM raw_tiktok_returns r
            JOIN raw_tiktok_orders o ON o.shop_id = r.shop_id AND o.order_id = r.order_id
            WHERE r._loaded_at_us > :watermark
            """, ["watermark": .integer(watermark)])))
        var outcome = StagingOutcome(touchedDates: dates)
        guard !dates.isEmpty else { return outcome }
        var shopNames: [String: String] = [:]
        for row in try await warehouse.query("SELECT shop_id, name FROM raw_tiktok_shops") {
            shopNames[row.text("shop_id")] = row.optionalText("name")
        }
        let refunds = try await refundedLines(warehouse)
        var staging = OrderStaging(platform: .tiktokShop, context: context)
        let decoder = JSONDecoder()
        let columns = ["shop_id", "order_id", "user_id", "order_status", "payment_method", "currency", "create_time", "update_time",
                       "items", "_ingested_at"]
        try await staging.stage(dates, from: TikTokShopRawTables.orders, columns: columns, outcome: &outcome) { raw, outcome in
            try order(raw, shopNames: shopNames, refunds: refunds, decoder: decoder, outcome: &outcome)
        }
        return outcome
    }

    /// What a completed refund covers, per `shop_id/order_id`: the line item ids, or `nil` for the whole order (a
    /// return that lists no lines).
    private func refundedLines(_ warehouse: any Warehouse) async throws -> [String: Set<String>?] {
        var refunds: [String: Set<String>?] = [:]
        let rows = try await warehouse.query(SQLStatement(
            "SELECT shop_id, order_id, line_item_ids FROM raw_tiktok_returns WHERE return_status = :complete",
            ["complete": .text(TikTokShopRawTables.refundCompleteStatus)]))
        for row in rows {
            let key = "\(row.text("shop_id"))/\(row.text("order_id"))"
            let ids = (try? JSONDecoder().decode([String].self, from: Data(row.text("line_item_ids").utf8))) ?? []
            if ids.isEmpty || refunds[key] == .some(nil) {
                refunds[key] = .some(nil)
            } else {
                refunds[key] = .some((refunds[key] ?? []).map { $0.union(ids) } ?? Set(ids))
            }
        }
        return refunds
    }

    private func order(_ raw: WarehouseRow, shopNames: [String: String], refunds: [String: Set<String>?], decoder: JSONDecoder,
                       outcome: inout StagingOutcome) throws -> MarketplaceOrder {
        let orderID = raw.text("order_id")
        let shopID = raw.text("shop_id")
        let key = "\(shopID)/\(orderID)"
        let items: [Item]
        do {
            items = try decoder.decode([Item].self, from: Data(raw.text("items").utf8))
        } catch {
            throw StagingError(table: TikTokShopRawTables.orders.table, key: key, reason: "items: \(error)")
        }
        let statusText = raw.text("order_status")
        var status = outcome.status(statusText, by: TikTokShopStatusMap.normalize)
        let refund = refunds[key]
        func isRefunded(_ item: Item) -> Bool {
            guard let refund else { return false }
            return refund.map { $0.contains(item.id) } ?? true
        }
        // Units in a run: same SKU, price and status make one line, in the order TikTok lists them.
        var lines: [MarketplaceOrder.Line] = []
        var lineIndex: [String: Int] = [:]
        for item in items {
            guard let price = FixedDecimal(item.salePrice) else {
                throw StagingError(table: TikTokShopRawTables.orders.table, key: key, reason: "items: sale_price '\(item.salePrice)' is not a number")
            }
            let original = item.originalPrice.flatMap { FixedDecimal($0) } ?? price
            var lineStatus: NormalizedOrderStatus?
            if isRefunded(item) {
                lineStatus = .refunded
            } else if let display = item.displayStatus, TikTokShopStatusMap.normalize(display) == .cancelled, status != .cancelled {
                // A unit cancelled alone while the rest of the order goes on.
                lineStatus = .cancelled
            }
            let run = "\(item.skuID)|\(price.micros)|\(original.micros)|\(lineStatus?.rawValue ?? "")"
            if let index = lineIndex[run] {
                lines[index].quantity += 1
                continue
            }
            lineIndex[run] = lines.count
            lines.append(MarketplaceOrder.Line(
                itemID: item.productID ?? item.skuID, modelID: item.skuID, sku: item.sellerSKU,
                productName: [item.productName, item.skuName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " "),
                quantity: 1, unitPrice: price, originalUnitPrice: original, status: lineStatus))
        }
        if !lines.isEmpty, lines.allSatisfy({ $0.status == .refunded }) {
            status = .refunded
            for index in lines.indices { lines[index].status = nil }
        }
        return MarketplaceOrder(
            orderID: orderID, shopID: shopID, shopName: shopNames[shopID],
            statusText: status == .refunded ? "\(statusText),\(TikTokShopRawTables.refundCompleteStatus)" : statusText,
            status: status, paymentMethod: raw.optionalText("payment_method"), buyerHash: raw.optionalText("user_id"),
            currency: Currency(raw.text("currency")), createdAt: raw.int("create_time"), updatedAt: raw.int("update_time"),
            ingestedAt: raw.text("_ingested_at"), lines: lines)
    }
}
