/// Which way a rule's figure gets worse, so an alert is raised again only when it does.
enum Worsening {
    /// Lower is worse (ROAS, a revenue change).
    case lower
    /// Higher is worse (CPA).
    case higher
    /// An operational state (stale, failing, an authorisation about to end) is raised once per episode and never again.
    case never

    init(type: String) {
        switch type {
        case "roas_low", "revenue_drop": self = .lower
        case "cpa_high": self = .higher
        default: self = .never
        }
    }

    /// Whether `new` is worse than `old` by more than rounding: restated figures wobble in the last digits.
    func isWorse(_ new: Double?, than old: Double?) -> Bool {
        guard let new else { return false }
        guard let old else { return self != .never }
        let margin = max(abs(old), 1) * 1e-9
        switch self {
        case .lower: return new < old - margin
        case .higher: return new > old + margin
        case .never: return false
        }
    }
}
