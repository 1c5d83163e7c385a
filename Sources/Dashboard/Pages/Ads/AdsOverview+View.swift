import OmnidashCore

extension AdsOverview {
    /// The page: the date range and the platform and account controls, ten KPI cards against the previous period with
    /// a note on MER against what the platforms claim, the platform table with budget use, daily spend per platform,
    /// and the campaign table with each campaign's status; a campaign leads to its platform's deep dive.
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
            AdsScopeForm(filters: model.filters, accounts: model.accounts,
                         action: .page(id, .html, model.filters.unscoped), language: language)
            HTMLNode.section(.class("kpi-grid"), .ariaLabel(language.text(.keyFigures))) {
                for kpi in model.kpis { KPICard(kpi, language: language) }
            }
            if !model.platforms.isEmpty {
                HTMLNode.p(.class("note")) {
                    language.text(.merNote, [
                        "revenue": Format.money(minor: model.blended.revenueMinor), "spend": Format.money(minor: model.blended.spendMinor),
                        "claimed": Format.money(minor: model.blended.conversionValueMinor),
                        "share": Format.measure(model.blended.claimedShare.map(Measure.percent)),
                    ])
                }
                HTMLNode.section(.class("card")) { platformTable(model, language) }
                HTMLNode.section(.class("card")) {
                    LineChart(title: language.text(.dailySpendByPlatform), dates: model.daily.map(\.date),
                              series: model.platforms.enumerated().map { index, row in
                                  LineChart.Series(name: row.platform.displayName, mark: .line,
                                                   valuesMinor: model.daily.map { $0.spendMinor[index] })
                              }, language: language)
                }
                HTMLNode.section(.class("card")) { campaignTable(model, language) }
            } else {
                HTMLNode.section(.class("card", "empty-state")) {
                    HTMLNode.h2 { language.text(.noAdDataFor, ["range": Format.dateRange(model.filters.range, in: language)]) }
                    HTMLNode.p { language.markup(.noAdDataHowTo, ["command": .code { "omnidash sync --transform" }]) }
                }
            }
        }
    }

    private static func platformTable(_ model: Model, _ language: Language) -> DataTable {
        func column(_ key: TextKey, _ kind: DataTable.Kind = .number) -> DataTable.Column { DataTable.Column(language.text(key), kind: kind) }
        let total = model.platforms.reduce(AdFigures()) { $0 + $1.figures }
        return DataTable(
            caption: language.text(.adsByPlatform),
            columns: [column(.adPlatform, .text)] + AdsTable.figureColumns.map { column($0) }
                + [column(.spendChange), column(.dailyBudget), column(.budgetUtilization)],
            rows: model.platforms.map { row in
                [DataTable.Cell(row.platform.displayName, sortValue: row.platform.displayName,
                                link: AdsDeepDive.route(for: row.platform, model.filters.scopedToAds(platform: row.platform)))]
                    + AdsTable.figureCells(row.figures, platform: row.platform, language: language)
                    + [AdsTable.change(row.spendChange), .money(minor: row.budgetMinor),
                       .measure(row.budgetUtilization.map(Measure.percent))]
            },
            footer: [.text(language.text(.total))] + AdsTable.figureCells(total, platform: nil, language: language) + [.text(""), .text(""), .text("")]
        )
    }

    private static func campaignTable(_ model: Model, _ language: Language) -> DataTable {
        func column(_ key: TextKey, _ kind: DataTable.Kind = .number) -> DataTable.Column { DataTable.Column(language.text(key), kind: kind) }
        return DataTable(
            caption: language.text(.campaigns),
            columns: [column(.campaign, .text), column(.adPlatform, .text), column(.adAccount, .text), column(.status, .text)]
                + AdsTable.figureColumns.map { column($0) } + [column(.dailyBudget), column(.budgetUtilization)],
            rows: model.campaigns.map { row in
                let drill = model.filters.scopedToAds(platform: row.platform, accountID: row.accountID, campaignID: row.campaignID)
                return [DataTable.Cell(row.campaignName ?? row.campaignID, sortValue: row.campaignName ?? row.campaignID,
                                       link: AdsDeepDive.route(for: row.platform, drill)),
                        .text(row.platform.displayName), .text(row.accountName ?? row.accountID),
                        AdsTable.status(row.status, language: language)]
                    + AdsTable.figureCells(row.figures, platform: row.platform, language: language)
                    + [.money(minor: row.budgetMinor), .measure(row.budgetUtilization.map(Measure.percent))]
            }
        )
    }
}
