/// `alerts`: the rules evaluated after every transform and on the schedule. Without the section the seed's three
/// (ROAS below 2, revenue down more than 20 %, CPA over ฿500) apply, with the stale-source, failed-sync and
/// expiring-token checks beside them.
///
/// ```yaml
/// alerts:
///   lookback_days: 30        # business days evaluated (restated days are re-judged)
///   window_days: 7           # ROAS and CPA are judged over this many days up to the latest one
///   provisional_days: 7      # a platform without its own restatement window restates this long
///   rules:
///     roas_low: {threshold: 2, min_spend: 1000, levels: [platform, campaign]}
///     revenue_drop: {threshold: 20}
///     cpa_high: {threshold: 500, min_spend: 1000, severity: warning}
///     source_stale: {threshold: 24}     # hours
///     sync_failed: {threshold: 2}       # consecutive failed runs
///     token_expiring: {threshold: 7}    # days
/// ```
public struct AlertSettings: Sendable, Codable, Equatable {
    /// `lookback_days`: default 30.
    public var lookbackDays: Int
    /// `window_days`: default 7.
    public var windowDays: Int
    /// `provisional_days`: default 7.
    public var provisionalDays: Int
    /// `rules`: one per kind, in `AlertRule.Kind.allCases` order.
    public var rules: [AlertRule]

    public init(lookbackDays: Int = 30, windowDays: Int = 7, provisionalDays: Int = 7,
                rules: [AlertRule] = AlertRule.Kind.allCases.map(AlertRule.defaults)) {
        self.lookbackDays = lookbackDays
        self.windowDays = windowDays
        self.provisionalDays = provisionalDays
        self.rules = rules
    }

    /// The rule of `kind` (its defaults when none is configured).
    public func rule(_ kind: AlertRule.Kind) -> AlertRule {
        rules.first { $0.kind == kind } ?? .defaults(kind)
    }

    enum CodingKeys: String, CodingKey {
        case lookbackDays = "lookback_days", windowDays = "window_days", provisionalDays = "provisional_days", rules
    }


    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = AlertSettings()
        lookbackDays = try c.decodeIfPresent(Int.self, forKey: .lookbackDays) ?? defaults.lookbackDays
        windowDays = try c.decodeIfPresent(Int.self, forKey: .windowDays) ?? defaults.windowDays
        provisionalDays = try c.decodeIfPresent(Int.self, forKey: .provisionalDays) ?? defaults.provisionalDays
        guard c.contains(.rules) else {
            rules = defaults.rules
            return
        }
        let section = try c.nestedContainer(keyedBy: NamedCodingKey.self, forKey: .rules)
        rules = try AlertRule.Kind.allCases.map { kind in
            try section.decodeIfPresent(AlertRule.self, forKey: NamedCodingKey(stringValue: kind.rawValue)) ?? .defaults(kind)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lookbackDays, forKey: .lookbackDays)
        try c.encode(windowDays, forKey: .windowDays)
        try c.encode(provisionalDays, forKey: .provisionalDays)
        var section = c.nestedContainer(keyedBy: NamedCodingKey.self, forKey: .rules)
        for rule in rules { try section.encode(rule, forKey: NamedCodingKey(stringValue: rule.kind.rawValue)) }
    }

    public func problems(at path: String) -> [String] {
        var problems: [String] = []
        if !(1...366).contains(lookbackDays) { problems.append("\(path).lookback_days: \(lookbackDays) must be 1…366") }
        if !(1...31).contains(windowDays) { problems.append("\(path).window_days: \(windowDays) must be 1…31") }
        if !(0...90).contains(provisionalDays) { problems.append("\(path).provisional_days: \(provisionalDays) must be 0…90") }
        for rule in rules { problems += rule.problems(at: "\(path).rules.\(rule.kind.rawValue)") }
        return problems
    }
}
