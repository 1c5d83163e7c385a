import OmnidashCore

extension ExecutiveOverview {
    /// The page's nine KPIs in the order it shows them: the one place their labels and polarity are written.
    public enum KPI: String, CaseIterable, Sendable {
        case revenue, orders, units, aov, adSpend = "ad_spend", roas, cpa, ctr, cvr

        public var label: TextKey {
            switch self {
            case .revenue: .revenue
            case .orders: .orders
            case .units: .units
            case .aov: .aov
            case .adSpend: .adSpend
            case .roas: .roas
            case .cpa: .cpa
            case .ctr: .ctr
            case .cvr: .cvr
            }
        }

        /// Ad spend is neither good nor bad news; a rising CPA is bad news.
        public var polarity: DeltaBadge.Polarity {
            switch self {
            case .adSpend: .neutral
            case .cpa: .lowerIsBetter
            default: .higherIsBetter
            }
        }

        /// The KPI's value for the period and its comparison period.
        public func value(_ current: Measure?, _ previous: Measure?) -> KPIValue {
            KPIValue(key: rawValue, label: label, current: current, previous: previous,
                     change: Metrics.change(current?.number, from: previous?.number), polarity: polarity)
        }
    }
}
