/// One KPI card: the figure for the period, the change as a coloured badge, and the previous period's figure.
///
/// The whole card carries one sentence (`Revenue ฿1,234.50, up 12.3 % vs previous period (฿1,099.00)`) as its
/// accessible name and tooltip, so a screen reader does not have to piece it together from the parts.
public struct KPICard: HTMLComponent, Hashable {
    public var kpi: KPIValue
    public var language: Language

    public init(_ kpi: KPIValue, language: Language) {
        self.kpi = kpi
        self.language = language
    }

    /// The badge's colour, from the KPI's polarity; neutral with no change.
    public var tone: DeltaBadge.Tone { badge.tone }

    /// The card in one sentence.
    public var accessibleText: String {
        var arguments = ["label": language.text(kpi.label), "value": Format.measure(kpi.current), "change": badge.sentence]
        guard let previous = kpi.previous else { return language.text(.kpiSummary, arguments) }
        arguments["previous"] = Format.measure(previous)
        return language.text(.kpiSummaryWithPrevious, arguments)
    }

    public var html: HTMLNode {
        .article(.class("kpi", "kpi-\(tone.rawValue)"), .data("kpi", kpi.key), .aria("label", accessibleText),
                 .title(accessibleText)) {
            HTMLNode.h3(.class("kpi-label")) { language.text(kpi.label) }
            HTMLNode.p(.class("kpi-value")) { Format.measure(kpi.current) }
            HTMLNode.p(.class("kpi-comparison")) {
                badge
                " "
                HTMLNode.span(.class("kpi-previous")) { language.text(.versusPrevious, ["value": Format.measure(kpi.previous)]) }
            }
        }
    }

    private var badge: DeltaBadge {
        DeltaBadge(change: kpi.change, polarity: kpi.polarity, language: language)
    }
}
