import Foundation
import OmnidashCore

extension ExecutiveOverview {
    /// The page's figures as CSV: one row per day of the range, then the range's total, the comparison
    /// period's total and the relative change — the same numbers as the KPI cards.
    ///
    /// Money is in major units of the reporting currency with exact minor digits; ratios are plain decimals
    /// (CTR 0.0123 is 1.23 %); an empty cell is a ratio over zero.
    public static func csv(_ model: Model) -> String {
        var lines = ["date,revenue,orders,units,aov,ad_spend,roas,cpa,ctr,cvr"]
        for point in model.daily {
            lines.append([
                point.date.description, money(point.revenueMinor), String(point.orders), String(point.units),
                ratio(Metrics.aov(revenueMinor: point.revenueMinor, orders: point.orders)), money(point.adSpendMinor),
                ratio(point.roas), ratio(Metrics.cpa(spendMinor: point.adSpendMinor, conversions: point.conversions)),
                ratio(Metrics.ctr(clicks: point.clicks, impressions: point.impressions)),
                ratio(Metrics.cvr(conversions: point.conversions, clicks: point.clicks)),
            ].joined(separator: ","))
        }
        func row(_ label: String, _ value: (KPIValue) -> String) -> String {
            ([label] + model.kpis.map(value)).joined(separator: ",")
        }
        lines.append(row("total") { measure($0.current) })
        lines.append(row("previous_period") { measure($0.previous) })
        lines.append(row("change") { ratio($0.change) })
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The page's figures as JSON, with money as exact decimal strings next to integer minor units.
    public static func json(_ model: Model, currency: Currency) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONDocument(model, currency: currency))
    }

    struct JSONDocument: Encodable {
        struct Period: Encodable {
            let from: String
            let to: String
        }
        struct Figure: Encodable {
            let current: JSONNumber?
            let previous: JSONNumber?
            let change: Double?
        }
        struct Day: Encodable {
            let date: String
            let revenue: String
            let revenueMinor: Int64
            let orders: Int64
            let adSpend: String
            let adSpendMinor: Int64
            let roas: Double?
            enum CodingKeys: String, CodingKey {
                case date, revenue, revenueMinor = "revenue_minor", orders, adSpend = "ad_spend", adSpendMinor = "ad_spend_minor", roas
            }
        }
        struct Share: Encodable {
            let platform: String
            let current: String
            let currentMinor: Int64
            let previous: String
            let previousMinor: Int64
            let change: Double?
            enum CodingKeys: String, CodingKey {
                case platform, current, currentMinor = "current_minor", previous, previousMinor = "previous_minor", change
            }
        }
        struct Freshness: Encodable {
            let source: String
            let lastSuccessAt: String?
            let lastStatus: String?
            enum CodingKeys: String, CodingKey { case source, lastSuccessAt = "last_success_at", lastStatus = "last_status" }
        }

        let currency: String
        let preset: String
        let range: Period
        let comparison: Period
        let kpis: [String: Figure]
        let daily: [Day]
        let revenueByMarketplace: [Share]
        let spendByAdPlatform: [Share]
        let freshness: [Freshness]

        enum CodingKeys: String, CodingKey {
            case currency, preset, range, comparison, kpis, daily, revenueByMarketplace = "revenue_by_marketplace",
                 spendByAdPlatform = "spend_by_ad_platform", freshness
        }

        init(_ model: Model, currency: Currency) {
            self.currency = currency.code
            preset = model.filters.preset.rawValue
            range = Period(from: model.filters.range.start.description, to: model.filters.range.end.description)
            comparison = Period(from: model.filters.comparison.start.description, to: model.filters.comparison.end.description)
            kpis = Dictionary(uniqueKeysWithValues: model.kpis.map {
                ($0.key, Figure(current: $0.current.map(JSONNumber.init), previous: $0.previous.map(JSONNumber.init), change: $0.change))
            })
            daily = model.daily.map {
                Day(date: $0.date.description, revenue: money($0.revenueMinor), revenueMinor: $0.revenueMinor, orders: $0.orders,
                    adSpend: money($0.adSpendMinor), adSpendMinor: $0.adSpendMinor, roas: $0.roas)
            }
            let share = { (item: Breakdown) in
                Share(platform: item.platform.rawValue, current: money(item.currentMinor), currentMinor: item.currentMinor,
                      previous: money(item.previousMinor), previousMinor: item.previousMinor, change: item.change)
            }
            revenueByMarketplace = model.revenueByMarketplace.map(share)
            spendByAdPlatform = model.spendByAdPlatform.map(share)
            freshness = model.freshness.map {
                Freshness(source: $0.platform.rawValue, lastSuccessAt: $0.lastSuccessAt, lastStatus: $0.lastStatus)
            }
        }
    }

    /// A KPI figure in JSON: money as an exact decimal string, counts as integers, ratios as numbers.
    enum JSONNumber: Encodable {
        case text(String), integer(Int64), number(Double)

        init(_ measure: Measure) {
            switch measure {
            case .money(let minor): self = .text(money(minor))
            case .count(let value): self = .integer(value)
            case .multiple(let value), .percent(let value), .averageMoney(let value): self = .number(value)
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let value): try container.encode(value)
            case .integer(let value): try container.encode(value)
            case .number(let value): try container.encode(value)
            }
        }
    }

    static func money(_ minor: Int64) -> String { Money.format(minorUnits: minor, digits: 2) }

    static func measure(_ measure: Measure?) -> String {
        switch measure {
        case .none: ""
        case .money(let minor): money(minor)
        case .count(let value): String(value)
        case .multiple(let value), .percent(let value), .averageMoney(let value): ratio(value)
        }
    }

    static func ratio(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return String(format: "%.6f", value).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"\.$"#, with: "", options: .regularExpression)
    }
}
