import OmnidashCore

extension AdsDeepDive {
    /// The page: dates, platform and account controls, a breadcrumb back up the drill, eight KPI cards, the daily
    /// spend and conversion value, the level's table (each name drills one level down) and the breakdown.
    public func view(_ model: Model, language: Language) -> HTMLNode {
        let route = SiteRoute.page(page, .html, model.filters)
        let title = language.text(title)
        return Layout.page(title: title, language: language, alternate: route,
                           navigation: Layout.navigation(current: route, filters: model.filters, language: language),
                           filters: DateRangeForm(filters: model.filters, action: route, language: language).html) {
            HTMLNode.div(.class("page-header")) {
                HTMLNode.h1 { title }
                PageExport.links(page, model.filters, language: language)
            }
            AdsScopeForm(filters: model.filters, accounts: model.accounts, action: .page(page, .html, model.filters.unscoped),
                         language: language)
            breadcrumb(model, language)
            HTMLNode.section(.class("kpi-grid"), .ariaLabel(language.text(.keyFigures))) {
                for kpi in model.kpis { KPICard(kpi, language: language) }
            }
            if model.rows.isEmpty {
                HTMLNode.section(.class("card", "empty-state")) {
                    HTMLNode.h2 { language.text(.noAdDataFor, ["range": Format.dateRange(model.filters.range, in: language)]) }
                    HTMLNode.p { language.markup(.noAdDataHowTo, ["command": .code { "omnidash sync --transform" }]) }
                }
            } else {
                HTMLNode.section(.class("card")) {
                    LineChart(title: language.text(.dailySpendAndValue), dates: model.daily.map(\.date), series: [
                        LineChart.Series(name: language.text(.conversionValue), mark: .bars, valuesMinor: model.daily.map(\.conversionValueMinor)),
                        LineChart.Series(name: language.text(.adSpend), mark: .line, valuesMinor: model.daily.map(\.spendMinor)),
                    ], language: language)
                }
                HTMLNode.section(.class("card")) { table(model, language) }
                if let breakdown = model.breakdown, !model.breakdownRows.isEmpty {
                    HTMLNode.section(.class("card")) { breakdownTable(breakdown, model, language) }
                }
            }
        }
    }

    /// All campaigns › campaign › ad set, each a link back up.
    private func breadcrumb(_ model: Model, _ language: Language) -> HTMLNode {
        let filters = model.filters
        return .element("nav", [.class("breadcrumb"), .ariaLabel(language.text(.campaigns))]) {
            HTMLNode.a(.href(.page(page, .html, filters.scopedToAds(platform: filters.platform, accountID: filters.accountID)))) {
                language.text(.allCampaigns)
            }
            if let campaign = filters.campaignID {
                " › "
                HTMLNode.a(.href(.page(page, .html, filters.scopedToAds(platform: filters.platform, accountID: filters.accountID,
                                                                        campaignID: campaign)))) { model.campaignName ?? campaign }
            }
            if let adSet = filters.adSetID {
                " › "
                HTMLNode.span { model.adSetName ?? adSet }
            }
        }
    }

    private func table(_ model: Model, _ language: Language) -> DataTable {
        let (caption, name): (TextKey, TextKey) = switch model.level {
        case .campaign: (.campaigns, .campaign)
        case .adSet: (.adSets, .adSet)
        case .ad: (.ads, .ad)
        }
        let total = model.rows.reduce(AdFigures()) { $0 + $1.figures }
        return DataTable(
            caption: language.text(caption),
            columns: [DataTable.Column(language.text(name), kind: .text), DataTable.Column(language.text(.adPlatform), kind: .text)]
                + AdsTable.figureColumns.map { DataTable.Column(language.text($0), kind: .number) },
            rows: model.rows.map { row in
                [DataTable.Cell(row.name ?? row.id, sortValue: row.name ?? row.id, link: drill(row, model)), .text(row.platform.displayName)]
                    + AdsTable.figureCells(row.figures, platform: row.platform, language: language)
            },
            footer: [.text(language.text(.total)), .text("")] + AdsTable.figureCells(total, platform: nil, language: language)
        )
    }

    /// The next level down from a row: a campaign's ad sets, an ad set's ads; an ad, or a campaign reported without
    /// finer rows, leads nowhere.
    private func drill(_ row: Row, _ model: Model) -> SiteRoute? {
        let filters = model.filters
        switch model.level {
        case .campaign:
            guard let campaign = row.campaignID else { return nil }
            return .page(page, .html, filters.scopedToAds(platform: row.platform, accountID: row.accountID, campaignID: campaign))
        case .adSet:
            guard let adSet = row.adSetID, row.id == adSet else { return nil }
            return .page(page, .html, filters.scopedToAds(platform: row.platform, accountID: row.accountID,
                                                          campaignID: filters.campaignID, adSetID: adSet))
        case .ad:
            return nil
        }
    }

    private func breakdownTable(_ breakdown: Breakdown, _ model: Model, _ language: Language) -> DataTable {
        let (caption, labels): (TextKey, [TextKey]) = switch breakdown {
        case .keywords: (.keywords, [.keyword, .matchType])
        case .ageAndGender: (.ageAndGender, [.age, .gender])
        }
        return DataTable(
            caption: language.text(caption),
            columns: labels.map { DataTable.Column(language.text($0), kind: .text) }
                + AdsTable.figureColumns.prefix(10).map { DataTable.Column(language.text($0), kind: .number) },
            rows: model.breakdownRows.map { row in
                row.labels.map(DataTable.Cell.text) + AdsTable.figureCells(row.figures, platform: nil, language: language).prefix(10)
            }
        )
    }
}
