import Foundation
import OmnidashCore
import Warehouse

extension AlertEvaluator {
    /// Days of the lookback window whose revenue fell by more than the threshold against both the day before and the
    /// same weekday a week before (`mart_daily_performance`): the day after a sale day falls against the sale but
    /// not against last week, and pages no one.
    func revenueDrops(_ rule: AlertRule, today: BusinessDate) async throws -> [RaisedAlert] {
        let line = -rule.threshold / 100
        let rows = try await warehouse.query(SQLStatement("""
            SELECT date, total_revenue_minor, revenue_vs_yesterday, revenue_vs_last_week
            FROM mart_daily_performance
            WHERE date BETWEEN :from AND :to AND revenue_vs_yesterday < :line AND revenue_vs_last_week < :line
            ORDER BY date
            """, ["from": .text(today.adding(days: -settings.lookbackDays).description),
                  "to": .text(today.adding(days: -1).description), "line": .real(line)]))
        return rows.compactMap { row in
            guard let date = BusinessDate(row.text("date")), let vsYesterday = row.double("revenue_vs_yesterday"),
                  let vsLastWeek = row.double("revenue_vs_last_week") else { return nil }
            let ruleID = rule.kind.rawValue
            let revenue = Double(row.int("total_revenue_minor")) / minorPerMajor
            return RaisedAlert(
                id: AlertIdentity.id(rule: ruleID, subject: "total", date: date), type: ruleID, ruleID: ruleID,
                severity: severity(rule), metricName: "revenue_change", metricValue: vsYesterday, thresholdValue: line,
                comparisonValue: vsLastWeek, businessDate: date, platform: nil, campaignID: nil, subjectKey: "total",
                subjectLabel: "All shops", provisional: isProvisional(date, platform: nil, today: today), raisedCount: 1,
                linkPath: Self.link("/", from: date.adding(days: -7), to: date),
                title: "Revenue down \(Self.percent(-vsYesterday)) on \(date)",
                description: "Revenue on \(date) was \(Self.money(revenue)): \(Self.percent(-vsYesterday)) below the day before and "
                    + "\(Self.percent(-vsLastWeek)) below the same weekday last week (line: \(Self.percent(rule.threshold / 100))).")
        }
    }

    /// `60 %`, as the dashboard writes a share.
    static func percent(_ share: Double) -> String {
        String(format: "%.0f %%", share * 100)
    }
}
