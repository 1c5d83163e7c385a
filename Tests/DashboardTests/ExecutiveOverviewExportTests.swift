@testable import Dashboard
import Foundation
import OmnidashCore
import Testing

/// The CSV and JSON a script downloads: the JSON carries every figure the CSV has, with the same value, and
/// writes a missing figure as `null`.
@Suite("ExecutiveOverview exports")
struct ExecutiveOverviewExportTests {
    func json(_ model: ExecutiveOverview.Model) throws -> [String: Any] {
        let data = try ExecutiveOverview.json(model, currency: .thb)
        return try #require(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any])
    }

    /// The CSV as rows of cells, the header first.
    func csv(_ model: ExecutiveOverview.Model) -> [[String]] {
        ExecutiveOverview.csv(model).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// A JSON value as the CSV writes it: `null` is an empty cell, a number is written as the CSV writes ratios.
    func cell(_ value: Any?) -> String? {
        switch value {
        case is NSNull: ""
        case let text as String: text
        case let number as NSNumber: ExecutiveOverview.ratio(number.doubleValue)
        default: nil
        }
    }

    @Test func everyDailyRowCarriesTheCSVColumnsWithTheSameValues() throws {
        let model = ExecutiveOverview.Model.mock
        let rows = csv(model)
        let header = rows[0]
        let days = try #require(try json(model)["daily"] as? [[String: Any]])
        #expect(days.count == model.daily.count)
        for (index, day) in days.enumerated() {
            for (column, value) in zip(header, rows[index + 1]) {
                #expect(day.keys.contains(column), "the JSON's day lacks \(column)")
                #expect(cell(day[column]) == value, "\(rows[index + 1][0]) \(column): JSON \(String(describing: day[column])), CSV \(value)")
            }
        }
    }

    @Test func everyKPIHasItsCurrentPreviousAndChangeAsTheCSVTotalsDo() throws {
        let model = ExecutiveOverview.Model.mock
        let rows = csv(model)
        let kpis = try #require(try json(model)["kpis"] as? [String: [String: Any]])
        #expect(Set(kpis.keys) == Set(ExecutiveOverview.KPI.allCases.map(\.rawValue)))
        for (label, field) in [("total", "current"), ("previous_period", "previous"), ("change", "change")] {
            let row = try #require(rows.first { $0.first == label })
            for (kpi, value) in zip(model.kpis, row.dropFirst()) {
                #expect(kpis[kpi.key]?.keys.contains(field) == true, "\(kpi.key) lacks \(field)")
                #expect(cell(kpis[kpi.key]?[field]) == value, "\(kpi.key) \(field)")
            }
        }
        // CVR has no comparison in the mock: written as null, not left out.
        #expect(kpis["cvr"]?["previous"] is NSNull)
        #expect(kpis["cvr"]?["change"] is NSNull)
    }

    @Test func aFigureWithoutAValueIsNullNeverAnEmptyObject() throws {
        let document = try json(.emptyMock)
        let kpis = try #require(document["kpis"] as? [String: [String: Any]])
        for key in ExecutiveOverview.KPI.allCases.map(\.rawValue) {
            #expect(kpis[key]?.count == 3, "\(key) has current, previous and change")
            #expect(kpis[key]?.values.allSatisfy { $0 is NSNull } == true, "\(key): \(String(describing: kpis[key]))")
        }
        let day = try #require((document["daily"] as? [[String: Any]])?.first)
        for column in ["aov", "roas", "cpa", "ctr", "cvr"] {
            #expect(day[column] is NSNull, "no orders, spend or clicks: \(column) is null")
        }
        let text = String(decoding: try ExecutiveOverview.json(.emptyMock, currency: .thb), as: UTF8.self)
        expectLacks(text, "{}")
    }

    @Test func missingBreakdownChangesAndSyncTimesAreNull() throws {
        let document = try json(.mock)
        let marketplaces = try #require(document["revenue_by_marketplace"] as? [[String: Any]])
        #expect(marketplaces.first { $0["platform"] as? String == Platform.tiktokShop.rawValue }?["change"] is NSNull)
        let freshness = try #require(document["freshness"] as? [[String: Any]])
        let line = try #require(freshness.first { $0["source"] as? String == Platform.lineAds.rawValue })
        #expect(line["last_success_at"] is NSNull && line["last_status"] is NSNull)
    }

    @Test func moneyIsExactDecimalTextEvenBeyondWhatADoubleHolds() throws {
        // 2^53 + 1 satang: a Double would round it to …40.92.
        let minor: Int64 = 9_007_199_254_740_993
        var model = ExecutiveOverview.Model.emptyMock
        model.daily[0] = .init(date: model.daily[0].date, revenueMinor: minor, adSpendMinor: 10, orders: 3, roas: nil)
        model.kpis[0] = ExecutiveOverview.KPI.revenue.value(.money(minor: minor), .money(minor: 10))
        let document = try json(model)
        let day = try #require((document["daily"] as? [[String: Any]])?.first)
        #expect(day["revenue"] as? String == "90071992547409.93")
        #expect((day["revenue_minor"] as? NSNumber)?.int64Value == minor)
        #expect(day["ad_spend"] as? String == "0.10")
        #expect(day["aov"] as? String == ExecutiveOverview.csv(model).split(separator: "\r\n")[1].split(separator: ",")[4].description,
                "an average is the CSV's text")
        let revenue = (document["kpis"] as? [String: [String: Any]])?["revenue"]
        #expect(revenue?["current"] as? String == "90071992547409.93")
        #expect(revenue?["previous"] as? String == "0.10")
    }
}
