import OmnidashCore

extension Attribution {
    /// The page: the date range and the ad platform and account controls, seven KPI cards against the previous period,
    /// why the three ROAS differ, the campaign table with the three levels side by side, and the UTM-governance lists.
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
            if !model.accounts.isEmpty {
                AdsScopeForm(filters: model.filters, accounts: model.accounts, action: .page(id, .html, model.filters.unscoped),
                             language: language)
            }
            HTMLNode.section(.class("kpi-grid"), .ariaLabel(language.text(.keyFigures))) {
                for kpi in model.kpis { KPICard(kpi, language: language) }
            }
            if !model.campaigns.isEmpty {
                HTMLNode.p(.class("note")) { language.text(.attributionLevelsNote) }
                HTMLNode.p(.class("note"), .data("source", model.dataSource.summary ?? "")) {
                    [model.dataSource.note(language), language.text(.userDaysNote)].compactMap { $0 }.joined(separator: " ")
                }
                HTMLNode.section(.class("card")) { campaignTable(model, language) }
            } else {
                HTMLNode.section(.class("card", "empty-state")) {
                    HTMLNode.h2 { language.text(.noAttributionFor, ["range": Format.dateRange(model.filters.range, in: language)]) }
                    HTMLNode.p { language.markup(.noAdDataHowTo, ["command": .code { "omnidash sync --transform" }]) }
                }
            }
            HTMLNode.section(.class("card")) {
                campaignsWithoutUTM(model, language)
                HTMLNode.p(.class("note")) { language.text(.campaignsWithoutUTMNote) }
            }
            HTMLNode.section(.class("card")) {
                utmsWithoutCampaign(model, language)
                HTMLNode.p(.class("note")) { language.text(.utmsWithoutCampaignNote) }
            }
        }
    }

    private static func column(_ language: Language, _ key: TextKey, _ kind: DataTable.Kind = .number) -> DataTable.Column {
        DataTable.Column(language.text(key), kind: kind)
    }

    static let figureColumns: [TextKey] = [
        .adSpend, .platformConversions, .platformClaimedValue, .platformROAS, .platformCPA,
        .gaSessions, .gaUserDays, .gaTransactions, .gaRevenue, .gaROAS, .gaCPA,
        .marketplaceOrders, .marketplaceRevenue, .marketplaceROAS, .marketplaceCPA,
    ]

    /// The cells of `figureColumns`: "–" for a ratio over zero.
    static func figureCells(_ figures: AttributionFigures) -> [DataTable.Cell] {
        [.money(minor: figures.spendMinor), .count(figures.platformConversions), .money(minor: figures.platformValueMinor),
         .measure(figures.platformROAS.map(Measure.multiple)), .measure(figures.platformCPA.map(Measure.averageMoney)),
         .count(figures.gaSessions), .count(figures.gaUserDays), .count(figures.gaTransactions), .money(minor: figures.gaRevenueMinor),
         .measure(figures.gaROAS.map(Measure.multiple)), .measure(figures.gaCPA.map(Measure.averageMoney)),
         .count(figures.marketplaceOrders), .money(minor: figures.marketplaceRevenueMinor),
         .measure(figures.marketplaceROAS.map(Measure.multiple)), .measure(figures.marketplaceCPA.map(Measure.averageMoney))]
    }

    private static func campaignTable(_ model: Model, _ language: Language) -> DataTable {
        DataTable(
            caption: language.text(.campaigns),
            columns: [column(language, .campaign, .text), column(language, .adPlatform, .text), column(language, .utmCampaign, .text),
                      column(language, .matchMethod, .text)] + figureColumns.map { column(language, $0) },
            rows: model.campaigns.map { row in
                // A campaign leads to its platform's deep dive, narrowed to it.
                let drill = Platform(rawValue: row.platform).map { platform in
                    AdsDeepDive.route(for: platform, model.filters.scopedToAds(platform: platform, accountID: row.accountID,
                                                                               campaignID: row.campaignID))
                }
                return [DataTable.Cell(row.campaignName ?? row.campaignID, sortValue: row.campaignName ?? row.campaignID, link: drill),
                        .text(platformName(row.platform)), .text(row.utmCampaign ?? "–"),
                        matchCell(row.matchMethod, language)] + figureCells(row.figures)
            },
            footer: [.text(language.text(.total)), .text(""), .text(""), .text("")] + figureCells(model.totals))
    }

    private static func matchCell(_ method: String?, _ language: Language) -> DataTable.Cell {
        switch method {
        case "id": DataTable.Cell(language.text(.matchByID), sortValue: "id", hint: language.text(.matchByIDHint))
        case "name": DataTable.Cell(language.text(.matchByName), sortValue: "name", hint: language.text(.matchByNameHint))
        case let other?: .text(other)
        case nil: DataTable.Cell("–", sortValue: nil, hint: language.text(.noMatchHint))
        }
    }

    private static func dateCell(_ date: BusinessDate?, _ language: Language) -> DataTable.Cell {
        date.map { .date($0, in: language) } ?? DataTable.Cell("–")
    }

    private static func campaignsWithoutUTM(_ model: Model, _ language: Language) -> HTMLNode {
        guard !model.campaignsWithoutUTM.isEmpty else {
            return .div {
                HTMLNode.h2 { language.text(.campaignsWithoutUTM) }
                HTMLNode.p(.class("empty-note")) { language.text(.everyCampaignHasUTM) }
            }
        }
        return DataTable(
            caption: language.text(.campaignsWithoutUTM),
            columns: [column(language, .campaign, .text), column(language, .adPlatform, .text), column(language, .adAccount, .text),
                      column(language, .utmCampaign, .text), column(language, .adSpend), column(language, .firstDate, .text),
                      column(language, .lastDate, .text)],
            rows: model.campaignsWithoutUTM.map { row in
                [.text(row.campaignName ?? row.campaignID ?? "–"), .text(platformName(row.platform)), .text(row.accountID ?? "–"),
                 .text(row.utmCampaign ?? "–"), .money(minor: row.spendMinor), dateCell(row.firstDate, language),
                 dateCell(row.lastDate, language)]
            }).html
    }

    private static func utmsWithoutCampaign(_ model: Model, _ language: Language) -> HTMLNode {
        guard !model.utmsWithoutCampaign.isEmpty else {
            return .div {
                HTMLNode.h2 { language.text(.utmsWithoutCampaign) }
                HTMLNode.p(.class("empty-note")) { language.text(.everyUTMHasCampaign) }
            }
        }
        return DataTable(
            caption: language.text(.utmsWithoutCampaign),
            columns: [column(language, .sourceMedium, .text), column(language, .campaign, .text), column(language, .sessions),
                      column(language, .firstDate, .text), column(language, .lastDate, .text)],
            rows: model.utmsWithoutCampaign.map { row in
                [.text("\(row.utmSource ?? "–") / \(row.utmMedium ?? "–")"), .text(row.utmCampaign ?? "–"), .count(row.sessions),
                 dateCell(row.firstDate, language), dateCell(row.lastDate, language)]
            }).html
    }
}
