/// A closed range of business dates, as chosen on the dashboard or passed to `sync` and `transform`.
public struct DateRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public let start: BusinessDate
    public let end: BusinessDate

    /// - Precondition: `start <= end`.
    public init(start: BusinessDate, end: BusinessDate) {
        precondition(start <= end, "date range \(start)…\(end) ends before it starts")
        self.start = start
        self.end = end
    }

    public var dayCount: Int { start.distance(to: end) + 1 }
    public var days: [BusinessDate] { Array(start...end) }

    public func contains(_ date: BusinessDate) -> Bool { start <= date && date <= end }

    /// The period of equal length that ends the day before this one starts: the comparison period.
    public var previousPeriod: DateRange {
        DateRange(start: start.adding(days: -dayCount), end: start.adding(days: -1))
    }

    public var description: String { start == end ? "\(start)" : "\(start)…\(end)" }
}

/// The date-range presets offered on every dashboard page.
public enum DateRangePreset: String, CaseIterable, Sendable, Codable {
    case yesterday
    case last7Days = "last_7_days"
    case last30Days = "last_30_days"
    case thisMonth = "this_month"
    case lastMonth = "last_month"
    case custom

    public var label: String {
        switch self {
        case .yesterday: "Yesterday"
        case .last7Days: "Last 7 days"
        case .last30Days: "Last 30 days"
        case .thisMonth: "This month"
        case .lastMonth: "Last month"
        case .custom: "Custom"
        }
    }

    /// The range this preset names when today is `today`; `nil` for `.custom`.
    ///
    /// Ranges end yesterday (the last complete day) except `thisMonth`, which runs from the first of the
    /// month to yesterday, or is just today's date on the first of a month.
    public func range(today: BusinessDate) -> DateRange? {
        let yesterday = today.adding(days: -1)
        switch self {
        case .yesterday: return DateRange(start: yesterday, end: yesterday)
        case .last7Days: return DateRange(start: today.adding(days: -7), end: yesterday)
        case .last30Days: return DateRange(start: today.adding(days: -30), end: yesterday)
        case .thisMonth:
            let first = today.startOfMonth
            return DateRange(start: first, end: max(first, yesterday))
        case .lastMonth:
            let first = today.startOfMonth.adding(months: -1)
            return DateRange(start: first, end: first.endOfMonth)
        case .custom: return nil
        }
    }
}
