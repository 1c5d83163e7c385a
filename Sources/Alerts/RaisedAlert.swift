import Foundation
import OmnidashCore

/// An alert that an evaluation raised for the first time or raised again because it got worse: what the notifiers
/// deliver. It mirrors a row of `mart_simple_alerts`; evaluation (`Alerts/Evaluation`) makes it, delivery
/// (`Alerts/Delivery`) renders it in the reader's language and sends it.
public struct RaisedAlert: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
        case warning, critical

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .critical }
    }

    /// `mart_simple_alerts.alert_id`: one per (rule, subject, business date).
    public var id: String
    /// The kind of check (`roas_low`, `revenue_drop`, `cpa_high`, `budget_exhausted`, `source_stale`, `sync_failed`,
    /// `token_expiring`).
    public var type: String
    /// The configured rule that raised it (several rules may share a type, e.g. ROAS per platform and per campaign).
    public var ruleID: String
    public var severity: Severity
    /// What the figure is (`roas`, `revenue_change`, `cpa`, …), its value and the line it crossed.
    public var metricName: String
    public var metricValue: Double?
    public var thresholdValue: Double?
    /// What the value was compared with, when it is a change (the previous day's revenue, say).
    public var comparisonValue: Double?
    /// The business day the alert is about.
    public var businessDate: BusinessDate?
    public var platform: String?
    public var campaignID: String?
    /// A stable key of what the alert is about (`campaign:<platform>:<campaign id>`, `total`, `source:<source>:<account id>`).
    public var subjectKey: String
    /// The subject as a reader knows it (the campaign's name, the shop's, the platform's).
    public var subjectLabel: String
    /// The day is still inside a platform's restatement window: the figure may yet change.
    public var provisional: Bool
    /// 1 when first raised, then one more each time it got worse.
    public var raisedCount: Int
    /// The dashboard page that explains it, path and query (`/ads?preset=last_7_days`).
    public var linkPath: String
    /// The English title and description stored in the mart's seed columns.
    public var title: String
    public var description: String

    public init(id: String, type: String, ruleID: String, severity: Severity, metricName: String, metricValue: Double?,
                thresholdValue: Double?, comparisonValue: Double? = nil, businessDate: BusinessDate?, platform: String?,
                campaignID: String?, subjectKey: String, subjectLabel: String, provisional: Bool, raisedCount: Int,
                linkPath: String, title: String, description: String) {
        self.id = id
        self.type = type
        self.ruleID = ruleID
        self.severity = severity
        self.metricName = metricName
        self.metricValue = metricValue
        self.thresholdValue = thresholdValue
        self.comparisonValue = comparisonValue
        self.businessDate = businessDate
        self.platform = platform
        self.campaignID = campaignID
        self.subjectKey = subjectKey
        self.subjectLabel = subjectLabel
        self.provisional = provisional
        self.raisedCount = raisedCount
        self.linkPath = linkPath
        self.title = title
        self.description = description
    }
}
