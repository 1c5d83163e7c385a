import OmnidashCore

extension DashboardFilters {
    /// The statuses, severities and rule types the Alerts page narrows to.
    static let alertStatuses = ["open", "acknowledged"]
    static let alertSeverities = ["warning", "critical"]
    static let alertTypes = ["roas_low", "revenue_drop", "cpa_high", "source_stale", "sync_failed", "token_expiring"]

    /// Reads `?status=`, `?severity=` and `?type=`; other pages ignore them.
    mutating func readAlertFilters(_ query: [String: String]) throws(FilterError) {
        for (name, allowed, key) in [("status", Self.alertStatuses, \DashboardFilters.alertStatus),
                                     ("severity", Self.alertSeverities, \.alertSeverity), ("type", Self.alertTypes, \.alertType)] {
            guard let value = query[name], !value.isEmpty else { continue }
            guard allowed.contains(value) else {
                throw FilterError(.errorUnknownAlertFilter, ["name": name, "value": String(value.prefix(64)),
                                                             "allowed": allowed.joined(separator: ", ")], subject: .scope)
            }
            self[keyPath: key] = value
        }
    }
}
