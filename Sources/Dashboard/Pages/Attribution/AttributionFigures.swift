import OmnidashCore
import Warehouse

/// The summable attribution figures of some campaigns over some days, with ROAS and CPA on each of the three levels
/// computed from the sums: the platform's claim, GA4's sessions that carried the campaign's UTM, and the marketplace
/// orders whose id a GA4 purchase in those sessions recorded.
public struct AttributionFigures: Sendable, Hashable, Codable {
    public var spendMinor: Int64 = 0
    public var clicks: Int64 = 0
    public var impressions: Int64 = 0
    public var platformConversions: Int64 = 0
    public var platformValueMinor: Int64 = 0
    public var gaSessions: Int64 = 0
    /// GA4 users counted once per day: user-days over a range.
    public var gaUserDays: Int64 = 0
    public var gaTransactions: Int64 = 0
    public var gaRevenueMinor: Int64 = 0
    public var marketplaceOrders: Int64 = 0
    public var marketplaceRevenueMinor: Int64 = 0

    public init() {}

    static let columns: [(mart: String, alias: String)] = [
        ("ad_spend_minor", "spend_minor"), ("ad_clicks", "clicks"), ("ad_impressions", "impressions"),
        ("platform_conversions", "platform_conversions"), ("platform_conversion_value_minor", "platform_value_minor"),
        ("ga_sessions", "ga_sessions"), ("ga_users", "ga_users"), ("ga_transactions", "ga_transactions"),
        ("ga_revenue_minor", "ga_revenue_minor"), ("ecom_orders", "ecom_orders"), ("ecom_revenue_minor", "ecom_revenue_minor"),
    ]

    /// The figures of a row holding the columns `sums` selects, each prefixed with `prefix`.
    init(_ row: WarehouseRow, prefix: String = "") {
        spendMinor = row.int(prefix + "spend_minor")
        clicks = row.int(prefix + "clicks")
        impressions = row.int(prefix + "impressions")
        platformConversions = row.int(prefix + "platform_conversions")
        platformValueMinor = row.int(prefix + "platform_value_minor")
        gaSessions = row.int(prefix + "ga_sessions")
        gaUserDays = row.int(prefix + "ga_users")
        gaTransactions = row.int(prefix + "ga_transactions")
        gaRevenueMinor = row.int(prefix + "ga_revenue_minor")
        marketplaceOrders = row.int(prefix + "ecom_orders")
        marketplaceRevenueMinor = row.int(prefix + "ecom_revenue_minor")
    }

    /// The SQL sums of `mart_cross_channel_attribution` that `init(_:prefix:)` reads, for the rows matching `condition`.
    static func sums(when condition: String? = nil, prefix: String = "") -> String {
        // PostgreSQL sums BIGINTs as NUMERIC: cast back.
        columns.map { column in
            let sum = condition.map { "sum(CASE WHEN \($0) THEN \(column.mart) END)" } ?? "sum(\(column.mart))"
            return "CAST(\(sum) AS BIGINT) AS \(prefix)\(column.alias)"
        }
        .joined(separator: ", ")
    }

    public var platformROAS: Double? { Metrics.roas(revenueMinor: platformValueMinor, spendMinor: spendMinor) }
    public var gaROAS: Double? { Metrics.roas(revenueMinor: gaRevenueMinor, spendMinor: spendMinor) }
    public var marketplaceROAS: Double? { Metrics.roas(revenueMinor: marketplaceRevenueMinor, spendMinor: spendMinor) }
    public var platformCPA: Double? { Metrics.cpa(spendMinor: spendMinor, conversions: platformConversions) }
    public var gaCPA: Double? { Metrics.cpa(spendMinor: spendMinor, conversions: gaTransactions) }
    public var marketplaceCPA: Double? { Metrics.cpa(spendMinor: spendMinor, conversions: marketplaceOrders) }

    static func + (lhs: AttributionFigures, rhs: AttributionFigures) -> AttributionFigures {
        var sum = lhs
        sum.spendMinor += rhs.spendMinor
        sum.clicks += rhs.clicks
        sum.impressions += rhs.impressions
        sum.platformConversions += rhs.platformConversions
        sum.platformValueMinor += rhs.platformValueMinor
        sum.gaSessions += rhs.gaSessions
        sum.gaUserDays += rhs.gaUserDays
        sum.gaTransactions += rhs.gaTransactions
        sum.gaRevenueMinor += rhs.gaRevenueMinor
        sum.marketplaceOrders += rhs.marketplaceOrders
        sum.marketplaceRevenueMinor += rhs.marketplaceRevenueMinor
        return sum
    }
}
