/// One alert rule under `alerts.rules`: its id is its key (`roas_low`, `revenue_drop`, `cpa_high`, `source_stale`,
/// `sync_failed`, `token_expiring`), and what `threshold` measures depends on it (see `Kind`).
///
/// A rule reads only the keys that mean something for its kind, so `min_spend` under `source_stale` is reported as
/// an unknown key rather than silently ignored.
public struct AlertRule: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// ROAS over the trailing window below `threshold`.
        case roasLow = "roas_low"
        /// Revenue down by more than `threshold` percent against both the previous day and the same weekday last week.
        case revenueDrop = "revenue_drop"
        /// Cost per conversion over the trailing window above `threshold`, in the reporting currency.
        case cpaHigh = "cpa_high"
        /// No successful sync of a source's account for `threshold` hours.
        case sourceStale = "source_stale"
        /// A stream's last `threshold` runs all failed.
        case syncFailed = "sync_failed"
        /// A stored token expires within `threshold` days.
        case tokenExpiring = "token_expiring"

        /// What the rule's figures are judged at.
        var usesSpendAndLevels: Bool { self == .roasLow || self == .cpaHigh }
    }

    /// What a spend rule is judged per: the whole of an ad platform, or each campaign.
    public enum Level: String, Sendable, Codable, CaseIterable {
        case platform, campaign
    }

    public var kind: Kind
    /// `enabled`: default true.
    public var enabled: Bool
    /// `severity`: `warning` or `critical`.
    public var severity: String
    /// `threshold`: the line the figure crosses (see `Kind` for its unit).
    public var threshold: Double
    /// `min_spend`: for ROAS and CPA, the average daily spend over the window (reporting currency) below which a
    /// subject is not judged, so a ฿50 campaign pages no one.
    public var minSpend: Double?
    /// `levels`: for ROAS and CPA, `platform`, `campaign` or both.
    public var levels: [Level]?

    public init(kind: Kind, enabled: Bool = true, severity: String, threshold: Double, minSpend: Double? = nil,
                levels: [Level]? = nil) {
        self.kind = kind
        self.enabled = enabled
        self.severity = severity
        self.threshold = threshold
        self.minSpend = minSpend
        self.levels = levels
    }

    /// The seed's rules and the additions, as they apply when `alerts` does not mention them.
    public static func defaults(_ kind: Kind) -> AlertRule {
        switch kind {
        case .roasLow: AlertRule(kind: kind, severity: "warning", threshold: 2, minSpend: 1_000, levels: [.platform, .campaign])
        case .revenueDrop: AlertRule(kind: kind, severity: "critical", threshold: 20)
        case .cpaHigh: AlertRule(kind: kind, severity: "warning", threshold: 500, minSpend: 1_000, levels: [.platform, .campaign])
        case .sourceStale: AlertRule(kind: kind, severity: "warning", threshold: 24)
        case .syncFailed: AlertRule(kind: kind, severity: "critical", threshold: 2)
        case .tokenExpiring: AlertRule(kind: kind, severity: "warning", threshold: 7)
        }
    }

    enum CodingKeys: String, CodingKey {
        case enabled, severity, threshold, minSpend = "min_spend", levels
    }

    /// Decodes from the section named by its key; the key says which rule this is.
    public init(from decoder: any Decoder) throws {
        guard let key = decoder.codingPath.last?.stringValue, let kind = Kind(rawValue: key) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an alert rule"))
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var rule = AlertRule.defaults(kind)
        rule.enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? rule.enabled
        rule.severity = try c.decodeIfPresent(String.self, forKey: .severity) ?? rule.severity
        rule.threshold = try c.decodeIfPresent(Double.self, forKey: .threshold) ?? rule.threshold
        if kind.usesSpendAndLevels {
            rule.minSpend = try c.decodeIfPresent(Double.self, forKey: .minSpend) ?? rule.minSpend
            rule.levels = try c.decodeIfPresent([Level].self, forKey: .levels) ?? rule.levels
        }
        self = rule
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(enabled, forKey: .enabled)
        try c.encode(severity, forKey: .severity)
        try c.encode(threshold, forKey: .threshold)
        try c.encodeIfPresent(minSpend, forKey: .minSpend)
        try c.encodeIfPresent(levels, forKey: .levels)
    }

    public func problems(at path: String) -> [String] {
        var problems: [String] = []
        if !["warning", "critical"].contains(severity) {
            problems.append("\(path).severity: '\(severity)' is not warning or critical")
        }
        switch kind {
        case .roasLow, .cpaHigh:
            if !(threshold > 0) { problems.append("\(path).threshold: \(threshold) must be more than 0") }
        case .revenueDrop:
            if !(threshold > 0 && threshold < 100) { problems.append("\(path).threshold: \(threshold) must be a percentage between 0 and 100") }
        case .sourceStale, .syncFailed, .tokenExpiring:
            if !(threshold >= 1) || threshold != threshold.rounded() {
                problems.append("\(path).threshold: \(threshold) must be a whole number, 1 or more")
            }
        }
        if let minSpend, !(minSpend >= 0) { problems.append("\(path).min_spend: \(minSpend) must be 0 or more") }
        if let levels, levels.isEmpty { problems.append("\(path).levels: list platform, campaign or both") }
        return problems
    }
}
