/// One KPI card: the figure for the period, the change as a coloured badge, and the previous period's figure.
///
/// The whole card carries one sentence (`Revenue ฿1,234.50, up 12.3 % vs previous period (฿1,099.00)`) as its
/// accessible name and tooltip, so a screen reader does not have to piece it together from the parts.
public struct KPICard: HTMLComponent, Hashable {
    public var kpi: KPIValue

    public init(_ kpi: KPIValue) {
        self.kpi = kpi
    }

    /// The badge's colour, from the KPI's polarity; neutral with no change.
    public var tone: DeltaBadge.Tone { badge.tone }

    /// The card in one sentence.
    public var accessibleText: String {
        let previous = kpi.previous.map { " (" + Format.measure($0) + ")" } ?? ""
        return "\(kpi.label) \(Format.measure(kpi.current)), \(badge.sentence)\(previous)"
    }

    public var html: HTMLNode {
        .article(.class("kpi", "kpi-\(tone.rawValue)"), .data("kpi", kpi.key), .aria("label", accessibleText),
                 .title(accessibleText)) {
            HTMLNode.h3(.class("kpi-label")) { kpi.label }
            HTMLNode.p(.class("kpi-value")) { Format.measure(kpi.current) }
            HTMLNode.p(.class("kpi-comparison")) {
                badge
                " "
                HTMLNode.span(.class("kpi-previous")) { "vs " + Format.measure(kpi.previous) }
            }
        }
    }

    private var badge: DeltaBadge {
        DeltaBadge(change: kpi.change, polarity: kpi.polarity)
    }
}
