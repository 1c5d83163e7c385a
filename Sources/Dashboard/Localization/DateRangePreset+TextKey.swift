import OmnidashCore

extension DateRangePreset {
    /// The preset's name on the date-range buttons. `DateRangePreset.label` in Core stays the English name the
    /// command line uses; the dashboard's pages name presets through the translation table.
    public var textKey: TextKey {
        switch self {
        case .yesterday: .presetYesterday
        case .last7Days: .presetLast7Days
        case .last30Days: .presetLast30Days
        case .thisMonth: .presetThisMonth
        case .lastMonth: .presetLastMonth
        case .custom: .presetCustom
        }
    }
}
