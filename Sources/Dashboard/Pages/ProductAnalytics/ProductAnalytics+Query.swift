import OmnidashCore
import Transform
import Warehouse

extension ProductAnalytics {
    /// Reads the range and its comparison period from `mart_product_shop_performance`, narrowed to the chosen
    /// marketplace and shop: a product's units, revenue, cost, fees and marketplace split are those of the shops in
    /// scope.
    public static func query(_ warehouse: any Warehouse, filters: DashboardFilters) async throws -> Model {
        var parameters: [String: SQLValue] = [
            "from": .text(filters.range.start.description), "to": .text(filters.range.end.description),
            "previous_from": .text(filters.comparison.start.description), "previous_to": .text(filters.comparison.end.description),
        ]
        let scope = ShopPerformance.scopeCondition(filters, parameters: &parameters)
        func sum(_ column: String, _ period: String = "") -> String {
            "sum(CASE WHEN date BETWEEN :\(period)from AND :\(period)to THEN \(column) ELSE 0 END)"
        }
        // A shop-day with units and no cost makes the period's cost unknown.
        func withoutCost(_ period: String = "") -> String {
            "sum(CASE WHEN date BETWEEN :\(period)from AND :\(period)to AND units > 0 AND cost_minor IS NULL THEN 1 ELSE 0 END)"
        }
        let splits = zip(splitColumns, splitConditions).map { column, condition in
            "\(sum("CASE WHEN \(condition) THEN revenue_minor ELSE 0 END")) AS \(column)"
        }.joined(separator: ", ")
        let rows = try await warehouse.query(SQLStatement("""
            SELECT sku_master, \(sum("units")) AS units, \(sum("revenue_minor")) AS revenue_minor, \(splits),
                   \(sum("cost_minor")) AS cost_minor, \(withoutCost()) AS days_without_cost, \(sum("fees_minor")) AS fees_minor,
                   \(sum("unsettled_revenue_minor")) AS unsettled_revenue_minor,
                   \(sum("revenue_minor", "previous_")) AS previous_revenue_minor, \(sum("units", "previous_")) AS previous_units,
                   \(sum("cost_minor", "previous_")) AS previous_cost_minor, \(withoutCost("previous_")) AS previous_days_without_cost,
                   \(sum("fees_minor", "previous_")) AS previous_fees_minor
            FROM mart_product_shop_performance
            WHERE date BETWEEN :previous_from AND :to \(scope)
            GROUP BY sku_master
            """, parameters))
        let names = try await productNames(warehouse)
        var current = Totals(), previous = Totals()
        var products: [ProductRow] = []
        for row in rows {
            current.add(revenue: row.int("revenue_minor"), units: row.int("units"), fees: row.int("fees_minor"),
                        cost: row.int("days_without_cost") == 0 ? row.int("cost_minor") : nil)
            previous.add(revenue: row.int("previous_revenue_minor"), units: row.int("previous_units"), fees: row.int("previous_fees_minor"),
                         cost: row.int("previous_days_without_cost") == 0 ? row.int("previous_cost_minor") : nil)
            guard row.int("units") != 0 || row.int("revenue_minor") != 0 else { continue }
            let sku = row.text("sku_master")
            products.append(ProductRow(
                skuMaster: sku, productName: names[sku]?.name, category: names[sku]?.category,
                units: row.int("units"), revenueMinor: row.int("revenue_minor"),
                revenueByMarketplaceMinor: splitColumns.map { row.int($0) },
                costMinor: row.int("days_without_cost") == 0 ? row.int("cost_minor") : nil,
                feesMinor: row.int("fees_minor"), unsettledRevenueMinor: row.int("unsettled_revenue_minor"),
                previousRevenueMinor: row.int("previous_revenue_minor"), revenueRank: 0))
        }
        products.sort { ($0.revenueMinor, $0.units, $1.skuMaster) > ($1.revenueMinor, $1.units, $0.skuMaster) }
        for index in products.indices {
            // Ties share a rank, as `rank()` in the mart does.
            products[index].revenueRank = index > 0 && products[index - 1].revenueMinor == products[index].revenueMinor
                ? products[index - 1].revenueRank : index + 1
        }
        return Model(filters: filters, shops: try await ShopPerformance.shops(warehouse),
                     kpis: kpis(current: current, previous: previous), products: products,
                     detail: try await detail(warehouse, filters: filters, names: names),
                     unmapped: try await UnmappedSKUs.list(warehouse).map(UnmappedSKU.init))
    }

    /// The revenue column of each marketplace, in `marketplaces` order, then the one of every other marketplace.
    static var splitColumns: [String] { marketplaces.map { "\($0.rawValue)_revenue_minor" } + ["other_revenue_minor"] }

    /// Which rows of the shop-grain mart each split column sums.
    static var splitConditions: [String] {
        let names = marketplaces.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return marketplaces.map { "platform = '\($0.rawValue)'" } + ["platform NOT IN (\(names))"]
    }

    /// Each master SKU's product name and category from the SKU map.
    static func productNames(_ warehouse: any Warehouse) async throws -> [String: (name: String?, category: String?)] {
        var names: [String: (name: String?, category: String?)] = [:]
        for row in try await warehouse.query(
            "SELECT sku_master, max(product_name) AS product_name, max(category) AS category FROM ref_sku_map GROUP BY sku_master") {
            names[row.text("sku_master")] = (row.optionalText("product_name"), row.optionalText("category"))
        }
        return names
    }

    struct Totals {
        var revenueMinor: Int64 = 0
        var units: Int64 = 0
        var feesMinor: Int64 = 0
        /// `nil` once any product lacks a cost.
        var costMinor: Int64? = 0

        mutating func add(revenue: Int64, units: Int64, fees: Int64, cost: Int64?) {
            revenueMinor += revenue
            self.units += units
            feesMinor += fees
            costMinor = costMinor.flatMap { total in cost.map { total + $0 } }
        }

        var grossProfitMinor: Int64? { costMinor.map { revenueMinor - $0 } }
        var margin: Double? { grossProfitMinor.flatMap { revenueMinor == 0 ? nil : Double($0) / Double(revenueMinor) } }
        var profitAfterFeesMinor: Int64? { grossProfitMinor.map { $0 - feesMinor } }
    }

    static func kpis(current: Totals, previous: Totals) -> [KPIValue] {
        func value(_ key: String, _ label: TextKey, _ now: Measure?, _ before: Measure?,
                   _ polarity: DeltaBadge.Polarity = .higherIsBetter) -> KPIValue {
            KPIValue(key: key, label: label, current: now, previous: before, change: Metrics.change(now?.number, from: before?.number),
                     polarity: polarity)
        }
        func money(_ minor: Int64?) -> Measure? { minor.map { .money(minor: $0) } }
        // A viewer's model has no cost, margin, fee or profit card at all.
        return CostFigures.visible([
            value("revenue", .revenue, .money(minor: current.revenueMinor), .money(minor: previous.revenueMinor)),
            value("units", .units, .count(current.units), .count(previous.units)),
            value("cost", .costOfGoods, money(current.costMinor), money(previous.costMinor), .neutral),
            value("gross_profit", .grossProfit, money(current.grossProfitMinor), money(previous.grossProfitMinor)),
            value("margin", .margin, current.margin.map(Measure.percent), previous.margin.map(Measure.percent)),
            value("fees", .marketplaceFees, .money(minor: current.feesMinor), .money(minor: previous.feesMinor), .neutral),
            value("profit_after_fees", .profitAfterFees, money(current.profitAfterFeesMinor), money(previous.profitAfterFeesMinor)),
        ])
    }

    /// The chosen product's days in the range, within the scope, every day present (zeros where it did not sell).
    static func detail(_ warehouse: any Warehouse, filters: DashboardFilters,
                       names: [String: (name: String?, category: String?)]) async throws -> Detail? {
        guard let sku = filters.sku else { return nil }
        var parameters: [String: SQLValue] = [
            "sku": .text(sku), "from": .text(filters.range.start.description), "to": .text(filters.range.end.description),
        ]
        let scope = ShopPerformance.scopeCondition(filters, parameters: &parameters)
        let splits = zip(splitColumns, splitConditions).map { "sum(CASE WHEN \($1) THEN revenue_minor ELSE 0 END) AS \($0)" }
        let rows = try await warehouse.query(SQLStatement("""
            SELECT date, sum(units) AS units, \(splits.joined(separator: ", ")),
                   CASE WHEN count(cost_minor) = count(*) THEN sum(cost_minor) END AS cost_minor, sum(fees_minor) AS fees_minor
            FROM mart_product_shop_performance
            WHERE sku_master = :sku AND date BETWEEN :from AND :to \(scope)
            GROUP BY date
            """, parameters))
        let byDate = Dictionary(rows.map { ($0.text("date"), $0) }, uniquingKeysWith: { first, _ in first })
        return Detail(skuMaster: sku, productName: names[sku]?.name, days: filters.range.days.map { date in
            let row = byDate[date.description]
            return DetailDay(date: date, units: row?.int("units") ?? 0,
                             revenueByMarketplaceMinor: splitColumns.map { row?.int($0) ?? 0 },
                             costMinor: row.map { $0["cost_minor"].int64 } ?? 0, feesMinor: row?.int("fees_minor") ?? 0)
        })
    }
}
