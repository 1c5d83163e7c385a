import Foundation
import OmnidashCore

/// The words of alert messages in Thai and English, and how an alert becomes a message in one of them.
public struct AlertMessageTexts: Sendable {
    public let language: NotificationSettings.Language

    public init(_ language: NotificationSettings.Language) {
        self.language = language
    }

    /// `alert` as a message whose link is `linkBaseURL` (the dashboard's public address) followed by the alert's page.
    public func message(for alert: RaisedAlert, linkBaseURL: String) -> AlertMessage {
        let headline = headline(alert)
        let title = "\(severity(alert.severity)): \(headline)"
        var lines = [pick(en: "About", th: "เกี่ยวกับ") + ": " + alert.subjectLabel]
        let metric = metricLabel(alert.metricName)
        if let value = alert.metricValue {
            var line = pick(en: "Value", th: "ค่า") + ": \(metric) \(formatted(value, metric: alert.metricName))"
            if let threshold = alert.thresholdValue {
                line += pick(en: ", threshold ", th: " เกณฑ์ ") + formatted(threshold, metric: alert.metricName)
            }
            lines.append(line)
        }
        if let comparison = alert.comparisonValue {
            // A change's comparison is the change against the same weekday last week; anything else is the figure compared.
            let label = alert.metricName.hasSuffix("_change")
                ? pick(en: "Against the same weekday last week", th: "เทียบกับวันเดียวกันของสัปดาห์ก่อน")
                : pick(en: "Compared with", th: "เทียบกับ")
            lines.append(label + ": " + formatted(comparison, metric: alert.metricName))
        }
        if let date = alert.businessDate {
            lines.append(pick(en: "Date", th: "วันที่") + ": \(date)")
        }
        if alert.provisional {
            lines.append(pick(en: "Provisional: the platform may still restate this day's figures.",
                              th: "ตัวเลขเบื้องต้น: แพลตฟอร์มอาจยังปรับตัวเลขของวันนี้"))
        }
        if alert.raisedCount > 1 {
            lines.append(pick(en: "Worse than before (raised \(alert.raisedCount) times)",
                              th: "แย่ลงกว่าเดิม (แจ้งเตือนครั้งที่ \(alert.raisedCount))"))
        }
        let dateSuffix = alert.businessDate.map { " (\($0))" } ?? ""
        return AlertMessage(
            title: title,
            subject: "[Omnidash] \(title) – \(alert.subjectLabel)\(dateSuffix)",
            lines: lines,
            linkLabel: pick(en: "Details", th: "ดูรายละเอียด"),
            link: Self.absoluteLink(base: linkBaseURL, path: alert.linkPath))
    }

    /// `base` without its trailing slash, then `path` with a leading one.
    static func absoluteLink(base: String, path: String) -> String {
        let trimmedBase = base.hasSuffix("/") ? String(base.dropLast()) : base
        if path.hasPrefix("http://") || path.hasPrefix("https://") { return path }
        return trimmedBase + (path.hasPrefix("/") ? path : "/" + path)
    }

    private func pick(en: String, th: String) -> String { language == .th ? th : en }

    private func severity(_ severity: RaisedAlert.Severity) -> String {
        switch severity {
        case .critical: pick(en: "Critical", th: "วิกฤต")
        case .warning: pick(en: "Warning", th: "เตือน")
        }
    }

    /// The kind of alert in a few words; a kind this list does not know keeps the English title it was raised with.
    private func headline(_ alert: RaisedAlert) -> String {
        switch alert.type {
        case "roas_low": pick(en: "ROAS below target", th: "ROAS ต่ำกว่าเป้า")
        case "revenue_drop": pick(en: "Revenue dropped", th: "รายได้ลดลง")
        case "cpa_high": pick(en: "CPA above target", th: "CPA สูงกว่าเป้า")
        case "budget_exhausted": pick(en: "Budget used up early", th: "งบโฆษณาหมดก่อนเวลา")
        case "source_stale": pick(en: "Data is out of date", th: "ข้อมูลไม่อัปเดต")
        case "sync_failed": pick(en: "Sync failed", th: "ดึงข้อมูลไม่สำเร็จ")
        case "token_expiring": pick(en: "Authorization ends soon", th: "สิทธิ์การเชื่อมต่อใกล้สิ้นสุด")
        default: alert.title
        }
    }

    private func metricLabel(_ name: String) -> String {
        switch name {
        case "roas": "ROAS"
        case "cpa": "CPA"
        case "revenue_change": pick(en: "revenue against the day before", th: "รายได้เทียบกับวันก่อนหน้า")
        case "spend", "budget_spent": pick(en: "spend", th: "ยอดใช้จ่าย")
        case "hours_since_sync": pick(en: "hours since the last sync", th: "ชั่วโมงนับจากการดึงข้อมูลครั้งล่าสุด")
        case "failed_runs": pick(en: "failed runs in a row", th: "ครั้งที่ดึงข้อมูลไม่สำเร็จติดกัน")
        case "days_to_expiry", "days_left": pick(en: "days left", th: "วันที่เหลือ")
        default: name
        }
    }

    /// Changes are ratios shown as percentages; counts as integers; the rest with two decimals.
    private func formatted(_ value: Double, metric: String) -> String {
        if metric.hasSuffix("_change") || metric.hasSuffix("_drop") || metric.hasSuffix("_ratio") {
            return Self.grouped(value * 100, decimals: 1) + " %"
        }
        if metric.hasPrefix("days") || metric.hasPrefix("failed") || metric.hasSuffix("_days") {
            return Self.grouped(value, decimals: 0)
        }
        if metric.hasPrefix("hours") { return Self.grouped(value, decimals: 1) }
        return Self.grouped(value, decimals: 2)
    }

    /// `12,345.68`: digits grouped in threes, as both Thai and English readers write them.
    static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        let sign = value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }
}
