import Alerts
import Foundation
import OmnidashCore
import Warehouse

extension AlertsPage {
    public static func query(_ warehouse: any Warehouse, filters: DashboardFilters) async throws -> Model {
        try await query(DashboardEnvironment(warehouse: warehouse), filters: filters)
    }

    /// The stored alerts of the filters' business dates, narrowed by status, severity, rule type and platform.
    public static func query(_ environment: DashboardEnvironment, filters: DashboardFilters) async throws -> Model {
        let store = AlertStore(warehouse: environment.warehouse)
        let filter = AlertFilter(
            status: filters.alertStatus.flatMap(AlertFilter.Status.init(rawValue:)),
            severity: filters.alertSeverity.flatMap(RaisedAlert.Severity.init(rawValue:)), type: filters.alertType,
            platform: filters.platform?.rawValue, from: filters.range.start, to: filters.range.end)
        let platforms = try await environment.warehouse.query(
            "SELECT DISTINCT affected_platform FROM mart_simple_alerts WHERE affected_platform IS NOT NULL ORDER BY affected_platform")
        return Model(filters: filters, asOf: environment.now(), alerts: try await store.list(filter),
                     platforms: platforms.map { $0.text("affected_platform") })
    }
}
