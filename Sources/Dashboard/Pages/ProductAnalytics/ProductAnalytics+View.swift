import OmnidashCore

extension ProductAnalytics {
    /// The page: the date range and marketplace controls, five KPI cards, the chosen product's days when one is
    /// chosen, the top ten products by revenue, every product with its marketplace split, cost and margin, and the
    /// marketplace SKUs without a master SKU.
    public static func view(_ model: Model) -> HTMLNode {
        let route = SiteRoute.page(id, .html, model.filters)
        return Layout.page(title: title, navigation: Layout.navigation(current: route, filters: model.filters),
                           filters: DateRangeForm(filters: model.filters, action: route).html) {
            HTMLNode.div(.class("page-header")) {
                HTMLNode.h1 { title }
                PageExport.links(id, model.filters)
            }
            ScopeForm(filters: model.filters, shops: model.shops, action: .page(id, .html, model.filters.unscoped), offersShops: false)
            HTMLNode.section(.class("kpi-grid"), .ariaLabel("Key figures")) {
                for kpi in model.kpis { KPICard(kpi) }
            }
            if let detail = model.detail { detailSection(detail, filters: model.filters) }
            if model.products.isEmpty {
                HTMLNode.section(.class("card", "empty-state")) {
                    HTMLNode.h2 { "No product sales for " + Format.dateRange(model.filters.range) }
                    HTMLNode.p {
                        "No orders have been loaded for this period. Run "
                        HTMLNode.code { "omnidash sync --transform" }
                        ", or choose another date range or marketplace."
                    }
                }
            } else {
                HTMLNode.section(.class("card")) {
                    HTMLNode.h2 { "Top products by revenue" }
                    BarList(items: model.products.prefix(10).map { product in
                        BarList.Item(label: name(product), valueMinor: product.revenueMinor, change: product.change)
                    }, polarity: .higherIsBetter, emptyText: "No product revenue in this period.")
                }
                HTMLNode.section(.class("card")) { table(model) }
            }
            unmappedSection(model.unmapped)
        }
    }

    private static func name(_ product: ProductRow) -> String {
        product.skuMaster == "unmapped" ? "Unmapped marketplace SKUs" : (product.productName ?? product.skuMaster)
    }

    private static func table(_ model: Model) -> DataTable {
        let splitColumns = marketplaces.map { DataTable.Column($0.displayName, kind: .number) } + [DataTable.Column("Other", kind: .number)]
        return DataTable(
            caption: "Products",
            columns: [DataTable.Column("Rank", kind: .number), DataTable.Column("Product", kind: .text), DataTable.Column("SKU", kind: .text),
                      DataTable.Column("Category", kind: .text), DataTable.Column("Units", kind: .number),
                      DataTable.Column("Revenue", kind: .number)]
                + splitColumns
                + [DataTable.Column("Cost", kind: .number), DataTable.Column("Gross profit", kind: .number),
                   DataTable.Column("Margin", kind: .number)],
            rows: model.products.map { product in
                [.count(Int64(product.revenueRank)), .text(name(product)),
                 DataTable.Cell(product.skuMaster, sortValue: product.skuMaster,
                                link: .page(id, .html, model.filters.scoped(platform: model.filters.platform, sku: product.skuMaster))),
                 .text(product.category ?? ""), .count(product.units), .money(minor: product.revenueMinor)]
                    + product.revenueByMarketplaceMinor.map { DataTable.Cell.money(minor: $0) }
                    + [.money(minor: product.costMinor), .money(minor: product.grossProfitMinor), .measure(product.margin.map(Measure.percent))]
            }
        )
    }

    private static func detailSection(_ detail: Detail, filters: DashboardFilters) -> HTMLNode {
        .section(.class("card"), .ariaLabel("Product detail")) {
            HTMLNode.h2 { (detail.productName ?? detail.skuMaster) + " · " + detail.skuMaster }
            HTMLNode.p {
                HTMLNode.a(.href(.page(id, .html, filters.scoped(platform: filters.platform)))) { "All products" }
            }
            LineChart(title: "Daily revenue by marketplace", dates: detail.days.map(\.date),
                      series: (marketplaces.map(\.displayName) + ["Other"]).enumerated().compactMap { index, name in
                          let values = detail.days.map { $0.revenueByMarketplaceMinor[index] }
                          return values.contains { $0 != 0 } || index < marketplaces.count
                              ? LineChart.Series(name: name, mark: .line, valuesMinor: values) : nil
                      })
            DataTable(
                caption: "Daily figures",
                columns: [DataTable.Column("Date", kind: .text), DataTable.Column("Units", kind: .number),
                          DataTable.Column("Revenue", kind: .number)]
                    + marketplaces.map { DataTable.Column($0.displayName, kind: .number) }
                    + [DataTable.Column("Cost", kind: .number)],
                rows: detail.days.reversed().map { day in
                    [.date(day.date), .count(day.units), .money(minor: day.revenueMinor)]
                        + day.revenueByMarketplaceMinor.prefix(marketplaces.count).map { DataTable.Cell.money(minor: $0) }
                        + [.money(minor: day.costMinor)]
                }
            )
        }
    }

    private static func unmappedSection(_ unmapped: [UnmappedSKU]) -> HTMLNode {
        .section(.class("card"), .ariaLabel("Unmapped marketplace SKUs")) {
            HTMLNode.h2 { "Marketplace SKUs without a master SKU" }
            if unmapped.isEmpty {
                HTMLNode.p { "Every SKU in the orders has a master SKU." }
            } else {
                HTMLNode.p {
                    "Their sales count under “Unmapped marketplace SKUs” until the SKU map names them: add them to the map and run "
                    HTMLNode.code { "omnidash import sku-map" }
                    "."
                }
                DataTable(
                    caption: "Unmapped SKUs, all dates",
                    columns: [DataTable.Column("Marketplace", kind: .text), DataTable.Column("Marketplace SKU", kind: .text),
                              DataTable.Column("Product", kind: .text), DataTable.Column("Units", kind: .number),
                              DataTable.Column("Revenue", kind: .number), DataTable.Column("Suggested master SKU", kind: .text)],
                    rows: unmapped.map { entry in
                        [.text(entry.platform.displayName), .text(entry.platformSKU), .text(entry.productName ?? ""), .count(entry.units),
                         .money(minor: entry.revenueMinor),
                         .text(entry.suggestedSKUMaster.map { "\($0) (\(entry.suggestionReason ?? ""))" } ?? "–")]
                    }
                )
            }
        }
    }
}
