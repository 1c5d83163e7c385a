import Foundation
import OmnidashCore

extension ProductAnalytics {
    /// One row per product shown, then the total: the page's table. With a product chosen, its days follow.
    public static func csv(_ model: Model) -> String {
        let splits = (marketplaces.map(\.rawValue) + ["other"]).map { "\($0)_revenue" }
        var lines = (["rank", "sku_master", "product_name", "category", "units", "revenue"] + splits
                     + ["cost", "gross_profit", "margin", "fees", "profit_after_fees", "margin_after_fees", "unsettled_revenue",
                        "previous_revenue", "revenue_change"]).joined(separator: ",")
        var rows = [lines]
        for product in model.products {
            rows.append(([String(product.revenueRank), PageExport.csvField(product.skuMaster), PageExport.csvField(product.productName ?? ""),
                          PageExport.csvField(product.category ?? ""), String(product.units), PageExport.money(product.revenueMinor)]
                         + product.revenueByMarketplaceMinor.map(PageExport.money)
                         + [product.costMinor.map(PageExport.money) ?? "", product.grossProfitMinor.map(PageExport.money) ?? "",
                            PageExport.ratio(product.margin), PageExport.money(product.feesMinor),
                            product.profitAfterFeesMinor.map(PageExport.money) ?? "", PageExport.ratio(product.marginAfterFees),
                            PageExport.money(product.unsettledRevenueMinor), PageExport.money(product.previousRevenueMinor),
                            PageExport.ratio(product.change)])
                .joined(separator: ","))
        }
        let figure = { (key: String) in model.kpis.first { $0.key == key }.map { PageExport.measure($0.current) } ?? "" }
        let totalsBySplit = (0...marketplaces.count).map { index in model.products.reduce(Int64(0)) { $0 + $1.revenueByMarketplaceMinor[index] } }
        rows.append((["", "total", "", "", figure("units"), figure("revenue")] + totalsBySplit.map(PageExport.money)
                     + [figure("cost"), figure("gross_profit"), figure("margin"), figure("fees"), figure("profit_after_fees"), "",
                        PageExport.money(model.products.reduce(Int64(0)) { $0 + $1.unsettledRevenueMinor }), "", ""]).joined(separator: ","))
        if let detail = model.detail {
            lines = "date,sku_master,units,revenue," + splits.joined(separator: ",") + ",cost,fees"
            rows.append("")
            rows.append(lines)
            for day in detail.days {
                rows.append(([day.date.description, PageExport.csvField(detail.skuMaster), String(day.units), PageExport.money(day.revenueMinor)]
                             + day.revenueByMarketplaceMinor.map(PageExport.money)
                             + [day.costMinor.map(PageExport.money) ?? "", PageExport.money(day.feesMinor)])
                    .joined(separator: ","))
            }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    /// The KPIs, every product with its marketplace split, cost and margin, the chosen product's days, and the unmapped
    /// marketplace SKUs; money as decimal text with `_minor` integers beside.
    public static func json(_ model: Model, currency: Currency) throws -> Data {
        typealias Value = PageExport.Value
        let splitKeys = marketplaces.map(\.rawValue) + ["other"]
        func money(_ minor: Int64?) -> Value { minor.map { .text(PageExport.money($0)) } ?? .null }
        func minor(_ value: Int64?) -> Value { value.map(Value.integer) ?? .null }
        func split(_ values: [Int64]) -> Value {
            .object(Dictionary(uniqueKeysWithValues: zip(splitKeys, values).map { ($0, Value.object(["revenue": money($1), "revenue_minor": .integer($1)])) }))
        }
        let products: [Value] = model.products.map { product in
            .object([
                "rank": .integer(Int64(product.revenueRank)), "sku_master": .text(product.skuMaster),
                "product_name": Value(text: product.productName), "category": Value(text: product.category),
                "units": .integer(product.units), "revenue": money(product.revenueMinor), "revenue_minor": .integer(product.revenueMinor),
                "marketplaces": split(product.revenueByMarketplaceMinor),
                "cost": money(product.costMinor), "cost_minor": minor(product.costMinor),
                "gross_profit": money(product.grossProfitMinor), "gross_profit_minor": minor(product.grossProfitMinor),
                "margin": Value(ratio: product.margin),
                "fees": money(product.feesMinor), "fees_minor": .integer(product.feesMinor),
                "profit_after_fees": money(product.profitAfterFeesMinor), "profit_after_fees_minor": minor(product.profitAfterFeesMinor),
                "margin_after_fees": Value(ratio: product.marginAfterFees),
                "unsettled_revenue_minor": .integer(product.unsettledRevenueMinor),
                "previous_revenue_minor": .integer(product.previousRevenueMinor),
                "revenue_change": Value(ratio: product.change),
            ])
        }
        let detail: Value = model.detail.map { detail in
            .object([
                "sku_master": .text(detail.skuMaster), "product_name": Value(text: detail.productName),
                "days": .array(detail.days.map { day in
                    .object(["date": .text(day.date.description), "units": .integer(day.units), "revenue": money(day.revenueMinor),
                             "revenue_minor": .integer(day.revenueMinor), "marketplaces": split(day.revenueByMarketplaceMinor),
                             "cost_minor": minor(day.costMinor), "fees_minor": .integer(day.feesMinor)])
                }),
            ])
        } ?? .null
        let unmapped: [Value] = model.unmapped.map { entry in
            .object([
                "platform": .text(entry.platform.rawValue), "platform_sku": .text(entry.platformSKU), "product_name": Value(text: entry.productName),
                "units": .integer(entry.units), "revenue": money(entry.revenueMinor), "revenue_minor": .integer(entry.revenueMinor),
                "suggested_sku_master": Value(text: entry.suggestedSKUMaster), "suggestion_reason": Value(text: entry.suggestionReason),
            ])
        }
        return try PageExport.document(model.filters, currency: currency, kpis: model.kpis,
                                       sections: ["products": .array(products), "detail": detail, "unmapped": .array(unmapped)])
    }
}
