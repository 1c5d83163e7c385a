import Foundation
import OmnidashCore
import Warehouse

extension AlertEvaluator {
    /// ROAS below or CPA above the line, per platform and per campaign, over the window ending on the latest day
    /// with ad spend (`mart_campaign_performance`; ROAS is the platforms' conversion value over spend).
    func spendFindings(_ rule: AlertRule, today: BusinessDate) async throws -> [RaisedAlert] {
        guard let end = try await warehouse.scalar(SQLStatement(
            "SELECT max(date) FROM mart_campaign_performance WHERE date < :today AND spend_minor > 0",
            ["today": .text(today.description)])).string.flatMap(BusinessDate.init) else { return [] }
        let start = end.adding(days: -(settings.windowDays - 1))
        var findings: [RaisedAlert] = []
        for level in rule.levels ?? AlertRule.Level.allCases {
            let keys = level == .campaign ? "platform, account_id, campaign_id" : "platform"
            let rows = try await warehouse.query(SQLStatement("""
                SELECT \(keys), max(campaign_name) AS campaign_name, sum(spend_minor) AS spend_minor,
                    sum(conversion_value_minor) AS value_minor, sum(conversions) AS conversions
                FROM mart_campaign_performance
                WHERE date BETWEEN :from AND :to
                GROUP BY \(keys)
                ORDER BY \(keys)
                """, ["from": .text(start.description), "to": .text(end.description)]))
            for row in rows {
                if let finding = judge(rule, level: level, row: row, window: (start, end), today: today) { findings.append(finding) }
            }
        }
        return findings
    }

    private func judge(_ rule: AlertRule, level: AlertRule.Level, row: WarehouseRow, window: (start: BusinessDate, end: BusinessDate),
                       today: BusinessDate) -> RaisedAlert? {
        let spend = Double(row.int("spend_minor")) / minorPerMajor
        guard spend > 0, spend / Double(settings.windowDays) >= (rule.minSpend ?? 0) else { return nil }
        let platform = row.text("platform")
        let platformName = Platform(rawValue: platform)?.displayName ?? platform
        let campaignID = level == .campaign ? row.text("campaign_id") : nil
        let label = level == .campaign ? (row.optionalText("campaign_name") ?? campaignID ?? "") : platformName
        let value: Double
        let metric: String
        switch rule.kind {
        case .roasLow:
            value = Double(row.int("value_minor")) / minorPerMajor / spend
            guard value < rule.threshold else { return nil }
            metric = "roas"
        case .cpaHigh:
            guard let conversions = row.double("conversions"), conversions > 0 else { return nil }
            value = spend / conversions
            guard value > rule.threshold else { return nil }
            metric = "cpa"
        default:
            return nil
        }
        let ruleID = "\(rule.kind.rawValue).\(level.rawValue)"
        let subject = campaignID.map { "campaign:\(platform):\($0)" } ?? "platform:\(platform)"
        var filters = [("platform", platform)]
        if let campaignID { filters += [("account", row.text("account_id")), ("campaign", campaignID)] }
        let days = settings.windowDays
        let where_ = level == .campaign ? "\(label) (\(platformName))" : platformName
        let (title, description) = rule.kind == .roasLow
            ? ("ROAS \(Self.ratio(value)) below \(Self.ratio(rule.threshold)): \(label)",
               "\(where_) returned ROAS \(Self.ratio(value)) on \(Self.money(spend)) of spend over the \(days) days to \(window.end), below \(Self.ratio(rule.threshold)).")
            : ("CPA \(Self.money(value)) above \(Self.money(rule.threshold)): \(label)",
               "\(where_) paid \(Self.money(value)) per conversion over the \(days) days to \(window.end), above \(Self.money(rule.threshold)).")
        return RaisedAlert(
            id: AlertIdentity.id(rule: ruleID, subject: subject, date: window.end), type: rule.kind.rawValue, ruleID: ruleID,
            severity: severity(rule), metricName: metric, metricValue: value, thresholdValue: rule.threshold,
            businessDate: window.end, platform: platform, campaignID: campaignID, subjectKey: subject, subjectLabel: label,
            provisional: isProvisional(window.end, platform: platform, today: today), raisedCount: 1,
            linkPath: Self.link("/ads", from: window.start, to: window.end, filters), title: title, description: description)
    }

    /// `1.24`: two decimals, as the dashboard shows ROAS.
    static func ratio(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// `฿12,345`: whole units of the reporting currency, for a message (the figures themselves stay exact in the marts).
    static func money(_ value: Double) -> String {
        let whole = Int(value.rounded())
        let digits = String(abs(whole))
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (whole < 0 ? "-" : "") + "฿" + grouped
    }
}
