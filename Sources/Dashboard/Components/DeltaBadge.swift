/// A relative change against the comparison period (`▲ +12.3 %`), coloured by whether the rise is good news.
public struct DeltaBadge: HTMLComponent, Hashable {
    /// Whether a rise in the figure is good news.
    public enum Polarity: String, Sendable, Hashable, Codable {
        /// Revenue, orders, ROAS: up is good.
        case higherIsBetter
        /// CPA, cost per click: up is bad.
        case lowerIsBetter
        /// Ad spend: up is neither (it depends on what it bought), so the badge stays grey.
        case neutral

        public init(higherIsBetter: Bool) {
            self = higherIsBetter ? .higherIsBetter : .lowerIsBetter
        }
    }

    /// The colour the badge takes; also its CSS class (`delta-good`).
    public enum Tone: String, Sendable, Hashable {
        case good, bad, neutral
    }

    /// Relative change (0.123 is +12.3 %); `nil` when there is nothing to compare with.
    public var change: Double?
    public var polarity: Polarity
    /// The language of the sentence in the tooltip.
    public var language: Language

    public init(change: Double?, polarity: Polarity, language: Language) {
        self.change = change
        self.polarity = polarity
        self.language = language
    }

    /// Good when the figure moved the way `polarity` wants, bad when the other way, neutral when there is no
    /// change to speak of (`nil`, not finite, or showing as `0.0 %`) or the polarity is neutral.
    public var tone: Tone {
        guard let change, change.isFinite, !Format.isZeroDelta(change) else { return .neutral }
        switch polarity {
        case .higherIsBetter: return change > 0 ? .good : .bad
        case .lowerIsBetter: return change < 0 ? .good : .bad
        case .neutral: return .neutral
        }
    }

    /// The change in words, for screen readers and tooltips: `up 12.3 % vs previous period`,
    /// `เพิ่มขึ้น 12.3 % จากช่วงก่อนหน้า`.
    public var sentence: String {
        guard let change, change.isFinite else { return language.text(.deltaNoComparison) }
        if Format.isZeroDelta(change) { return language.text(.deltaUnchanged) }
        let magnitude = String(Format.delta(abs(change)).dropFirst())  // drop the "+"
        return language.text(change > 0 ? .deltaUp : .deltaDown, ["change": magnitude])
    }

    public var html: HTMLNode {
        .span(.class("delta", "delta-\(tone.rawValue)"), .title(sentence)) {
            if let arrow {
                HTMLNode.span(.class("delta-arrow"), .ariaHidden()) { arrow }
            }
            Format.delta(change)
        }
    }

    private var arrow: String? {
        guard let change, change.isFinite, !Format.isZeroDelta(change) else { return nil }
        return change > 0 ? "▲" : "▼"
    }
}
