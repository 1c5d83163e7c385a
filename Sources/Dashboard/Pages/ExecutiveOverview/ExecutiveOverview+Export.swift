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

    /// The page's figures as JSON: every KPI with its current value, previous value and change, every day with
    /// the CSV's columns, the breakdowns and the freshness. A figure without a value (ROAS without spend) is
    /// `null`, never left out.
    ///
    /// Money is a decimal string in major units, never a JSON number: most JSON readers parse numbers into
    /// Double, which cannot hold 0.10 exactly. The strings are the CSV's cells (sums exact from minor units,
    /// averages such as AOV to six decimals), so the two exports always agree; sums also come as integer
    /// `_minor` units. Counts are integers; ratios (ROAS, CTR, CVR, changes) are plain numbers.
    public static func json(_ model: Model, currency: Currency) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONDocument(model, currency: currency))
    }

    /// The JSON's shape. Every optional figure is a `JSONValue`, whose `.null` is written out, where an
    /// optional property would be left out (and a KPI without values would be `{}`).
    struct JSONDocument: Encodable {
        struct Period: Encodable {
            let from: String
            let to: String
        }
        struct Figure: Encodable {
            let current: JSONValue
            let previous: JSONValue
            let change: JSONValue
        }
        struct Day: Encodable {
            let date: String
            let revenue: String
            let revenueMinor: Int64
            let orders: Int64
            let units: Int64
            let aov: JSONValue
            let adSpend: String
            let adSpendMinor: Int64
            let roas: JSONValue
            let cpa: JSONValue
            let ctr: JSONValue
            let cvr: JSONValue
            enum CodingKeys: String, CodingKey {
                case date, revenue, revenueMinor = "revenue_minor", orders, units, aov, adSpend = "ad_spend",
                     adSpendMinor = "ad_spend_minor", roas, cpa, ctr, cvr
            }
        }
        struct Share: Encodable {
            let platform: String
            let current: String
            let currentMinor: Int64
            let previous: String
            let previousMinor: Int64
            let change: JSONValue
            enum CodingKeys: String, CodingKey {
                case platform, current, currentMinor = "current_minor", previous, previousMinor = "previous_minor", change
            }
        }
        struct Freshness: Encodable {
            let source: String
            let lastSuccessAt: JSONValue
            let lastStatus: JSONValue
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
                ($0.key, Figure(current: JSONValue($0.current), previous: JSONValue($0.previous), change: JSONValue(ratio: $0.change)))
            })
            daily = model.daily.map {
                Day(date: $0.date.description, revenue: money($0.revenueMinor), revenueMinor: $0.revenueMinor,
                    orders: $0.orders, units: $0.units,
                    aov: JSONValue(averageMoney: Metrics.aov(revenueMinor: $0.revenueMinor, orders: $0.orders)),
                    adSpend: money($0.adSpendMinor), adSpendMinor: $0.adSpendMinor, roas: JSONValue(ratio: $0.roas),
                    cpa: JSONValue(averageMoney: Metrics.cpa(spendMinor: $0.adSpendMinor, conversions: $0.conversions)),
                    ctr: JSONValue(ratio: Metrics.ctr(clicks: $0.clicks, impressions: $0.impressions)),
                    cvr: JSONValue(ratio: Metrics.cvr(conversions: $0.conversions, clicks: $0.clicks)))
            }
            let share = { (item: Breakdown) in
                Share(platform: item.platform.rawValue, current: money(item.currentMinor), currentMinor: item.currentMinor,
                      previous: money(item.previousMinor), previousMinor: item.previousMinor, change: JSONValue(ratio: item.change))
            }
            revenueByMarketplace = model.revenueByMarketplace.map(share)
            spendByAdPlatform = model.spendByAdPlatform.map(share)
            freshness = model.freshness.map {
                Freshness(source: $0.platform.rawValue, lastSuccessAt: JSONValue(text: $0.lastSuccessAt),
                          lastStatus: JSONValue(text: $0.lastStatus))
            }
        }
    }

    typealias JSONValue = PageExport.Value

    static func money(_ minor: Int64) -> String { PageExport.money(minor) }

    static func measure(_ measure: Measure?) -> String { PageExport.measure(measure) }

    static func ratio(_ value: Double?) -> String { PageExport.ratio(value) }
}
