import OmnidashCore
import Warehouse

extension ExecutiveOverview {
    /// Reads the figures of `filters.range` and its comparison period from the marts.
    ///
    /// Ratios are computed from the period's sums (total revenue / total spend), never averaged from daily ratios.
    ///
    /// Narrowed to a marketplace or a shop, revenue, orders and units come from `mart_shop_performance` for it; ad
    /// figures stay those of every channel (ads are not tied to a marketplace), so ROAS, which would divide one shop's
    /// revenue by every channel's spend, has no value.
    public static func query(_ warehouse: any Warehouse, filters: DashboardFilters) async throws -> Model {
        let range = filters.range
        let comparison = filters.comparison
        var parameters: [String: SQLValue] = [
            "from": .text(range.start.description), "to": .text(range.end.description),
            "previous_from": .text(comparison.start.description), "previous_to": .text(comparison.end.description),
        ]
        let totals = try await warehouse.query(SQLStatement("""
            SELECT period,
                   sum(total_revenue_minor) AS revenue_minor, sum(total_orders) AS orders, sum(total_units) AS units,
                   sum(total_ad_spend_minor) AS spend_minor, sum(total_impressions) AS impressions,
                   sum(total_clicks) AS clicks, sum(total_conversions) AS conversions
            FROM (
                SELECT CASE WHEN date >= :from THEN 'current' ELSE 'previous' END AS period, mart_daily_performance.*
                FROM mart_daily_performance
                WHERE date BETWEEN :previous_from AND :to
            ) AS periods
            GROUP BY period
            """, parameters))
        var current = Totals(totals.first { $0.text("period") == "current" })
        var previous = Totals(totals.first { $0.text("period") == "previous" })
        let isScoped = filters.platform != nil || filters.shopID != nil
        let scope = ShopPerformance.scopeCondition(filters, parameters: &parameters)
        var scopedDays: [String: WarehouseRow] = [:]
        if isScoped {
            let shopTotals = try await warehouse.query(SQLStatement("""
                SELECT CASE WHEN date >= :from THEN 'current' ELSE 'previous' END AS period,
                       sum(revenue_minor) AS revenue_minor, sum(orders) AS orders, sum(units) AS units
                FROM mart_shop_performance
                WHERE date BETWEEN :previous_from AND :to \(scope)
                GROUP BY CASE WHEN date >= :from THEN 'current' ELSE 'previous' END
                """, parameters))
            current.narrow(to: shopTotals.first { $0.text("period") == "current" })
            previous.narrow(to: shopTotals.first { $0.text("period") == "previous" })
            for row in try await warehouse.query(SQLStatement("""
                SELECT date, sum(revenue_minor) AS revenue_minor, sum(orders) AS orders, sum(units) AS units
                FROM mart_shop_performance WHERE date BETWEEN :from AND :to \(scope) GROUP BY date
                """, parameters)) {
                scopedDays[row.text("date")] = row
            }
        }

        let dailyRows = try await warehouse.query(SQLStatement("""
            SELECT date, total_revenue_minor, total_ad_spend_minor, total_orders, roas, total_units, total_impressions,
                   total_clicks, total_conversions
            FROM mart_daily_performance
            WHERE date BETWEEN :from AND :to
            """, parameters))
        let byDate = Dictionary(dailyRows.map { ($0.text("date"), $0) }, uniquingKeysWith: { first, _ in first })
        let daily = range.days.map { date in
            let row = byDate[date.description]
            if isScoped {
                let shops = scopedDays[date.description]
                return DailyPoint(date: date, revenueMinor: shops?.int("revenue_minor") ?? 0,
                                  adSpendMinor: row?.int("total_ad_spend_minor") ?? 0, orders: shops?.int("orders") ?? 0,
                                  roas: nil, units: shops?.int("units") ?? 0,
                                  impressions: row?.int("total_impressions") ?? 0, clicks: row?.int("total_clicks") ?? 0,
                                  conversions: row?.int("total_conversions") ?? 0)
            }
            return DailyPoint(date: date, revenueMinor: row?.int("total_revenue_minor") ?? 0,
                              adSpendMinor: row?.int("total_ad_spend_minor") ?? 0, orders: row?.int("total_orders") ?? 0,
                              roas: row?.double("roas"), units: row?.int("total_units") ?? 0,
                              impressions: row?.int("total_impressions") ?? 0, clicks: row?.int("total_clicks") ?? 0,
                              conversions: row?.int("total_conversions") ?? 0)
        }

        let marketplaces = try await breakdown(warehouse, table: "mart_shop_performance", measure: "revenue_minor", parameters: parameters,
                                               condition: scope)
        let adPlatforms = try await breakdown(warehouse, table: "mart_ads_channel_performance", measure: "spend_minor", parameters: parameters)
        return Model(filters: filters, kpis: kpis(current: current, previous: previous), daily: daily,
                     revenueByMarketplace: marketplaces, spendByAdPlatform: adPlatforms,
                     freshness: try await freshness(warehouse), shops: try await ShopPerformance.shops(warehouse))
    }

    /// The period's sums; every ratio on the page is computed from these.
    struct Totals {
        var revenueMinor: Int64 = 0
        var orders: Int64 = 0
        var units: Int64 = 0
        var spendMinor: Int64 = 0
        var impressions: Int64 = 0
        var clicks: Int64 = 0
        var conversions: Int64 = 0
        /// Revenue is one marketplace's or shop's while spend is every channel's: no ROAS then.
        var isNarrowed = false

        init(_ row: WarehouseRow?) {
            guard let row else { return }
            revenueMinor = row.int("revenue_minor")
            orders = row.int("orders")
            units = row.int("units")
            spendMinor = row.int("spend_minor")
            impressions = row.int("impressions")
            clicks = row.int("clicks")
            conversions = row.int("conversions")
        }

        var aov: Double? { Metrics.aov(revenueMinor: revenueMinor, orders: orders) }
        var roas: Double? { isNarrowed ? nil : Metrics.roas(revenueMinor: revenueMinor, spendMinor: spendMinor) }

        /// Revenue, orders and units of a marketplace or shop in place of every marketplace's.
        mutating func narrow(to row: WarehouseRow?) {
            revenueMinor = row?.int("revenue_minor") ?? 0
            orders = row?.int("orders") ?? 0
            units = row?.int("units") ?? 0
            isNarrowed = true
        }
        var cpa: Double? { Metrics.cpa(spendMinor: spendMinor, conversions: conversions) }
        var ctr: Double? { Metrics.ctr(clicks: clicks, impressions: impressions) }
        var cvr: Double? { Metrics.cvr(conversions: conversions, clicks: clicks) }
    }

    static func kpis(current: Totals, previous: Totals) -> [KPIValue] {
        func money(_ minor: Int64) -> Measure { .money(minor: minor) }
        return [
            KPI.revenue.value(money(current.revenueMinor), money(previous.revenueMinor)),
            KPI.orders.value(.count(current.orders), .count(previous.orders)),
            KPI.units.value(.count(current.units), .count(previous.units)),
            KPI.aov.value(current.aov.map(Measure.averageMoney), previous.aov.map(Measure.averageMoney)),
            KPI.adSpend.value(money(current.spendMinor), money(previous.spendMinor)),
            KPI.roas.value(current.roas.map(Measure.multiple), previous.roas.map(Measure.multiple)),
            KPI.cpa.value(current.cpa.map(Measure.averageMoney), previous.cpa.map(Measure.averageMoney)),
            KPI.ctr.value(current.ctr.map(Measure.percent), previous.ctr.map(Measure.percent)),
            KPI.cvr.value(current.cvr.map(Measure.percent), previous.cvr.map(Measure.percent)),
        ]
    }

    private static func breakdown(_ warehouse: any Warehouse, table: String, measure: String,
                                  parameters: [String: SQLValue], condition: String = "") async throws -> [Breakdown] {
        let rows = try await warehouse.query(SQLStatement("""
            SELECT platform,
                   sum(CASE WHEN date >= :from THEN \(measure) ELSE 0 END) AS current_minor,
                   sum(CASE WHEN date < :from THEN \(measure) ELSE 0 END) AS previous_minor
            FROM \(table)
            WHERE date BETWEEN :previous_from AND :to \(condition)
            GROUP BY platform
            """, parameters))
        return rows.compactMap { row in
            guard let platform = Platform(rawValue: row.text("platform")) else { return nil }
            let current = row.int("current_minor")
            let previous = row.int("previous_minor")
            return Breakdown(platform: platform, currentMinor: current, previousMinor: previous,
                             change: Metrics.change(Double(current), from: Double(previous)))
        }
        .filter { $0.currentMinor != 0 || $0.previousMinor != 0 }
        .sorted { ($0.currentMinor, $0.platform.rawValue) > ($1.currentMinor, $1.platform.rawValue) }
    }

    private static func freshness(_ warehouse: any Warehouse) async throws -> [SourceFreshness] {
        let rows = try await warehouse.query("""
            SELECT source,
                   max(CASE WHEN status = 'succeeded' THEN finished_at END) AS last_success_at
            FROM sync_runs
            GROUP BY source
            """)
        var latestStatus: [String: String] = [:]
        for row in try await warehouse.query("""
            SELECT runs.source, runs.status
            FROM sync_runs AS runs
            JOIN (SELECT source, max(run_id) AS run_id FROM sync_runs GROUP BY source) AS latest
              ON latest.source = runs.source AND latest.run_id = runs.run_id
            """) {
            // Run ids sort by their start time; a failed stream in the latest run marks the source failed.
            if latestStatus[row.text("source")] != "failed" { latestStatus[row.text("source")] = row.text("status") }
        }
        return rows.compactMap { row in
            guard let platform = Platform(rawValue: row.text("source")) else { return nil }
            return SourceFreshness(platform: platform, lastSuccessAt: row.optionalText("last_success_at"),
                                   lastStatus: latestStatus[row.text("source")])
        }
        .sorted { $0.platform.rawValue < $1.platform.rawValue }
    }
}
