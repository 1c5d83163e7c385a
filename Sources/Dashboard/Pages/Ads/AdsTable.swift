import OmnidashCore

/// The figure columns every ads table shares, in one order, and how their cells read: a figure a platform does not
/// report shows "–" with a hint saying so, never 0.
enum AdsTable {
    static let figureColumns: [TextKey] = [
        .adSpend, .impressions, .clicks, .ctr, .cpc, .cpm, .conversions, .cpa, .conversionValue, .platformROAS, .videoViews, .engagement,
    ]

    /// The cells of `figureColumns`; `platform` names who did not report a missing figure (`nil` on a totals row).
    static func figureCells(_ figures: AdFigures, platform: Platform?, language: Language) -> [DataTable.Cell] {
        let hint = platform.map { language.text(.notReported, ["platform": $0.displayName]) }
        func reported(_ value: Int64?) -> DataTable.Cell {
            guard let value else { return DataTable.Cell(Format.integer(nil), sortValue: nil, hint: hint) }
            return .count(value)
        }
        return [
            .money(minor: figures.spendMinor), .count(figures.impressions), .count(figures.clicks),
            .measure(figures.ctr.map(Measure.percent)), .measure(figures.cpc.map(Measure.averageMoney)),
            .measure(figures.cpm.map(Measure.averageMoney)), .count(figures.conversions),
            .measure(figures.cpa.map(Measure.averageMoney)), .money(minor: figures.conversionValueMinor),
            .measure(figures.roas.map(Measure.multiple)), reported(figures.videoViews), reported(figures.engagement),
        ]
    }

    /// The campaign status in words, sortable poor first.
    static func status(_ status: String?, language: Language) -> DataTable.Cell {
        let (key, rank): (TextKey?, String?) = switch status {
        case "good": (.statusGood, "3")
        case "warning": (.statusWarning, "2")
        case "poor": (.statusPoor, "1")
        default: (nil, nil)
        }
        return DataTable.Cell(key.map { language.text($0) } ?? "–", sortValue: rank, hint: language.text(.statusBySpend))
    }

    static func change(_ value: Double?) -> DataTable.Cell {
        DataTable.Cell(Format.delta(value), sortValue: value.map { String($0) })
    }
}
