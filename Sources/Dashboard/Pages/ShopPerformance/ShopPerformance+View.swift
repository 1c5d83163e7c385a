import OmnidashCore

extension ShopPerformance {
    /// The page: the date range and the marketplace and shop controls, eight KPI cards against the previous period,
    /// revenue against the same days a month and a year before, daily revenue per marketplace, and the shop table with
    /// each shop's fees and profit after fees (and how many orders still await settlement).
    public static func view(_ model: Model, language: Language) -> HTMLNode {
        let route = SiteRoute.page(id, .html, model.filters)
        let title = language.text(title)
        return Layout.page(title: title, language: language, alternate: route,
                           navigation: Layout.navigation(current: route, filters: model.filters, language: language),
                           filters: DateRangeForm(filters: model.filters, action: route, language: language).html) {
            HTMLNode.div(.class("page-header")) {
                HTMLNode.h1 { title }
                PageExport.links(id, model.filters, language: language)
            }
            ScopeForm(filters: model.filters, shops: model.shops, action: .page(id, .html, model.filters.unscoped),
                      language: language)
            HTMLNode.section(.class("kpi-grid"), .ariaLabel(language.text(.keyFigures))) {
                for kpi in model.kpis { KPICard(kpi, language: language) }
            }
            HTMLNode.p(.class("growth")) {
                language.markup(.shopGrowth, [
                    "revenueMoM": .strong { Format.delta(model.growth.revenueMoM) },
                    "monthAgo": .text(Format.dateRange(model.growth.monthAgo, in: language)),
                    "revenueYoY": .strong { Format.delta(model.growth.revenueYoY) },
                    "yearAgo": .text(Format.dateRange(model.growth.yearAgo, in: language)),
                    "ordersMoM": .strong { Format.delta(model.growth.ordersMoM) },
                ])
            }
            if model.rows.contains(where: { $0.revenueMinor != 0 || $0.orders != 0 || $0.refundedOrders != 0 }) {
                HTMLNode.section(.class("card")) {
                    LineChart(title: language.text(.dailyRevenueByMarketplace), dates: model.daily.map(\.date),
                              series: model.marketplaces.enumerated().map { index, platform in
                                  LineChart.Series(name: platform.displayName, mark: .line, valuesMinor: model.daily.map { $0.revenueMinor[index] })
                              }, language: language)
                }
                HTMLNode.section(.class("card")) {
                    table(model, language)
                    let unsettled = model.rows.reduce(Int64(0)) { $0 + $1.unsettledOrders }
                    if unsettled > 0, !CostFigures.hidden {
                        HTMLNode.p(.class("note")) { language.text(.feesSettledNote, ["count": Format.integer(unsettled)]) }
                    }
                }
            } else {
                HTMLNode.section(.class("card", "empty-state")) {
                    HTMLNode.h2 { language.text(.noShopDataFor, ["range": Format.dateRange(model.filters.range, in: language)]) }
                    HTMLNode.p { language.markup(.noShopDataHowTo, ["command": .code { "omnidash sync --transform" }]) }
                }
            }
        }
    }

    /// One row per shop, by revenue; the footer sums the shops shown.
    private static func table(_ model: Model, _ language: Language) -> DataTable {
        let revenue = model.rows.reduce(Int64(0)) { $0 + $1.revenueMinor }
        let orders = model.rows.reduce(Int64(0)) { $0 + $1.orders }
        let refunded = model.rows.reduce(Int64(0)) { $0 + $1.refundedOrders }
        let refunds = model.rows.reduce(Int64(0)) { $0 + $1.refundAmountMinor }
        let unsettled = model.rows.reduce(Int64(0)) { $0 + $1.unsettledOrders }
        let figure = { (key: String) in model.kpis.first { $0.key == key }?.current }
        func column(_ key: TextKey, _ kind: DataTable.Kind) -> DataTable.Column { DataTable.Column(language.text(key), kind: kind) }
        return DataTable(
            caption: language.text(.shops),
            columns: [
                column(.shop, .text), column(.marketplace, .text), column(.revenue, .number), column(.orders, .number),
                column(.aov, .number), column(.refunds, .number), column(.refundRate, .number), column(.revenueMoM, .number),
                column(.revenueYoY, .number), column(.ordersMoM, .number), column(.marketplaceFees, .number),
                column(.profitAfterFees, .number), column(.awaitingSettlement, .number),
            ],
            rows: model.rows.map { row in
                [.text(row.shopName ?? row.shopID), .text(row.platform.displayName), .money(minor: row.revenueMinor),
                 .count(row.orders), .measure(row.aov.map(Measure.averageMoney)), .money(minor: row.refundAmountMinor),
                 .measure(row.refundRate.map(Measure.percent)), change(row.revenueMoM), change(row.revenueYoY), change(row.ordersMoM),
                 .money(minor: row.feesMinor), .money(minor: row.profitAfterFeesMinor), .count(row.unsettledOrders)]
            },
            footer: [
                .text(language.text(.total)), .text(""), .money(minor: revenue), .count(orders),
                .measure(Metrics.aov(revenueMinor: revenue, orders: orders).map(Measure.averageMoney)), .money(minor: refunds),
                .measure(orders + refunded == 0 ? nil : .percent(Double(refunded) / Double(orders + refunded))),
                change(model.growth.revenueMoM), change(model.growth.revenueYoY), change(model.growth.ordersMoM),
                .measure(figure("fees")), .measure(figure("profit_after_fees")), .count(unsettled),
            ]
        )
    }

    private static func change(_ value: Double?) -> DataTable.Cell {
        DataTable.Cell(Format.delta(value), sortValue: value.map { String($0) })
    }
}
