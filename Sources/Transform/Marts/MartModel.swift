import OmnidashCore
import Warehouse

/// One mart: its declared table and its model (`Models/<table>.sql`, the same text on SQLite and PostgreSQL, a plain
/// `with … select * from final`). The models are compiled into the binary (`.embedInCode` in Package.swift), so a
/// copied binary needs no resource bundle beside it. The runner owns the insert: it rebuilds a range of business dates by deleting the
/// range and inserting the table's declared columns, by name, from the model's select, so a column list lives only
/// in the table's declaration and the model's final select.
public struct MartModel: Sendable {
    public let table: TableSchema
    public let sql: String
    /// A mart about the whole history (no `date` column) is replaced whole rather than by date range.
    public let isWholeTable: Bool

    /// The marts, in build order, each with its model's text.
    public static func all() -> [MartModel] {
        [
            MartModel(table: MartTables.dailyPerformance, model: PackageResources.mart_daily_performance_sql),
            // Before the shop and product marts, which sum it.
            MartModel(table: MartTables.productShopPerformance, model: PackageResources.mart_product_shop_performance_sql),
            MartModel(table: MartTables.shopPerformance, model: PackageResources.mart_shop_performance_sql),
            MartModel(table: MartTables.adsChannelPerformance, model: PackageResources.mart_ads_channel_performance_sql),
            MartModel(table: MartTables.campaignPerformance, model: PackageResources.mart_campaign_performance_sql),
            MartModel(table: MartTables.productPerformance, model: PackageResources.mart_product_performance_sql),
            MartModel(table: MartTables.websiteAnalytics, model: PackageResources.mart_website_analytics_sql),
            MartModel(table: MartTables.trafficSources, model: PackageResources.mart_traffic_sources_sql),
            MartModel(table: MartTables.websitePages, model: PackageResources.mart_website_pages_sql),
            MartModel(table: MartTables.websiteAudience, model: PackageResources.mart_website_audience_sql),
            MartModel(table: MartTables.crossChannelAttribution, model: PackageResources.mart_cross_channel_attribution_sql),
            MartModel(table: MartTables.utmGovernance, model: PackageResources.mart_utm_governance_sql, isWholeTable: true),
        ]
    }

    init(table: TableSchema, model: [UInt8], isWholeTable: Bool = false) {
        self.table = table
        self.sql = String(decoding: model, as: UTF8.self)
        self.isWholeTable = isWholeTable
    }

    /// The statements that rebuild `range`, for one transaction.
    func rebuild(from: String, to: String, lookbackFrom: String, minorPerMajor: Double, builtAt: String,
                 targets: PerformanceTargets, alerts: AlertSettings = AlertSettings()) -> [WriteOperation] {
        let name = SQLDialect.quote(table.name)
        let columns = table.columnNames.map(SQLDialect.quote).joined(separator: ", ")
        let delete = isWholeTable
            ? SQLStatement("DELETE FROM \(name)")
            : SQLStatement("DELETE FROM \(name) WHERE date BETWEEN :from AND :to", ["from": .text(from), "to": .text(to)])
        return [
            .execute(delete),
            .execute(SQLStatement("INSERT INTO \(name) (\(columns))\nSELECT \(columns) FROM (\n\(sql)\n) AS model", [
                "from": .text(from), "to": .text(to), "lookback_from": .text(lookbackFrom),
                "minor_per_major": .real(minorPerMajor), "built_at": .text(builtAt),
                // A CPA limit of 0 stands for none: PostgreSQL cannot type an untyped NULL parameter.
                "roas_target": .real(targets.roas), "roas_floor": .real(targets.minROAS),
                "cpa_target": .real(targets.cpa ?? 0), "cpa_ceiling": .real(targets.maxCPA ?? 0),
                // The daily anomaly flags use the alert rules' lines (`alerts.rules`), not numbers of their own.
                "revenue_drop_line": .real(-alerts.rule(.revenueDrop).threshold / 100),
                "roas_low_line": .real(alerts.rule(.roasLow).threshold),
            ])),
        ]
    }
}
