/// A figure as the dashboard shows it: the kind decides the formatting (`฿1,234.50`, `1,234`, `3.42×`, `1.23 %`).
public enum Measure: Sendable, Hashable, Codable {
    /// Money in minor units of the reporting currency (satang).
    case money(minor: Int64)
    case count(Int64)
    /// A multiple such as ROAS (3.42 means 3.42×).
    case multiple(Double)
    /// A fraction shown as a percentage (0.0123 is 1.23 %).
    case percent(Double)
    /// Money in major units that is an average (AOV, CPA), not a sum; shown like money.
    case averageMoney(Double)

    /// The plain number, for charts and JSON.
    public var number: Double {
        switch self {
        case .money(let minor): Double(minor) / 100
        case .count(let value): Double(value)
        case .multiple(let value), .percent(let value), .averageMoney(let value): value
        }
    }
}

/// One KPI card: a figure for the chosen period, the same figure for the comparison period, and the change.
public struct KPIValue: Sendable, Hashable, Codable {
    /// Stable key used in CSV and JSON (`revenue`, `roas`).
    public var key: String
    /// The card's label, translated when the page is rendered (the model is the same for every language).
    public var label: TextKey
    /// `nil` when the figure has no value (a ratio over zero), shown as "–".
    public var current: Measure?
    public var previous: Measure?
    /// Relative change against the comparison period (0.25 is +25 %); `nil` when there is nothing to compare.
    public var change: Double?
    /// Whether a rise is good news (revenue), bad news (CPA) or neither (ad spend): decides the delta's colour.
    public var polarity: DeltaBadge.Polarity

    public init(key: String, label: TextKey, current: Measure?, previous: Measure?, change: Double?,
                polarity: DeltaBadge.Polarity = .higherIsBetter) {
        self.key = key
        self.label = label
        self.current = current
        self.previous = previous
        self.change = change
        self.polarity = polarity
    }
}
