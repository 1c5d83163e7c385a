import Alerts
import Foundation
import OmnidashCore
import Warehouse

extension AlertsPage {
    /// The CSV's columns: `mart_simple_alerts`' own names, so an export reads like the table.
    static let csvColumns = [
        "alert_id", "affected_date", "alert_type", "rule_id", "severity", "title", "metric_name", "metric_value",
        "threshold_value", "comparison_value", "affected_platform", "affected_campaign_id", "subject_key", "subject_label",
        "provisional", "raised_count", "generated_at", "last_raised_at", "is_acknowledged", "acknowledged_at",
        "acknowledged_by", "snoozed_until", "link_path", "description",
    ]

    /// One alert as the CSV and the JSON write it: `null` for what it does not have.
    static func row(_ stored: StoredAlert) -> [String: PageExport.Value] {
        let alert = stored.alert
        func time(_ date: Date?) -> PageExport.Value { PageExport.Value(text: date.map(Timestamp.string)) }
        return [
            "alert_id": .text(alert.id), "affected_date": PageExport.Value(text: alert.businessDate?.description),
            "alert_type": .text(alert.type), "rule_id": .text(alert.ruleID), "severity": .text(alert.severity.rawValue),
            "title": .text(alert.title), "metric_name": .text(alert.metricName),
            "metric_value": PageExport.Value(ratio: alert.metricValue), "threshold_value": PageExport.Value(ratio: alert.thresholdValue),
            "comparison_value": PageExport.Value(ratio: alert.comparisonValue),
            "affected_platform": PageExport.Value(text: alert.platform), "affected_campaign_id": PageExport.Value(text: alert.campaignID),
            "subject_key": .text(alert.subjectKey), "subject_label": .text(alert.subjectLabel),
            "provisional": .integer(alert.provisional ? 1 : 0), "raised_count": .integer(Int64(alert.raisedCount)),
            "generated_at": time(stored.generatedAt), "last_raised_at": time(stored.lastRaisedAt),
            "is_acknowledged": .integer(stored.isAcknowledged ? 1 : 0), "acknowledged_at": time(stored.acknowledgedAt),
            "acknowledged_by": PageExport.Value(text: stored.acknowledgedBy), "snoozed_until": time(stored.snoozedUntil),
            "link_path": .text(alert.linkPath), "description": .text(alert.description),
        ]
    }

    public static func csv(_ model: Model) -> String {
        var lines = [csvColumns.joined(separator: ",")]
        for stored in model.alerts {
            let row = row(stored)
            lines.append(csvColumns.map { column -> String in
                switch row[column] {
                case .text(let text)?: PageExport.csvField(text)
                case .integer(let number)?: String(number)
                case .number(let number)?: PageExport.ratio(number)
                default: ""
                }
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `alerts`: an array of objects with the CSV's columns.
    public static func json(_ model: Model, currency: Currency) throws -> Data {
        try PageExport.document(model.filters, currency: currency, kpis: [],
                                sections: ["as_of": .text(Timestamp.string(model.asOf)), "alerts": .array(model.alerts.map { .object(row($0)) })])
    }
}
