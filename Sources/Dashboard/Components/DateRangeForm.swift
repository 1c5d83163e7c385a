import OmnidashCore

/// The date-range control: one button per preset, and a custom from/to pair, with the chosen range and the
/// period it is compared with written out in words.
///
/// Two GET forms, so it works without script: a preset button submits only its own `preset`, and pressing
/// Enter in a date field submits the custom range rather than the first preset.
public struct DateRangeForm: HTMLComponent, Hashable {
    public var filters: DashboardFilters
    /// The page the forms submit to.
    public var action: SiteRoute
    public var language: Language

    public init(filters: DashboardFilters, action: SiteRoute, language: Language) {
        self.filters = filters
        self.action = action
        self.language = language
    }

    /// `1 Nov – 30 Nov 2026, compared with 2 Oct – 31 Oct 2026`; `1 พ.ย. – 30 พ.ย. 2569 เทียบกับ 2 ต.ค. – 31 ต.ค. 2569`.
    public var summary: String {
        language.text(.dateRangeSummary, ["range": Format.dateRange(filters.range, in: language),
                                          "comparison": Format.dateRange(filters.comparison, in: language)])
    }

    public var html: HTMLNode {
        .section(.class("date-range"), .ariaLabel(language.text(.dateRange))) {
            HTMLNode.p(.class("date-range-summary")) {
                language.markup(.dateRangeSummary, [
                    "range": .strong { Format.dateRange(filters.range, in: language) },
                    "comparison": .text(Format.dateRange(filters.comparison, in: language)),
                ])
            }
            HTMLNode.form(.class("presets"), .method("get"), .action(action)) {
                HTMLNode.fieldset {
                    HTMLNode.legend(.class("visually-hidden")) { language.text(.presetRanges) }
                    scope
                    for preset in DateRangePreset.allCases where preset != .custom {
                        presetButton(preset)
                    }
                }
            }
            HTMLNode.form(.class("custom-range"), .method("get"), .action(action)) {
                HTMLNode.fieldset {
                    HTMLNode.legend { language.text(DateRangePreset.custom.textKey) }
                    HTMLNode.input(.type("hidden"), .name("preset"), .value(DateRangePreset.custom.rawValue))
                    scope
                    HTMLNode.label {
                        language.text(.rangeFrom) + " "
                        HTMLNode.input(.type("date"), .name("from"), .value(filters.range.start.description), .required)
                    }
                    " "
                    HTMLNode.label {
                        language.text(.rangeTo) + " "
                        HTMLNode.input(.type("date"), .name("to"), .value(filters.range.end.description), .required)
                    }
                    " "
                    applyButton
                }
            }
        }
    }

    /// The marketplace, shop and product chosen, kept when only the dates change.
    private var scope: [HTMLNode] {
        filters.scopeQueryItems.map { name, value in HTMLNode.input(.type("hidden"), .name(name), .value(value)) }
    }

    private func presetButton(_ preset: DateRangePreset) -> HTMLNode {
        var attributes: [HTMLAttribute] = [.type("submit"), .name("preset"), .value(preset.rawValue)]
        if preset == filters.preset { attributes += [.class("is-current"), .aria("current", "true")] }
        return .element("button", attributes) { language.text(preset.textKey) }
    }

    private var applyButton: HTMLNode {
        var attributes: [HTMLAttribute] = [.type("submit")]
        if filters.preset == .custom { attributes += [.class("is-current"), .aria("current", "true")] }
        return .element("button", attributes) { language.text(.apply) }
    }
}
