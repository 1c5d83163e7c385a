import OmnidashCore

extension ExecutiveOverview {
    /// The page's name, in its heading, its document title and the navigation.
    public static let title = "Executive overview"

    /// The Executive overview page as a complete document: the date range, the nine KPI cards in the model's
    /// order, daily revenue against ad spend, revenue by marketplace, spend by ad platform, the daily table,
    /// links to the CSV and JSON variants, and when each source last synced.
    ///
    /// When the range holds no data at all, the chart, breakdowns and table give way to a plain explanation
    /// that suggests `omnidash sync`, rather than an empty chart.
    public static func view(_ model: Model) -> HTMLNode {
        let route = SiteRoute.executive(model.filters)
        return Layout.page(title: title, navigation: Layout.navigation(current: route, filters: model.filters),
                           filters: DateRangeForm(filters: model.filters, action: route).html) {
            HTMLNode.div(.class("page-header")) {
                HTMLNode.h1 { title }
                exports(model.filters)
            }
            HTMLNode.section(.class("kpi-grid"), .ariaLabel("Key figures")) {
                for kpi in model.kpis { KPICard(kpi) }
            }
            if hasData(model) {
                HTMLNode.section(.class("card")) { chart(model) }
                HTMLNode.div(.class("split")) {
                    HTMLNode.section(.class("card")) {
                        HTMLNode.h2 { "Revenue by marketplace" }
                        BarList(items: model.revenueByMarketplace.map(item), polarity: .higherIsBetter,
                                emptyText: "No marketplace revenue in this period.")
                    }
                    HTMLNode.section(.class("card")) {
                        HTMLNode.h2 { "Ad spend by platform" }
                        // More spend is neither good nor bad news by itself, so its changes stay grey.
                        BarList(items: model.spendByAdPlatform.map(item), polarity: .neutral,
                                emptyText: "No ad spend in this period.")
                    }
                }
                HTMLNode.section(.class("card")) { dailyTable(model) }
            } else {
                emptyState(model.filters)
            }
            freshness(model.freshness)
        }
    }

    /// Whether the range holds any order, revenue or spend; a range of zeros is shown as "no data".
    static func hasData(_ model: Model) -> Bool {
        model.daily.contains { $0.revenueMinor != 0 || $0.adSpendMinor != 0 || $0.orders != 0 }
            || model.revenueByMarketplace.contains { $0.currentMinor != 0 }
            || model.spendByAdPlatform.contains { $0.currentMinor != 0 }
    }

    // MARK: Parts

    private static func exports(_ filters: DashboardFilters) -> HTMLNode {
        .p(.class("exports")) {
            HTMLNode.a(.href(.executiveCSV(filters)), .download) { "Download CSV" }
            " "
            HTMLNode.a(.href(.executiveJSON(filters))) { "JSON" }
        }
    }

    private static func chart(_ model: Model) -> LineChart {
        LineChart(title: "Daily revenue and ad spend", dates: model.daily.map(\.date), series: [
            LineChart.Series(name: "Revenue", mark: .bars, valuesMinor: model.daily.map(\.revenueMinor)),
            LineChart.Series(name: "Ad spend", mark: .line, valuesMinor: model.daily.map(\.adSpendMinor)),
        ])
    }

    private static func item(_ breakdown: Breakdown) -> BarList.Item {
        BarList.Item(label: breakdown.platform.displayName, valueMinor: breakdown.currentMinor, change: breakdown.change)
    }

    /// Newest day first (the question is usually "how did yesterday go?"), with the period's totals below.
    private static func dailyTable(_ model: Model) -> DataTable {
        let revenue = model.daily.reduce(Int64(0)) { $0 + $1.revenueMinor }
        let orders = model.daily.reduce(Int64(0)) { $0 + $1.orders }
        let spend = model.daily.reduce(Int64(0)) { $0 + $1.adSpendMinor }
        return DataTable(
            caption: "Daily figures",
            columns: [
                DataTable.Column("Date", kind: .text),
                DataTable.Column("Revenue", kind: .number),
                DataTable.Column("Orders", kind: .number),
                DataTable.Column("Ad spend", kind: .number),
                DataTable.Column("ROAS", kind: .number),
            ],
            rows: model.daily.reversed().map { day in
                [.date(day.date), .money(minor: day.revenueMinor), .count(day.orders), .money(minor: day.adSpendMinor),
                 .measure(day.roas.map(Measure.multiple))]
            },
            footer: [
                .text("Total"), .money(minor: revenue), .count(orders), .money(minor: spend),
                .measure(Metrics.roas(revenueMinor: revenue, spendMinor: spend).map(Measure.multiple)),
            ]
        )
    }

    private static func emptyState(_ filters: DashboardFilters) -> HTMLNode {
        .section(.class("card", "empty-state")) {
            HTMLNode.h2 { "No data for " + Format.dateRange(filters.range) }
            HTMLNode.p { "No orders, revenue or ad spend have been loaded for this period." }
            HTMLNode.p {
                "Run "
                HTMLNode.code { "omnidash sync" }
                " to fetch the latest data from your shops and ad accounts, then "
                HTMLNode.code { "omnidash transform" }
                " to rebuild the figures, or choose another date range."
            }
        }
    }

    /// `Data freshness: <source> synced 2026-11-25 06:30 UTC · <source> never synced`, with sources whose last
    /// run did not succeed marked, so a seller knows which figures may be behind.
    private static func freshness(_ sources: [SourceFreshness]) -> HTMLNode {
        .div(.class("freshness"), .role("note"), .ariaLabel("Data freshness")) {
            "Data freshness: "
            if sources.isEmpty {
                "no source has synced yet."
            } else {
                HTMLNode.ul {
                    for source in sources { freshnessItem(source) }
                }
            }
        }
    }

    private static func freshnessItem(_ source: SourceFreshness) -> HTMLNode {
        let failed = source.lastStatus.map { !successStatuses.contains($0.lowercased()) } ?? false
        let stale = failed || source.lastSuccessAt == nil
        return .element("li", stale ? [.class("is-stale")] : []) {
            source.platform.displayName
            if let lastSuccessAt = source.lastSuccessAt {
                " synced "
                let shown = Format.timestamp(lastSuccessAt)
                // Only a timestamp that parsed is a valid `datetime`; anything else is shown as plain text.
                if shown != lastSuccessAt {
                    HTMLNode.time(.datetime(lastSuccessAt)) { shown }
                } else {
                    shown
                }
            } else {
                " never synced"
            }
            if failed, let status = source.lastStatus {
                "; last run: " + status
            }
        }
    }

    /// Sync-run statuses that mean the last run worked; any other status is worth pointing out.
    private static let successStatuses: Set<String> = ["succeeded", "success", "ok", "completed", "complete"]
}
