import Foundation
import OmnidashCore
import Warehouse

/// `mart_simple_alerts`, kept by the alerts: one row per (rule, subject, business date), raised again only when its
/// figure gets worse, acknowledged by a person, snoozed until a time. The same statements run on SQLite and
/// PostgreSQL.
public struct AlertStore: Sendable {
    public let warehouse: any Warehouse

    static let table = "mart_simple_alerts"
    static let columns = ["alert_id", "generated_at", "alert_type", "rule_id", "severity", "title", "description",
                          "metric_name", "metric_value", "threshold_value", "comparison_value", "affected_date",
                          "affected_platform", "affected_campaign_id", "subject_key", "subject_label", "provisional",
                          "raised_count", "last_raised_at", "updated_at", "is_acknowledged", "acknowledged_at",
                          "acknowledged_by", "snoozed_until", "link_path"]

    public init(warehouse: any Warehouse) {
        self.warehouse = warehouse
    }

    /// Records an evaluation's findings and returns those to deliver: the ones never seen before (raised count 1)
    /// and the ones that got worse than when last raised (raised count + 1), unless snoozed at `now`. Any other
    /// finding only refreshes `updated_at` and `provisional`; an acknowledgement is never undone.
    public func record(_ findings: [RaisedAlert], at now: Date) async throws -> [RaisedAlert] {
        guard !findings.isEmpty else { return [] }
        let existing = try await stored(ids: findings.map(\.id))
        let stamp = Timestamp.string(now)
        var inserts: [[SQLValue]] = []
        var updates: [WriteOperation] = []
        var raised: [RaisedAlert] = []
        for finding in findings {
            guard let old = existing[finding.id] else {
                var alert = finding
                alert.raisedCount = 1
                inserts.append(Self.row(alert, generatedAt: stamp))
                raised.append(alert)
                continue
            }
            let worse = Worsening(type: finding.type).isWorse(finding.metricValue, than: old.alert.metricValue)
            if worse && !old.isSnoozed(at: now) {
                var alert = finding
                alert.raisedCount = old.alert.raisedCount + 1
                updates.append(.execute(SQLStatement("""
                    UPDATE mart_simple_alerts SET severity = :severity, title = :title, description = :description,
                        metric_value = :value, threshold_value = :threshold, comparison_value = :comparison,
                        subject_label = :label, provisional = :provisional, raised_count = :count,
                        last_raised_at = :now, updated_at = :now, link_path = :link
                    WHERE alert_id = :id
                    """, ["severity": .text(alert.severity.rawValue), "title": .text(alert.title),
                          "description": .text(alert.description), "value": SQLValue(alert.metricValue),
                          "threshold": SQLValue(alert.thresholdValue), "comparison": SQLValue(alert.comparisonValue),
                          "label": .text(alert.subjectLabel), "provisional": SQLValue(alert.provisional),
                          "count": .integer(Int64(alert.raisedCount)), "now": .text(stamp), "link": .text(alert.linkPath),
                          "id": .text(alert.id)])))
                raised.append(alert)
            } else {
                updates.append(.execute(SQLStatement(
                    "UPDATE mart_simple_alerts SET provisional = :provisional, updated_at = :now WHERE alert_id = :id",
                    ["provisional": SQLValue(finding.provisional), "now": .text(stamp), "id": .text(finding.id)])))
            }
        }
        var operations = updates
        if !inserts.isEmpty {
            operations.insert(.insert(RowSet(table: Self.table, columns: Self.columns, rows: inserts)), at: 0)
        }
        try await warehouse.write(operations)
        return raised
    }

    /// Marks an alert acknowledged by `person`; `false` when there is no such alert. Acknowledging twice keeps the first.
    @discardableResult
    public func acknowledge(_ id: String, by person: String, at now: Date) async throws -> Bool {
        guard try await exists(id) else { return false }
        try await warehouse.execute(SQLStatement("""
            UPDATE mart_simple_alerts SET is_acknowledged = 1, acknowledged_at = :now, acknowledged_by = :person
            WHERE alert_id = :id AND is_acknowledged = 0
            """, ["now": .text(Timestamp.string(now)), "person": .text(person), "id": .text(id)]))
        return true
    }

    /// Keeps an alert from being raised again until `until`; `false` when there is no such alert.
    @discardableResult
    public func snooze(_ id: String, until: Date) async throws -> Bool {
        guard try await exists(id) else { return false }
        try await warehouse.execute(SQLStatement("UPDATE mart_simple_alerts SET snoozed_until = :until WHERE alert_id = :id",
                                                 ["until": .text(Timestamp.string(until)), "id": .text(id)]))
        return true
    }

    /// The alerts `filter` lets through, the latest business date first, the critical first within a date.
    public func list(_ filter: AlertFilter = AlertFilter()) async throws -> [StoredAlert] {
        var conditions: [String] = []
        var parameters: [String: SQLValue] = ["limit": .integer(Int64(max(1, filter.limit)))]
        switch filter.status {
        case .open?: conditions.append("is_acknowledged = 0")
        case .acknowledged?: conditions.append("is_acknowledged = 1")
        case nil: break
        }
        if let severity = filter.severity {
            conditions.append("severity = :severity")
            parameters["severity"] = .text(severity.rawValue)
        }
        if let type = filter.type {
            conditions.append("alert_type = :type")
            parameters["type"] = .text(type)
        }
        if let platform = filter.platform {
            conditions.append("affected_platform = :platform")
            parameters["platform"] = .text(platform)
        }
        if let from = filter.from {
            conditions.append("affected_date >= :from")
            parameters["from"] = .text(from.description)
        }
        if let to = filter.to {
            conditions.append("affected_date <= :to")
            parameters["to"] = .text(to.description)
        }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try await warehouse.query(SQLStatement("""
            SELECT * FROM mart_simple_alerts \(clause)
            ORDER BY affected_date DESC, CASE severity WHEN 'critical' THEN 0 ELSE 1 END, alert_type, subject_key
            LIMIT :limit
            """, parameters))
        return rows.map(Self.stored)
    }

    /// One alert by id.
    public func alert(_ id: String) async throws -> StoredAlert? {
        try await stored(ids: [id])[id]
    }

    private func exists(_ id: String) async throws -> Bool {
        try await warehouse.scalar(SQLStatement("SELECT count(*) FROM mart_simple_alerts WHERE alert_id = :id",
                                                ["id": .text(id)])).int64 ?? 0 > 0
    }

    private func stored(ids: [String]) async throws -> [String: StoredAlert] {
        var found: [String: StoredAlert] = [:]
        let unique = Array(Set(ids))
        for start in stride(from: 0, to: unique.count, by: 200) {
            let chunk = Array(unique[start..<min(start + 200, unique.count)])
            var parameters: [String: SQLValue] = [:]
            for (index, id) in chunk.enumerated() { parameters["id\(index)"] = .text(id) }
            let list = chunk.indices.map { ":id\($0)" }.joined(separator: ", ")
            for row in try await warehouse.query(SQLStatement("SELECT * FROM mart_simple_alerts WHERE alert_id IN (\(list))", parameters)) {
                let alert = Self.stored(row)
                found[alert.alert.id] = alert
            }
        }
        return found
    }

    private static func row(_ alert: RaisedAlert, generatedAt stamp: String) -> [SQLValue] {
        [.text(alert.id), .text(stamp), .text(alert.type), .text(alert.ruleID), .text(alert.severity.rawValue),
         .text(alert.title), .text(alert.description), .text(alert.metricName), SQLValue(alert.metricValue),
         SQLValue(alert.thresholdValue), SQLValue(alert.comparisonValue), SQLValue(alert.businessDate?.description),
         SQLValue(alert.platform), SQLValue(alert.campaignID), .text(alert.subjectKey), .text(alert.subjectLabel),
         SQLValue(alert.provisional), .integer(Int64(alert.raisedCount)), .text(stamp), .text(stamp), .integer(0), .null,
         .null, .null, .text(alert.linkPath)]
    }

    private static func stored(_ row: WarehouseRow) -> StoredAlert {
        func date(_ column: String) -> Date? {
            row.optionalText(column).flatMap(Timestamp.unixSeconds).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }
        let alert = RaisedAlert(
            id: row.text("alert_id"), type: row.text("alert_type"), ruleID: row.text("rule_id"),
            severity: RaisedAlert.Severity(rawValue: row.text("severity")) ?? .warning,
            metricName: row.text("metric_name"), metricValue: row.double("metric_value"),
            thresholdValue: row.double("threshold_value"), comparisonValue: row.double("comparison_value"),
            businessDate: row.optionalText("affected_date").flatMap(BusinessDate.init),
            platform: row.optionalText("affected_platform"), campaignID: row.optionalText("affected_campaign_id"),
            subjectKey: row.text("subject_key"), subjectLabel: row.text("subject_label"),
            provisional: row.int("provisional") != 0, raisedCount: Int(row.int("raised_count")),
            linkPath: row.text("link_path"), title: row.text("title"), description: row.text("description"))
        let epoch = Date(timeIntervalSince1970: 0)
        return StoredAlert(alert: alert, generatedAt: date("generated_at") ?? epoch, lastRaisedAt: date("last_raised_at") ?? epoch,
                           updatedAt: date("updated_at") ?? epoch,
                           acknowledgedAt: row.int("is_acknowledged") != 0 ? date("acknowledged_at") ?? epoch : nil,
                           acknowledgedBy: row.optionalText("acknowledged_by"), snoozedUntil: date("snoozed_until"))
    }
}
