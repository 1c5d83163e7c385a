import OmnidashCore
import Warehouse

/// The summable delivery figures of some ads over some days, with the ratios computed from the sums (never averaged).
/// Video views and engagement stay `nil` when no platform in the sum reports them.
public struct AdFigures: Sendable, Hashable, Codable {
    public var spendMinor: Int64 = 0
    public var impressions: Int64 = 0
    public var clicks: Int64 = 0
    public var conversions: Int64 = 0
    public var conversionValueMinor: Int64 = 0
    public var videoViews: Int64?
    public var engagement: Int64?

    public init() {}

    /// The figures of a row holding `spend_minor`, `impressions`, `clicks`, `conversions`, `conversion_value_minor` and,
    /// when selected, `video_views` and `engagement`, each prefixed with `prefix`.
    init(_ row: WarehouseRow, prefix: String = "") {
        spendMinor = row.int(prefix + "spend_minor")
        impressions = row.int(prefix + "impressions")
        clicks = row.int(prefix + "clicks")
        conversions = row.int(prefix + "conversions")
        conversionValueMinor = row.int(prefix + "conversion_value_minor")
        videoViews = row.optionalInt(prefix + "video_views")
        engagement = row.optionalInt(prefix + "engagement")
    }

    /// The SQL sums that `init(_:prefix:)` reads, for the rows matching `condition` (or all rows).
    static func sums(spend: String = "spend_minor", value: String = "conversion_value_minor", when condition: String? = nil,
                     prefix: String = "") -> String {
        func sum(_ column: String) -> String {
            condition.map { "sum(CASE WHEN \($0) THEN \(column) END)" } ?? "sum(\(column))"
        }
        // PostgreSQL sums BIGINTs as NUMERIC: cast back.
        return [(spend, "spend_minor"), ("impressions", "impressions"), ("clicks", "clicks"), ("conversions", "conversions"),
                (value, "conversion_value_minor"), ("video_views", "video_views"), ("engagement", "engagement")]
            .map { "CAST(\(sum($0.0)) AS BIGINT) AS \(prefix)\($0.1)" }
            .joined(separator: ", ")
    }

    /// The platforms' own ROAS: the conversion value they report over spend.
    public var roas: Double? { Metrics.roas(revenueMinor: conversionValueMinor, spendMinor: spendMinor) }
    public var cpa: Double? { Metrics.cpa(spendMinor: spendMinor, conversions: conversions) }
    public var ctr: Double? { Metrics.ctr(clicks: clicks, impressions: impressions) }
    public var cpc: Double? { Metrics.cpc(spendMinor: spendMinor, clicks: clicks) }
    public var cpm: Double? { Metrics.cpm(spendMinor: spendMinor, impressions: impressions) }

    static func + (lhs: AdFigures, rhs: AdFigures) -> AdFigures {
        var sum = lhs
        sum.spendMinor += rhs.spendMinor
        sum.impressions += rhs.impressions
        sum.clicks += rhs.clicks
        sum.conversions += rhs.conversions
        sum.conversionValueMinor += rhs.conversionValueMinor
        sum.videoViews = [lhs.videoViews, rhs.videoViews].compactMap { $0 }.reduce(nil) { ($0 ?? 0) + $1 }
        sum.engagement = [lhs.engagement, rhs.engagement].compactMap { $0 }.reduce(nil) { ($0 ?? 0) + $1 }
        return sum
    }
}
