import OmnidashCore

extension ExecutiveOverview {
    /// The page's name, in its heading, its document title and the navigation.
    public static let title = TextKey.executiveOverviewTitle

    /// The Executive overview page as a complete document: the date range, the nine KPI cards in the model's
    /// order, daily revenue against ad spend, revenue by marketplace, spend by ad platform, the daily table,
    /// links to the CSV and JSON variants, and when each source last synced.
    ///
    /// When the range holds no data at all, the chart, breakdowns and table give way to a plain explanation
    /// that suggests `omnidash sync`, rather than an empty chart.
    public static func view(_ model: Model, language: Language) -> HTMLNode {
        let route = SiteRoute.executive(model.filters)
        let title = language.text(title)
        return Layout.page(title: title, language: language, alternate: route,
                           navigation: Layout.navigation(current: route, filters: model.filters, language: language),
                           filters: DateRangeForm(filters: model.filters, action: route, language: language).html) {
            HTMLNode.div(.class("page-header")) {
                HTMLNode.h1 { title }
                PageExport.links(id, model.filters, language: language)
            }
            // Before the first sync there is nothing to narrow to.
            if !model.shops.isEmpty {
                ScopeForm(filters: model.filters, shops: model.shops, action: .executive(model.filters.unscoped), language: language)
            }
            if model.filters.platform != nil || model.filters.shopID != nil {
                HTMLNode.p(.class("scope-note")) { language.text(.adsCoverEveryChannel) }
            }
            HTMLNode.section(.class("kpi-grid"), .ariaLabel(language.text(.keyFigures))) {
                for kpi in model.kpis { KPICard(kpi, language: language) }
            }
            if hasData(model) {
                HTMLNode.section(.class("card")) { chart(model, language) }
                HTMLNode.div(.class("split")) {
                    HTMLNode.section(.class("card")) {
                        HTMLNode.h2 { language.text(.revenueByMarketplace) }
                        BarList(items: model.revenueByMarketplace.map(item), polarity: .higherIsBetter,
                                emptyText: language.text(.noMarketplaceRevenue), language: language)
                    }
                    HTMLNode.section(.class("card")) {
                        HTMLNode.h2 { language.text(.adSpendByPlatform) }
                        // More spend is neither good nor bad news by itself, so its changes stay grey.
                        BarList(items: model.spendByAdPlatform.map(item), polarity: .neutral,
                                emptyText: language.text(.noAdSpend), language: language)
                    }
                }
                HTMLNode.section(.class("card")) { dailyTable(model, language) }
            } else {
                emptyState(model.filters, language)
            }
            freshness(model.freshness, language)
        }
    }

    /// Whether the range holds any order, revenue or spend; a range of zeros is shown as "no data".
    static func hasData(_ model: Model) -> Bool {
        model.daily.contains { $0.revenueMinor != 0 || $0.adSpendMinor != 0 || $0.orders != 0 }
            || model.revenueByMarketplace.contains { $0.currentMinor != 0 }
            || model.spendByAdPlatform.contains { $0.currentMinor != 0 }
    }

    // MARK: Parts

    private static func chart(_ model: Model, _ language: Language) -> LineChart {
        LineChart(title: language.text(.dailyRevenueAndAdSpend), dates: model.daily.map(\.date), series: [
            LineChart.Series(name: language.text(.revenue), mark: .bars, valuesMinor: model.daily.map(\.revenueMinor)),
            LineChart.Series(name: language.text(.adSpend), mark: .line, valuesMinor: model.daily.map(\.adSpendMinor)),
        ], language: language)
    }

    private static func item(_ breakdown: Breakdown) -> BarList.Item {
        BarList.Item(label: breakdown.platform.displayName, valueMinor: breakdown.currentMinor, change: breakdown.change)
    }

    /// Newest day first (the question is usually "how did yesterday go?"), with the period's totals below.
    private static func dailyTable(_ model: Model, _ language: Language) -> DataTable {
        let revenue = model.daily.reduce(Int64(0)) { $0 + $1.revenueMinor }
        let orders = model.daily.reduce(Int64(0)) { $0 + $1.orders }
        let spend = model.daily.reduce(Int64(0)) { $0 + $1.adSpendMinor }
        return DataTable(
            caption: language.text(.dailyFigures),
            columns: [
                DataTable.Column(language.text(.date), kind: .text),
                DataTable.Column(language.text(.revenue), kind: .number),
                DataTable.Column(language.text(.orders), kind: .number),
                DataTable.Column(language.text(.adSpend), kind: .number),
                DataTable.Column(language.text(.roas), kind: .number),
            ],
            rows: model.daily.reversed().map { day in
                [.date(day.date, in: language), .money(minor: day.revenueMinor), .count(day.orders),
                 .money(minor: day.adSpendMinor), .measure(day.roas.map(Measure.multiple))]
            },
            footer: [
                .text(language.text(.total)), .money(minor: revenue), .count(orders), .money(minor: spend),
                .measure(Metrics.roas(revenueMinor: revenue, spendMinor: spend).map(Measure.multiple)),
            ]
        )
    }

    private static func emptyState(_ filters: DashboardFilters, _ language: Language) -> HTMLNode {
        .section(.class("card", "empty-state")) {
            HTMLNode.h2 { language.text(.noDataFor, ["range": Format.dateRange(filters.range, in: language)]) }
            HTMLNode.p { language.text(.noDataLoaded) }
            HTMLNode.p {
                // Commands are typed as they are, whatever the page's language.
                language.markup(.noDataHowTo, ["sync": .code { "omnidash sync" }, "transform": .code { "omnidash transform" }])
            }
        }
    }

    /// `Data freshness: <source> synced 2026-11-25 06:30 UTC · <source> never synced`, with sources whose last
    /// run did not succeed marked, so a seller knows which figures may be behind.
    private static func freshness(_ sources: [SourceFreshness], _ language: Language) -> HTMLNode {
        .div(.class("freshness"), .role("note"), .ariaLabel(language.text(.dataFreshness))) {
            language.text(.dataFreshness) + ": "
            if sources.isEmpty {
                language.text(.noSourceSynced)
            } else {
                HTMLNode.ul {
                    for source in sources { freshnessItem(source, language) }
                }
            }
        }
    }

    private static func freshnessItem(_ source: SourceFreshness, _ language: Language) -> HTMLNode {
        let failed = source.lastStatus.map { !successStatuses.contains($0.lowercased()) } ?? false
        let stale = failed || source.lastSuccessAt == nil
        return .element("li", stale ? [.class("is-stale")] : []) {
            if let lastSuccessAt = source.lastSuccessAt {
                let shown = Format.timestamp(lastSuccessAt, in: language)
                // Only a timestamp that parsed is a valid `datetime`; anything else is shown as plain text.
                let time: HTMLNode = shown != lastSuccessAt ? .time(.datetime(lastSuccessAt)) { shown } : .text(shown)
                language.markup(.sourceSynced, ["source": .text(source.platform.displayName), "time": time])
            } else {
                language.text(.sourceNeverSynced, ["source": source.platform.displayName])
            }
            if failed, let status = source.lastStatus {
                language.text(.lastRun, ["status": statusText(status, language)])
            }
        }
    }

    /// Sync-run statuses that mean the last run worked; any other status is worth pointing out.
    private static let successStatuses: Set<String> = ["succeeded", "success", "ok", "completed", "complete"]

    /// A sync run's status (`sync_runs.status`) in words; a status this version does not know is shown as stored.
    private static func statusText(_ status: String, _ language: Language) -> String {
        switch status.lowercased() {
        case "running": language.text(.syncStatusRunning)
        case "succeeded": language.text(.syncStatusSucceeded)
        case "failed": language.text(.syncStatusFailed)
        case "interrupted": language.text(.syncStatusInterrupted)
        default: status
        }
    }
}
