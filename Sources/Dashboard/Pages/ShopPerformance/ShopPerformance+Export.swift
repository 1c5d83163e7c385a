import Foundation
import OmnidashCore

extension ShopPerformance {
    /// One row per shop shown, then the total of those shops: the page's table, with the comparison figures.
    public static func csv(_ model: Model) -> String {
        var lines = ["platform,shop_id,shop_name,revenue,orders,units,aov,refunded_orders,refund_amount,refund_rate,"
                     + "previous_revenue,revenue_mom,revenue_yoy,orders_mom,fees,profit_after_fees,unsettled_orders"]
        for row in model.rows {
            lines.append([
                row.platform.rawValue, row.shopID, PageExport.csvField(row.shopName ?? ""), PageExport.money(row.revenueMinor),
                String(row.orders), String(row.units), PageExport.ratio(row.aov), String(row.refundedOrders),
                PageExport.money(row.refundAmountMinor), PageExport.ratio(row.refundRate), PageExport.money(row.previousRevenueMinor),
                PageExport.ratio(row.revenueMoM), PageExport.ratio(row.revenueYoY), PageExport.ratio(row.ordersMoM),
                PageExport.money(row.feesMinor), row.profitAfterFeesMinor.map(PageExport.money) ?? "", String(row.unsettledOrders),
            ].joined(separator: ","))
        }
        let figure = { (key: String) in model.kpis.first { $0.key == key }.map { PageExport.measure($0.current) } ?? "" }
        let previous = model.rows.reduce(Int64(0)) { $0 + $1.previousRevenueMinor }
        let refunded = model.rows.reduce(Int64(0)) { $0 + $1.refundedOrders }
        lines.append([
            "total", "", "", figure("revenue"), figure("orders"), figure("units"), figure("aov"), String(refunded),
            figure("refund_amount"), figure("refund_rate"), PageExport.money(previous), PageExport.ratio(model.growth.revenueMoM),
            PageExport.ratio(model.growth.revenueYoY), PageExport.ratio(model.growth.ordersMoM), figure("fees"),
            figure("profit_after_fees"), String(model.rows.reduce(Int64(0)) { $0 + $1.unsettledOrders }),
        ].joined(separator: ","))
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The KPIs with their previous values and changes, the growth figures, every shop's row and the daily revenue per
    /// marketplace; money as decimal text with `_minor` integers beside, as on every page.
    public static func json(_ model: Model, currency: Currency) throws -> Data {
        typealias Value = PageExport.Value
        let shops: [[String: Value]] = model.rows.map { row in
            [
                "platform": .text(row.platform.rawValue), "shop_id": .text(row.shopID), "shop_name": Value(text: row.shopName),
                "revenue": .text(PageExport.money(row.revenueMinor)), "revenue_minor": .integer(row.revenueMinor),
                "orders": .integer(row.orders), "units": .integer(row.units), "aov": Value(averageMoney: row.aov),
                "refunded_orders": .integer(row.refundedOrders), "refund_amount": .text(PageExport.money(row.refundAmountMinor)),
                "refund_amount_minor": .integer(row.refundAmountMinor), "refund_rate": Value(ratio: row.refundRate),
                "previous_revenue_minor": .integer(row.previousRevenueMinor), "revenue_mom": Value(ratio: row.revenueMoM),
                "revenue_yoy": Value(ratio: row.revenueYoY), "orders_mom": Value(ratio: row.ordersMoM),
                "fees": .text(PageExport.money(row.feesMinor)), "fees_minor": .integer(row.feesMinor),
                "profit_after_fees": row.profitAfterFeesMinor.map { .text(PageExport.money($0)) } ?? .null,
                "profit_after_fees_minor": row.profitAfterFeesMinor.map(Value.integer) ?? .null,
                "unsettled_orders": .integer(row.unsettledOrders),
            ]
        }
        let daily: [[String: Value]] = model.daily.map { day in
            var entry: [String: Value] = ["date": .text(day.date.description)]
            for (index, platform) in model.marketplaces.enumerated() {
                entry["\(platform.rawValue)_revenue_minor"] = .integer(day.revenueMinor[index])
            }
            return entry
        }
        return try PageExport.document(model.filters, currency: currency, kpis: model.kpis, sections: [
            "growth": .object([
                "revenue_mom": Value(ratio: model.growth.revenueMoM), "revenue_yoy": Value(ratio: model.growth.revenueYoY),
                "orders_mom": Value(ratio: model.growth.ordersMoM),
                "month_ago": .object(["from": .text(model.growth.monthAgo.start.description), "to": .text(model.growth.monthAgo.end.description)]),
                "year_ago": .object(["from": .text(model.growth.yearAgo.start.description), "to": .text(model.growth.yearAgo.end.description)]),
            ]),
            "shops": .array(shops.map(Value.object)),
            "daily": .array(daily.map(Value.object)),
        ])
    }
}
