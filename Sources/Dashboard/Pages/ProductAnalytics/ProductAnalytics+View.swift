import OmnidashCore

extension ProductAnalytics {
    /// The page: the date range and the marketplace and shop controls, seven KPI cards, the chosen product's days when
    /// one is chosen, the top ten products by revenue, by units and by profit after fees, every product with its
    /// marketplace split, cost, fees and margins, and the marketplace SKUs without a master SKU.
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
            ScopeForm(filters: model.filters, shops: model.shops, action: .page(id, .html, model.filters.unscoped), language: language)
            HTMLNode.section(.class("kpi-grid"), .ariaLabel(language.text(.keyFigures))) {
                for kpi in model.kpis { KPICard(kpi, language: language) }
            }
            if let detail = model.detail { detailSection(detail, filters: model.filters, language) }
            if model.products.isEmpty {
                HTMLNode.section(.class("card", "empty-state")) {
                    HTMLNode.h2 { language.text(.noProductSalesFor, ["range": Format.dateRange(model.filters.range, in: language)]) }
                    HTMLNode.p { language.markup(.noProductDataHowTo, ["command": .code { "omnidash sync --transform" }]) }
                }
            } else {
                HTMLNode.div(.class("split")) {
                    HTMLNode.section(.class("card")) {
                        HTMLNode.h2 { language.text(.topProductsByRevenue) }
                        BarList(items: model.products.prefix(10).map { product in
                            BarList.Item(label: name(product, language), valueMinor: product.revenueMinor, change: product.change)
                        }, polarity: .higherIsBetter, emptyText: language.text(.noProductRevenue), language: language)
                    }
                    HTMLNode.section(.class("card")) {
                        HTMLNode.h2 { language.text(.topProductsByUnits) }
                        BarList(items: model.products.sorted { ($0.units, $1.skuMaster) > ($1.units, $0.skuMaster) }.prefix(10).map { product in
                            BarList.Item(label: name(product, language), valueMinor: product.units, change: nil)
                        }, kind: .count, polarity: .higherIsBetter, emptyText: language.text(.noProductRevenue), language: language)
                    }
                    if !CostFigures.hidden {
                        HTMLNode.section(.class("card")) {
                            HTMLNode.h2 { language.text(.topProductsByProfitAfterFees) }
                            BarList(items: topByProfit(model.products).map { product in
                                BarList.Item(label: name(product, language), valueMinor: product.profitAfterFeesMinor ?? 0, change: nil)
                            }, polarity: .higherIsBetter, emptyText: language.text(.noProductCosts), language: language)
                        }
                    }
                }
                HTMLNode.section(.class("card")) {
                    table(model, language)
                    let unsettled = model.products.reduce(Int64(0)) { $0 + $1.unsettledRevenueMinor }
                    if unsettled > 0, !CostFigures.hidden {
                        HTMLNode.p(.class("note")) { language.text(.feesUnsettledRevenueNote, ["amount": Format.money(minor: unsettled)]) }
                    }
                }
            }
            unmappedSection(model.unmapped, language)
        }
    }

    /// The ten products with the most profit after fees; products without a cost have no profit to rank.
    static func topByProfit(_ products: [ProductRow]) -> [ProductRow] {
        Array(products.filter { $0.profitAfterFeesMinor != nil }
            .sorted { ($0.profitAfterFeesMinor ?? 0, $1.skuMaster) > ($1.profitAfterFeesMinor ?? 0, $0.skuMaster) }.prefix(10))
    }

    /// The product's name; the `unmapped` bucket of the mart is named for what it is.
    private static func name(_ product: ProductRow, _ language: Language) -> String {
        product.skuMaster == "unmapped" ? language.text(.unmappedMarketplaceSKUs) : (product.productName ?? product.skuMaster)
    }

    private static func column(_ key: TextKey, _ kind: DataTable.Kind, _ language: Language) -> DataTable.Column {
        DataTable.Column(language.text(key), kind: kind)
    }

    private static func table(_ model: Model, _ language: Language) -> DataTable {
        let splitColumns = marketplaces.map { DataTable.Column($0.displayName, kind: .number) } + [column(.otherMarketplaces, .number, language)]
        return DataTable(
            caption: language.text(.products),
            columns: [column(.rank, .number, language), column(.product, .text, language), column(.sku, .text, language),
                      column(.category, .text, language), column(.units, .number, language), column(.revenue, .number, language)]
                + splitColumns
                + [column(.cost, .number, language), column(.grossProfit, .number, language), column(.margin, .number, language),
                   column(.marketplaceFees, .number, language), column(.profitAfterFees, .number, language),
                   column(.marginAfterFees, .number, language), column(.awaitingSettlement, .number, language)],
            rows: model.products.map { product in
                [.count(Int64(product.revenueRank)), .text(name(product, language)),
                 DataTable.Cell(product.skuMaster, sortValue: product.skuMaster,
                                link: .page(id, .html, model.filters.scoped(platform: model.filters.platform, sku: product.skuMaster))),
                 .text(product.category ?? ""), .count(product.units), .money(minor: product.revenueMinor)]
                    + product.revenueByMarketplaceMinor.map { DataTable.Cell.money(minor: $0) }
                    + [.money(minor: product.costMinor), .money(minor: product.grossProfitMinor), .measure(product.margin.map(Measure.percent)),
                       .money(minor: product.feesMinor), .money(minor: product.profitAfterFeesMinor),
                       .measure(product.marginAfterFees.map(Measure.percent)), .money(minor: product.unsettledRevenueMinor)]
            }
        )
    }

    private static func detailSection(_ detail: Detail, filters: DashboardFilters, _ language: Language) -> HTMLNode {
        .section(.class("card"), .ariaLabel(language.text(.productDetail))) {
            HTMLNode.h2 { (detail.productName ?? detail.skuMaster) + " · " + detail.skuMaster }
            HTMLNode.p {
                HTMLNode.a(.href(.page(id, .html, filters.scoped(platform: filters.platform)))) { language.text(.allProducts) }
            }
            LineChart(title: language.text(.dailyRevenueByMarketplace), dates: detail.days.map(\.date),
                      series: (marketplaces.map(\.displayName) + [language.text(.otherMarketplaces)]).enumerated().compactMap { index, name in
                          let values = detail.days.map { $0.revenueByMarketplaceMinor[index] }
                          return values.contains { $0 != 0 } || index < marketplaces.count
                              ? LineChart.Series(name: name, mark: .line, valuesMinor: values) : nil
                      }, language: language)
            DataTable(
                caption: language.text(.dailyFigures),
                columns: [column(.date, .text, language), column(.units, .number, language), column(.revenue, .number, language)]
                    + marketplaces.map { DataTable.Column($0.displayName, kind: .number) }
                    + [column(.cost, .number, language), column(.marketplaceFees, .number, language)],
                rows: detail.days.reversed().map { day in
                    [.date(day.date, in: language), .count(day.units), .money(minor: day.revenueMinor)]
                        + day.revenueByMarketplaceMinor.prefix(marketplaces.count).map { DataTable.Cell.money(minor: $0) }
                        + [.money(minor: day.costMinor), .money(minor: day.feesMinor)]
                }
            )
        }
    }

    private static func unmappedSection(_ unmapped: [UnmappedSKU], _ language: Language) -> HTMLNode {
        .section(.class("card"), .ariaLabel(language.text(.unmappedMarketplaceSKUs))) {
            HTMLNode.h2 { language.text(.skusWithoutMaster) }
            if unmapped.isEmpty {
                HTMLNode.p { language.text(.everySKUMapped) }
            } else {
                HTMLNode.p {
                    language.markup(.unmappedHowTo, ["unmapped": .text(language.text(.unmappedMarketplaceSKUs)),
                                                     "command": .code { "omnidash import sku-map" }])
                }
                DataTable(
                    caption: language.text(.unmappedSKUsAllDates),
                    columns: [column(.marketplace, .text, language), column(.marketplaceSKU, .text, language),
                              column(.product, .text, language), column(.units, .number, language),
                              column(.revenue, .number, language), column(.suggestedMasterSKU, .text, language)],
                    rows: unmapped.map { entry in
                        [.text(entry.platform.displayName), .text(entry.platformSKU), .text(entry.productName ?? ""), .count(entry.units),
                         .money(minor: entry.revenueMinor),
                         .text(entry.suggestedSKUMaster.map { "\($0) (\(suggestionReason(entry.suggestionReason, language)))" } ?? "–")]
                    }
                )
            }
        }
    }

    /// Why the SKU map suggests a master SKU, in words: the reasons `UnmappedSKUs` gives, or the text as it came for
    /// a reason this version does not know.
    private static func suggestionReason(_ reason: String?, _ language: Language) -> String {
        switch reason {
        case "same code": language.text(.suggestionSameCode)
        case "similar name": language.text(.suggestionSimilarName)
        default: reason ?? ""
        }
    }
}
