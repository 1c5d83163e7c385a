import Foundation
import OmnidashCore

/// How every page writes its figures in CSV and JSON, so the exports of all pages read alike: money as exact decimal
/// text in major units (JSON readers parse numbers into Double, which cannot hold 0.10), counts as integers, ratios
/// as plain decimals, and an empty cell or `null` for a ratio over zero.
public enum PageExport {
    /// One figure in the JSON, `null` included: money as the CSV's decimal text, counts as integers, ratios as
    /// numbers.
    public enum Value: Encodable, Equatable, Sendable {
        case text(String), integer(Int64), number(Double), null
        indirect case object([String: Value])
        indirect case array([Value])

        public init(_ measure: Measure?) {
            switch measure {
            case .none: self = .null
            case .money(let minor): self = .text(money(minor))
            case .averageMoney(let value): self = Value(averageMoney: value)
            case .count(let value): self = .integer(value)
            case .multiple(let value), .percent(let value): self = Value(ratio: value)
            }
        }

        /// An average amount (AOV, CPA) as the CSV writes it; `null` for an average over nothing.
        public init(averageMoney value: Double?) {
            self = value.flatMap { $0.isFinite ? .text(ratio($0)) : nil } ?? .null
        }

        /// `null` for a ratio over zero; a non-finite number is not valid JSON either.
        public init(ratio value: Double?) {
            self = value.flatMap { $0.isFinite ? .number($0) : nil } ?? .null
        }

        public init(text: String?) {
            self = text.map(Value.text) ?? .null
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let value): try container.encode(value)
            case .integer(let value): try container.encode(value)
            case .number(let value): try container.encode(value)
            case .null: try container.encodeNil()
            case .object(let members): try container.encode(members)
            case .array(let elements): try container.encode(elements)
            }
        }
    }

    public static func money(_ minor: Int64) -> String { Money.format(minorUnits: minor, digits: 2) }

    public static func measure(_ measure: Measure?) -> String {
        switch measure {
        case .none: ""
        case .money(let minor): money(minor)
        case .count(let value): String(value)
        case .multiple(let value), .percent(let value), .averageMoney(let value): ratio(value)
        }
    }

    public static func ratio(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return String(format: "%.6f", value).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"\.$"#, with: "", options: .regularExpression)
    }

    /// A CSV cell, quoted when it holds a comma, a quote or a line break.
    public static func csvField(_ value: String) -> String {
        value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    /// The page's "Download CSV" and "JSON" links, for what the page shows. The files themselves are the same in
    /// every language; only the links' text is translated.
    public static func links(_ page: PageID, _ filters: DashboardFilters, language: Language) -> HTMLNode {
        .p(.class("exports")) {
            HTMLNode.a(.href(.page(page, .csv, filters)), .download) { language.text(.downloadCSV) }
            " "
            HTMLNode.a(.href(.page(page, .json, filters))) { language.text(.jsonLink) }
        }
    }

    /// A page's JSON: the currency, the dates and scope shown, every KPI with its previous value and change, then
    /// the page's own sections.
    public static func document(_ filters: DashboardFilters, currency: Currency, kpis: [KPIValue],
                                sections: [String: Value]) throws -> Data {
        let period = { (range: DateRange) in Value.object(["from": .text(range.start.description), "to": .text(range.end.description)]) }
        var members: [String: Value] = [
            "currency": .text(currency.code), "preset": .text(filters.preset.rawValue),
            "range": period(filters.range), "comparison": period(filters.comparison),
            "scope": .object(["platform": Value(text: filters.platform?.rawValue), "shop_id": Value(text: filters.shopID),
                              "sku": Value(text: filters.sku), "account_id": Value(text: filters.accountID),
                              "campaign_id": Value(text: filters.campaignID), "adset_id": Value(text: filters.adSetID)]),
            "kpis": .object(Dictionary(uniqueKeysWithValues: kpis.map {
                ($0.key, Value.object(["current": Value($0.current), "previous": Value($0.previous), "change": Value(ratio: $0.change)]))
            })),
        ]
        members.merge(sections) { _, new in new }
        // A viewer's JSON has no cost, fee, profit or margin key at all, KPIs included.
        if CostFigures.hidden, case .object(let stripped) = CostFigures.strip(.object(members)) { members = stripped }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Value.object(members))
    }
}
