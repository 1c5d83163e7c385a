import Foundation
import OmnidashCore
import OmnidashTestSupport
import Testing
@testable import Transform
import Warehouse

/// `mart_daily_performance`'s anomaly flags draw their lines from the alert rules (`alerts.rules`), not from numbers
/// written into the SQL.
@Suite("Daily anomaly flags follow the alert rules")
struct AnomalyFlagTests {
    static func order(_ id: String, day: String, netMinor: Int64) -> TableRow {
        var row = WebsiteMartTests.order(id, status: "completed", netMinor: netMinor)
        row["order_date"] = .text(day)
        row["order_timestamp"] = .text(day + "T10:00:00Z")
        return row
    }

    static func flag(_ warehouse: any Warehouse, alerts: AlertSettings) async throws -> String? {
        let daily = MartModel.all().first { $0.table.name == "mart_daily_performance" }!
        try await warehouse.write(daily.rebuild(from: "2026-11-19", to: "2026-11-20", lookbackFrom: "2026-10-01", minorPerMajor: 100,
                                                builtAt: "2026-11-21T00:00:00Z", targets: PerformanceTargets(), alerts: alerts))
        return try await warehouse.scalar("SELECT anomaly_type FROM mart_daily_performance WHERE date = '2026-11-20'").string
    }

    @Test("a 30 % fall is a revenue drop at the default 20 % line and none at a 40 % line", arguments: WarehouseEngine.allCases)
    func revenueDropLineIsConfigured(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            try await fixture.warehouse.write([.insert(RowSet(StagingTables.orders, rows: [
                Self.order("a", day: "2026-11-19", netMinor: 100_000), Self.order("b", day: "2026-11-20", netMinor: 70_000),
            ]))])
            #expect(try await Self.flag(fixture.warehouse, alerts: AlertSettings()) == "revenue_drop")
            var relaxed = AlertSettings()
            relaxed.rules = relaxed.rules.map { rule in
                var rule = rule
                if rule.kind == .revenueDrop { rule.threshold = 40 }
                return rule
            }
            #expect(try await Self.flag(fixture.warehouse, alerts: relaxed) == nil)
        }
    }
}
