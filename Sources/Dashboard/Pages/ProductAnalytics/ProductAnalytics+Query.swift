import OmnidashCore
import Transform
import Warehouse

extension ProductAnalytics {
    /// Reads the range and its comparison period from `mart_product_performance`; narrowed to a marketplace, a
    /// product's units, revenue and cost are that marketplace's (its cost is its units times the day's unit cost,
    /// exact because one cost is in force per SKU and day).
    public static func query(_ warehouse: any Warehouse, filters: DashboardFilters) async throws -> Model {
        let parameters: [String: SQLValue] = [
            "from": .text(filters.range.start.description), "to": .text(filters.range.end.description),
            "previous_from": .text(filters.comparison.start.description), "previous_to": .text(filters.comparison.end.description),
        ]
        let (units, revenue) = columns(filters.platform)
        // The day's unit cost times the units counted; a day with units and no cost makes the period's cost unknown.
        let cost = "(cost_minor / nullif(total_units, 0)) * \(units)"
        let inRange = "date BETWEEN :from AND :to"
        let splits = splitColumns.map { column in
            "sum(CASE WHEN \(inRange) THEN \(filters.platform == nil || revenue == column ? column : "0") ELSE 0 END) AS \(column)"
        }.joined(separator: ", ")
        let rows = try await warehouse.query(SQLStatement("""
            SELECT sku_master, max(product_name) AS product_name, max(category) AS category,
                   sum(CASE WHEN \(inRange) THEN \(units) ELSE 0 END) AS units,
                   sum(CASE WHEN \(inRange) THEN \(revenue) ELSE 0 END) AS revenue_minor,
                   \(splits),
                   sum(CASE WHEN \(inRange) THEN \(cost) ELSE 0 END) AS cost_minor,
                   sum(CASE WHEN \(inRange) AND \(units) > 0 AND cost_minor IS NULL THEN 1 ELSE 0 END) AS days_without_cost,
                   sum(CASE WHEN date BETWEEN :previous_from AND :previous_to THEN \(revenue) ELSE 0 END) AS previous_revenue_minor,
                   sum(CASE WHEN date BETWEEN :previous_from AND :previous_to THEN \(units) ELSE 0 END) AS previous_units,
                   sum(CASE WHEN date BETWEEN :previous_from AND :previous_to THEN \(cost) ELSE 0 END) AS previous_cost_minor,
                   sum(CASE WHEN date BETWEEN :previous_from AND :previous_to AND \(units) > 0 AND cost_minor IS NULL THEN 1 ELSE 0 END)
                       AS previous_days_without_cost
            FROM mart_product_performance
            WHERE date BETWEEN :previous_from AND :to
            GROUP BY sku_master
            """, parameters))
        var current = Totals(), previous = Totals()
        var products: [ProductRow] = []
        for row in rows {
            current.add(revenue: row.int("revenue_minor"), units: row.int("units"),
                        cost: row.int("days_without_cost") == 0 ? row.int("cost_minor") : nil)
            previous.add(revenue: row.int("previous_revenue_minor"), units: row.int("previous_units"),
                         cost: row.int("previous_days_without_cost") == 0 ? row.int("previous_cost_minor") : nil)
            guard row.int("units") != 0 || row.int("revenue_minor") != 0 else { continue }
            products.append(ProductRow(
                skuMaster: row.text("sku_master"), productName: row.optionalText("product_name"), category: row.optionalText("category"),
                units: row.int("units"), revenueMinor: row.int("revenue_minor"),
                revenueByMarketplaceMinor: splitColumns.map { row.int($0) },
                costMinor: row.int("days_without_cost") == 0 ? row.int("cost_minor") : nil,
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
                     detail: try await detail(warehouse, filters: filters), unmapped: try await UnmappedSKUs.list(warehouse).map(UnmappedSKU.init))
    }

    /// The revenue column of each marketplace, in `marketplaces` order, then the one of every other marketplace.
    static var splitColumns: [String] { marketplaces.map { "\($0.rawValue)_revenue_minor" } + ["other_revenue_minor"] }

    /// The units and revenue columns for a marketplace, or the totals for all of them.
    static func columns(_ platform: Platform?) -> (units: String, revenue: String) {
        guard let platform else { return ("total_units", "total_revenue_minor") }
        let prefix = marketplaces.contains(platform) ? platform.rawValue : "other"
        return ("\(prefix)_units", "\(prefix)_revenue_minor")
    }

    struct Totals {
        var revenueMinor: Int64 = 0
        var units: Int64 = 0
        /// `nil` once any product lacks a cost.
        var costMinor: Int64? = 0

        mutating func add(revenue: Int64, units: Int64, cost: Int64?) {
            revenueMinor += revenue
            self.units += units
            costMinor = costMinor.flatMap { total in cost.map { total + $0 } }
        }

        var grossProfitMinor: Int64? { costMinor.map { revenueMinor - $0 } }
        var margin: Double? { grossProfitMinor.flatMap { revenueMinor == 0 ? nil : Double($0) / Double(revenueMinor) } }
    }

    static func kpis(current: Totals, previous: Totals) -> [KPIValue] {
        func value(_ key: String, _ label: TextKey, _ now: Measure?, _ before: Measure?) -> KPIValue {
            KPIValue(key: key, label: label, current: now, previous: before, change: Metrics.change(now?.number, from: before?.number),
                     polarity: key == "cost" ? .neutral : .higherIsBetter)
        }
        return [
            value("revenue", .revenue, .money(minor: current.revenueMinor), .money(minor: previous.revenueMinor)),
            value("units", .units, .count(current.units), .count(previous.units)),
            value("cost", .costOfGoods, current.costMinor.map { .money(minor: $0) }, previous.costMinor.map { .money(minor: $0) }),
            value("gross_profit", .grossProfit, current.grossProfitMinor.map { .money(minor: $0) },
                  previous.grossProfitMinor.map { .money(minor: $0) }),
            value("margin", .margin, current.margin.map(Measure.percent), previous.margin.map(Measure.percent)),
        ]
    }

    /// The chosen product's days in the range, every day present (zeros where it did not sell).
    static func detail(_ warehouse: any Warehouse, filters: DashboardFilters) async throws -> Detail? {
        guard let sku = filters.sku else { return nil }
        let rows = try await warehouse.query(SQLStatement("""
            SELECT date, product_name, total_units, \(splitColumns.joined(separator: ", ")), cost_minor
            FROM mart_product_performance
            WHERE sku_master = :sku AND date BETWEEN :from AND :to
            """, ["sku": .text(sku), "from": .text(filters.range.start.description), "to": .text(filters.range.end.description)]))
        let byDate = Dictionary(rows.map { ($0.text("date"), $0) }, uniquingKeysWith: { first, _ in first })
        let name = try await warehouse.query(SQLStatement("SELECT max(product_name) AS name FROM ref_sku_map WHERE sku_master = :sku",
                                                          ["sku": .text(sku)])).first?.optionalText("name")
        return Detail(skuMaster: sku, productName: name ?? rows.first?.optionalText("product_name"), days: filters.range.days.map { date in
            let row = byDate[date.description]
            return DetailDay(date: date, units: row?.int("total_units") ?? 0,
                             revenueByMarketplaceMinor: splitColumns.map { row?.int($0) ?? 0 },
                             costMinor: row.map { $0["cost_minor"].int64 } ?? 0)
        })
    }
}
