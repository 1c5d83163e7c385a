import OmnidashCore
import Warehouse

extension ShopPerformance {
    /// Reads the range, its comparison period and the same days a month and a year before from
    /// `mart_shop_performance`, narrowed to the chosen marketplace and shop. Ratios come from the period's sums.
    public static func query(_ warehouse: any Warehouse, filters: DashboardFilters) async throws -> Model {
        let range = filters.range
        let (monthAgo, yearAgo) = try await earlierRanges(warehouse, range)
        var parameters: [String: SQLValue] = [
            "from": .text(range.start.description), "to": .text(range.end.description),
            "previous_from": .text(filters.comparison.start.description), "previous_to": .text(filters.comparison.end.description),
            "month_from": .text(monthAgo.start.description), "month_to": .text(monthAgo.end.description),
            "year_from": .text(yearAgo.start.description), "year_to": .text(yearAgo.end.description),
        ]
        let scope = scopeCondition(filters, parameters: &parameters)
        func sum(_ column: String, _ from: String, _ to: String) -> String {
            "sum(CASE WHEN date BETWEEN :\(from) AND :\(to) THEN \(column) ELSE 0 END)"
        }
        let rows = try await warehouse.query(SQLStatement("""
            SELECT platform, shop_id, max(shop_name) AS shop_name,
                   \(sum("revenue_minor", "from", "to")) AS revenue_minor, \(sum("orders", "from", "to")) AS orders,
                   \(sum("units", "from", "to")) AS units, \(sum("refunded_orders", "from", "to")) AS refunded_orders,
                   \(sum("refund_amount_minor", "from", "to")) AS refund_amount_minor,
                   \(sum("revenue_minor", "previous_from", "previous_to")) AS previous_revenue_minor,
                   \(sum("orders", "previous_from", "previous_to")) AS previous_orders,
                   \(sum("units", "previous_from", "previous_to")) AS previous_units,
                   \(sum("refunded_orders", "previous_from", "previous_to")) AS previous_refunded_orders,
                   \(sum("refund_amount_minor", "previous_from", "previous_to")) AS previous_refund_amount_minor,
                   \(sum("revenue_minor", "month_from", "month_to")) AS month_revenue_minor,
                   \(sum("orders", "month_from", "month_to")) AS month_orders,
                   \(sum("revenue_minor", "year_from", "year_to")) AS year_revenue_minor,
                   \(sum("fees_minor", "from", "to")) AS fees_minor, \(sum("unsettled_orders", "from", "to")) AS unsettled_orders,
                   \(sum("cost_minor", "from", "to")) AS cost_minor,
                   sum(CASE WHEN date BETWEEN :from AND :to AND cost_minor IS NULL THEN 1 ELSE 0 END) AS days_without_cost,
                   \(sum("fees_minor", "previous_from", "previous_to")) AS previous_fees_minor,
                   \(sum("cost_minor", "previous_from", "previous_to")) AS previous_cost_minor,
                   sum(CASE WHEN date BETWEEN :previous_from AND :previous_to AND cost_minor IS NULL THEN 1 ELSE 0 END)
                       AS previous_days_without_cost
            FROM mart_shop_performance
            WHERE (date BETWEEN :previous_from AND :to OR date BETWEEN :month_from AND :month_to OR date BETWEEN :year_from AND :year_to)
              \(scope)
            GROUP BY platform, shop_id
            """, parameters))
        let shopRows: [ShopRow] = rows.compactMap { row in
            guard let platform = Platform(rawValue: row.text("platform")) else { return nil }
            return ShopRow(platform: platform, shopID: row.text("shop_id"), shopName: row.optionalText("shop_name"),
                           revenueMinor: row.int("revenue_minor"), orders: row.int("orders"), units: row.int("units"),
                           refundedOrders: row.int("refunded_orders"), refundAmountMinor: row.int("refund_amount_minor"),
                           previousRevenueMinor: row.int("previous_revenue_minor"), monthAgoRevenueMinor: row.int("month_revenue_minor"),
                           yearAgoRevenueMinor: row.int("year_revenue_minor"), monthAgoOrders: row.int("month_orders"),
                           feesMinor: row.int("fees_minor"), unsettledOrders: row.int("unsettled_orders"),
                           costMinor: row.int("days_without_cost") == 0 ? row.int("cost_minor") : nil)
        }
        .sorted { ($0.revenueMinor, $0.platform.rawValue, $0.shopID) > ($1.revenueMinor, $1.platform.rawValue, $1.shopID) }

        var current = Totals(), previous = Totals()
        for row in rows {
            current.add(revenue: row.int("revenue_minor"), orders: row.int("orders"), units: row.int("units"),
                        refunded: row.int("refunded_orders"), refundAmount: row.int("refund_amount_minor"), fees: row.int("fees_minor"),
                        cost: row.int("days_without_cost") == 0 ? row.int("cost_minor") : nil)
            previous.add(revenue: row.int("previous_revenue_minor"), orders: row.int("previous_orders"), units: row.int("previous_units"),
                         refunded: row.int("previous_refunded_orders"), refundAmount: row.int("previous_refund_amount_minor"),
                         fees: row.int("previous_fees_minor"),
                         cost: row.int("previous_days_without_cost") == 0 ? row.int("previous_cost_minor") : nil)
        }
        let monthRevenue = shopRows.reduce(Int64(0)) { $0 + $1.monthAgoRevenueMinor }
        let monthOrders = shopRows.reduce(Int64(0)) { $0 + $1.monthAgoOrders }
        let yearRevenue = shopRows.reduce(Int64(0)) { $0 + $1.yearAgoRevenueMinor }
        let growth = Growth(revenueMoM: Metrics.change(Double(current.revenueMinor), from: Double(monthRevenue)),
                            revenueYoY: Metrics.change(Double(current.revenueMinor), from: Double(yearRevenue)),
                            ordersMoM: Metrics.change(Double(current.orders), from: Double(monthOrders)),
                            monthAgo: monthAgo, yearAgo: yearAgo)

        let dailyRows = try await warehouse.query(SQLStatement("""
            SELECT date, platform, sum(revenue_minor) AS revenue_minor
            FROM mart_shop_performance
            WHERE date BETWEEN :from AND :to \(scope)
            GROUP BY date, platform
            """, parameters))
        let marketplaces = Platform.allCases.filter { platform in dailyRows.contains { $0.text("platform") == platform.rawValue } }
        var byDay: [String: [Platform: Int64]] = [:]
        for row in dailyRows {
            guard let platform = Platform(rawValue: row.text("platform")) else { continue }
            byDay[row.text("date"), default: [:]][platform] = row.int("revenue_minor")
        }
        let daily = range.days.map { date in
            DailyRevenue(date: date, revenueMinor: marketplaces.map { byDay[date.description]?[$0] ?? 0 })
        }
        return Model(filters: filters, shops: try await shops(warehouse), kpis: kpis(current: current, previous: previous),
                     growth: growth, daily: daily, marketplaces: marketplaces, rows: shopRows)
    }

    /// The period's sums; the page's ratios are computed from these.
    struct Totals {
        var revenueMinor: Int64 = 0
        var orders: Int64 = 0
        var units: Int64 = 0
        var refundedOrders: Int64 = 0
        var refundAmountMinor: Int64 = 0
        var feesMinor: Int64 = 0
        /// `nil` once any shop lacks a cost.
        var costMinor: Int64? = 0

        mutating func add(revenue: Int64, orders: Int64, units: Int64, refunded: Int64, refundAmount: Int64, fees: Int64, cost: Int64?) {
            revenueMinor += revenue
            self.orders += orders
            self.units += units
            refundedOrders += refunded
            refundAmountMinor += refundAmount
            feesMinor += fees
            costMinor = costMinor.flatMap { total in cost.map { total + $0 } }
        }

        var profitAfterFeesMinor: Int64? { costMinor.map { revenueMinor - $0 - feesMinor } }

        var aov: Double? { Metrics.aov(revenueMinor: revenueMinor, orders: orders) }
        var refundRate: Double? { orders + refundedOrders == 0 ? nil : Double(refundedOrders) / Double(orders + refundedOrders) }
    }

    static func kpis(current: Totals, previous: Totals) -> [KPIValue] {
        func value(_ key: String, _ label: TextKey, _ now: Measure?, _ before: Measure?, _ polarity: DeltaBadge.Polarity) -> KPIValue {
            KPIValue(key: key, label: label, current: now, previous: before, change: Metrics.change(now?.number, from: before?.number),
                     polarity: polarity)
        }
        // A viewer's model has no fee or profit card at all.
        return CostFigures.visible([
            value("revenue", .revenue, .money(minor: current.revenueMinor), .money(minor: previous.revenueMinor), .higherIsBetter),
            value("orders", .orders, .count(current.orders), .count(previous.orders), .higherIsBetter),
            value("units", .units, .count(current.units), .count(previous.units), .higherIsBetter),
            value("aov", .aov, current.aov.map(Measure.averageMoney), previous.aov.map(Measure.averageMoney), .higherIsBetter),
            value("refund_rate", .refundRate, current.refundRate.map(Measure.percent), previous.refundRate.map(Measure.percent),
                  .lowerIsBetter),
            value("refund_amount", .refunds, .money(minor: current.refundAmountMinor), .money(minor: previous.refundAmountMinor),
                  .lowerIsBetter),
            value("fees", .marketplaceFees, .money(minor: current.feesMinor), .money(minor: previous.feesMinor), .neutral),
            value("profit_after_fees", .profitAfterFees, current.profitAfterFeesMinor.map { .money(minor: $0) },
                  previous.profitAfterFeesMinor.map { .money(minor: $0) }, .higherIsBetter),
        ])
    }

    /// `AND platform = :platform AND shop_id = :shop` for what the filters narrow to.
    static func scopeCondition(_ filters: DashboardFilters, parameters: inout [String: SQLValue]) -> String {
        var condition = ""
        if let platform = filters.platform {
            condition += " AND platform = :platform"
            parameters["platform"] = .text(platform.rawValue)
        }
        if let shop = filters.shopID {
            condition += " AND shop_id = :shop"
            parameters["shop"] = .text(shop)
        }
        return condition
    }

    /// The same days a month and a year before the range (`dim_date`: the 31st of a month without one is its last day).
    static func earlierRanges(_ warehouse: any Warehouse, _ range: DateRange) async throws -> (month: DateRange, year: DateRange) {
        let rows = try await warehouse.query(SQLStatement(
            "SELECT date, same_day_last_month, same_day_last_year FROM dim_date WHERE date IN (:from, :to)",
            ["from": .text(range.start.description), "to": .text(range.end.description)]))
        func shifted(_ column: String, _ fallbackDays: Int) -> DateRange {
            let start = rows.first { $0.text("date") == range.start.description }.flatMap { BusinessDate($0.text(column)) }
            let end = rows.first { $0.text("date") == range.end.description }.flatMap { BusinessDate($0.text(column)) }
            return DateRange(start: start ?? range.start.adding(days: -fallbackDays), end: end ?? range.end.adding(days: -fallbackDays))
        }
        return (shifted("same_day_last_month", 30), shifted("same_day_last_year", 365))
    }

    /// Every shop the shop mart has figures for, by marketplace then name.
    static func shops(_ warehouse: any Warehouse) async throws -> [ScopeForm.Shop] {
        try await warehouse.query("SELECT platform, shop_id, max(shop_name) AS shop_name FROM mart_shop_performance GROUP BY platform, shop_id")
            .compactMap { row in
                Platform(rawValue: row.text("platform")).map { ScopeForm.Shop(platform: $0, shopID: row.text("shop_id"), name: row.optionalText("shop_name")) }
            }
            .sorted { ($0.platform.rawValue, $0.name ?? $0.shopID) < ($1.platform.rawValue, $1.name ?? $1.shopID) }
    }
}
