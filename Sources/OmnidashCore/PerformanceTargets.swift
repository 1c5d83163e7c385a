import Foundation

/// `targets`: what a campaign must return to be `good`, and where it turns `poor` (`mart_campaign_performance`'s
/// `performance_status`; the alerts use the same lines).
///
/// A campaign is `poor` below `min_roas` or above `max_cpa`; `good` at or above `roas` and, when `cpa` is set, at or
/// below it; `warning` between.
public struct PerformanceTargets: Sendable, Codable, Equatable {
    /// `roas`: the ROAS a campaign should reach. Default 3.
    public var roas: Double
    /// `min_roas`: below this a campaign is poor. Default 2, the seed plan's alert line.
    public var minROAS: Double
    /// `cpa`: the cost per conversion, in the reporting currency, a good campaign stays at or under; unset for none.
    /// Default 300.
    public var cpa: Double?
    /// `max_cpa`: above this a campaign is poor; unset for none. Default 500.
    public var maxCPA: Double?

    public init(roas: Double = 3, minROAS: Double = 2, cpa: Double? = 300, maxCPA: Double? = 500) {
        self.roas = roas
        self.minROAS = minROAS
        self.cpa = cpa
        self.maxCPA = maxCPA
    }

    enum CodingKeys: String, CodingKey {
        case roas, minROAS = "min_roas", cpa, maxCPA = "max_cpa"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = PerformanceTargets()
        roas = try c.decodeIfPresent(Double.self, forKey: .roas) ?? defaults.roas
        minROAS = try c.decodeIfPresent(Double.self, forKey: .minROAS) ?? defaults.minROAS
        cpa = c.contains(.cpa) ? try c.decodeIfPresent(Double.self, forKey: .cpa) : defaults.cpa
        maxCPA = c.contains(.maxCPA) ? try c.decodeIfPresent(Double.self, forKey: .maxCPA) : defaults.maxCPA
    }

    public func problems(at path: String) -> [String] {
        var problems: [String] = []
        if !(minROAS >= 0) { problems.append("\(path).min_roas: \(minROAS) must be 0 or more") }
        if !(roas >= minROAS) { problems.append("\(path).roas: \(roas) must be at least min_roas (\(minROAS))") }
        if let cpa, !(cpa > 0) { problems.append("\(path).cpa: \(cpa) must be more than 0; leave it out for no target") }
        if let maxCPA, !(maxCPA > 0) { problems.append("\(path).max_cpa: \(maxCPA) must be more than 0; leave it out for none") }
        if let cpa, let maxCPA, cpa > maxCPA { problems.append("\(path).cpa: \(cpa) must not exceed max_cpa (\(maxCPA))") }
        return problems
    }
}
