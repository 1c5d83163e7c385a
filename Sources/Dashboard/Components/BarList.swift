/// Shares of a total as horizontal bars: each item's label, amount, share of the total, and change against
/// the previous period (revenue by marketplace, spend by ad platform).
///
/// Bars are SVG rectangles sized by attributes, since the content-security policy forbids inline styles.
public struct BarList: HTMLComponent, Hashable {
    /// One bar.
    public struct Item: Sendable, Hashable {
        public var label: String
        /// Minor units for `.money` lists, the count itself for `.count` ones.
        public var valueMinor: Int64
        /// Relative change against the comparison period; `nil` when there is nothing to compare with.
        public var change: Double?

        public init(label: String, valueMinor: Int64, change: Double?) {
            self.label = label
            self.valueMinor = valueMinor
            self.change = change
        }
    }

    /// How a bar's amount reads: money in minor units, or a count (units sold).
    public enum Kind: Sendable, Hashable {
        case money
        case count
    }

    public var items: [Item]
    public var kind: Kind
    /// How the change badges are coloured: revenue up is good; spend up is neutral.
    public var polarity: DeltaBadge.Polarity
    /// What to say instead of bars when there are no items (`No marketplace revenue in this period.`), already in
    /// `language`.
    public var emptyText: String
    public var language: Language

    public init(items: [Item], kind: Kind = .money, polarity: DeltaBadge.Polarity, emptyText: String, language: Language) {
        self.items = items
        self.kind = kind
        self.polarity = polarity
        self.emptyText = emptyText
        self.language = language
    }

    /// The sum the shares are taken of; negative amounts (net refunds) count as no share.
    public var total: Int64 { items.reduce(0) { $0 + max($1.valueMinor, 0) } }

    /// `item`'s share of `total` (0.625 is 62.5 %), or `nil` when the total is zero.
    public func share(of item: Item) -> Double? {
        let total = total
        return total > 0 ? Double(max(item.valueMinor, 0)) / Double(total) : nil
    }

    public var html: HTMLNode {
        if items.isEmpty {
            return .p(.class("empty-note")) { emptyText }
        }
        return .ul(.class("bar-list")) {
            for item in items {
                let share = share(of: item)
                HTMLNode.li(.class("bar-item")) {
                    HTMLNode.div(.class("bar-row")) {
                        HTMLNode.span(.class("bar-label")) { item.label }
                        " "
                        HTMLNode.span(.class("bar-value")) {
                            kind == .money ? Format.money(minor: item.valueMinor) : Format.integer(item.valueMinor)
                        }
                    }
                    HTMLNode.svg(.class("bar-meter"), .viewBox(width: 100, height: 8), .preserveAspectRatio("none"),
                                 .ariaHidden()) {
                        HTMLNode.rect(.class("bar-track"), .x(0), .y(0), .width(100), .height(8))
                        HTMLNode.rect(.class("bar-fill"), .x(0), .y(0), .width((share ?? 0) * 100), .height(8))
                    }
                    HTMLNode.div(.class("bar-row", "bar-meta")) {
                        HTMLNode.span(.class("bar-share")) { language.text(.shareOfTotal, ["share": Format.percent(share)]) }
                        " "
                        DeltaBadge(change: item.change, polarity: polarity, language: language)
                    }
                }
            }
        }
    }
}
