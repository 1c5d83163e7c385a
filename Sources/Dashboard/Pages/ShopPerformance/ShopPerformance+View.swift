import OmnidashCore

extension ShopPerformance {
    /// The page: the date range and the marketplace and shop controls, six KPI cards against the previous period,
    /// revenue against the same days a month and a year before, daily revenue per marketplace, and the shop table.
    public static func view(_ model: Model) -> HTMLNode {
        let route = SiteRoute.page(id, .html, model.filters)
        return Layout.page(title: title, navigation: Layout.navigation(current: route, filters: model.filters),
                           filters: DateRangeForm(filters: model.filters, action: route).html) {
            HTMLNode.div(.class("page-header")) {
                HTMLNode.h1 { title }
                PageExport.links(id, model.filters)
            }
            ScopeForm(filters: model.filters, shops: model.shops, action: .page(id, .html, model.filters.unscoped))
            HTMLNode.section(.class("kpi-grid"), .ariaLabel("Key figures")) {
                for kpi in model.kpis { KPICard(kpi) }
            }
            HTMLNode.p(.class("growth")) {
                "Revenue "
                HTMLNode.strong { Format.delta(model.growth.revenueMoM) }
                " against the same days a month before (" + Format.dateRange(model.growth.monthAgo) + "), "
                HTMLNode.strong { Format.delta(model.growth.revenueYoY) }
                " against a year before (" + Format.dateRange(model.growth.yearAgo) + "); orders "
                HTMLNode.strong { Format.delta(model.growth.ordersMoM) }
                " against a month before."
            }
            if model.rows.contains(where: { $0.revenueMinor != 0 || $0.orders != 0 || $0.refundedOrders != 0 }) {
                HTMLNode.section(.class("card")) {
                    LineChart(title: "Daily revenue by marketplace", dates: model.daily.map(\.date),
                              series: model.marketplaces.enumerated().map { index, platform in
                                  LineChart.Series(name: platform.displayName, mark: .line, valuesMinor: model.daily.map { $0.revenueMinor[index] })
                              })
                }
                HTMLNode.section(.class("card")) { table(model) }
            } else {
                HTMLNode.section(.class("card", "empty-state")) {
                    HTMLNode.h2 { "No shop data for " + Format.dateRange(model.filters.range) }
                    HTMLNode.p {
                        "No orders have been loaded for these shops in this period. Run "
                        HTMLNode.code { "omnidash sync --transform" }
                        ", or choose another date range, marketplace or shop."
                    }
                }
            }
        }
    }

    /// One row per shop, by revenue; the footer sums the shops shown.
    private static func table(_ model: Model) -> DataTable {
        let revenue = model.rows.reduce(Int64(0)) { $0 + $1.revenueMinor }
        let orders = model.rows.reduce(Int64(0)) { $0 + $1.orders }
        let refunded = model.rows.reduce(Int64(0)) { $0 + $1.refundedOrders }
        let refunds = model.rows.reduce(Int64(0)) { $0 + $1.refundAmountMinor }
        return DataTable(
            caption: "Shops",
            columns: [
                DataTable.Column("Shop", kind: .text), DataTable.Column("Marketplace", kind: .text),
                DataTable.Column("Revenue", kind: .number), DataTable.Column("Orders", kind: .number),
                DataTable.Column("AOV", kind: .number), DataTable.Column("Refunds", kind: .number),
                DataTable.Column("Refund rate", kind: .number), DataTable.Column("Revenue MoM", kind: .number),
                DataTable.Column("Revenue YoY", kind: .number), DataTable.Column("Orders MoM", kind: .number),
            ],
            rows: model.rows.map { row in
                [.text(row.shopName ?? row.shopID), .text(row.platform.displayName), .money(minor: row.revenueMinor),
                 .count(row.orders), .measure(row.aov.map(Measure.averageMoney)), .money(minor: row.refundAmountMinor),
                 .measure(row.refundRate.map(Measure.percent)), change(row.revenueMoM), change(row.revenueYoY), change(row.ordersMoM)]
            },
            footer: [
                .text("Total"), .text(""), .money(minor: revenue), .count(orders),
                .measure(Metrics.aov(revenueMinor: revenue, orders: orders).map(Measure.averageMoney)), .money(minor: refunds),
                .measure(orders + refunded == 0 ? nil : .percent(Double(refunded) / Double(orders + refunded))),
                change(model.growth.revenueMoM), change(model.growth.revenueYoY), change(model.growth.ordersMoM),
            ]
        )
    }

    private static func change(_ value: Double?) -> DataTable.Cell {
        DataTable.Cell(Format.delta(value), sortValue: value.map { String($0) })
    }
}
