@testable import Dashboard
import Foundation
import OmnidashCore
import Testing

/// The Attribution page as a reader sees it and its downloads: the three levels side by side, "–" where nothing was
/// spent, the governance lists, Thai with no English left, and CSV and JSON with the same figures.
@Suite("Attribution page", .serialized)
struct AttributionPageTests {
    func model(_ filters: DashboardFilters = WebsiteFixtures.filters) async throws -> Attribution.Model {
        try await WebsiteFixtures.withWarehouse("sqlite") { warehouse in
            try await WebsiteFixtures.fillAttribution(warehouse)
            return try await Attribution.query(warehouse, filters: filters)
        }
    }

    func csv(_ model: Attribution.Model) -> [[String: String]] {
        let lines = Attribution.csv(model).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test func theCSVHasEachCampaignsROASFromSumsAndNothingOverZeroSpend() async throws {
        let rows = csv(try await model())
        let sale = try #require(rows.first { $0["campaign_id"] == "c1" })
        #expect(sale["spend"] == "4000.00")
        #expect(sale["platform_conversion_value"] == "9000.00")
        #expect(sale["platform_roas"] == "2.25")
        #expect(sale["ga_revenue"] == "1802.39")
        #expect(sale["ga_roas"] == PageExport.ratio(180_239.0 / 400_000))
        #expect(sale["marketplace_revenue"] == "1200.00")
        #expect(sale["marketplace_roas"] == "0.3")
        #expect(sale["marketplace_cpa"] == "2000")
        #expect(sale["ga_user_days"] == "96")
        #expect(sale["utm_campaign"] == "sukhon_1111_sale")
        let search = try #require(rows.first { $0["campaign_id"] == "g1" })
        #expect(search["spend"] == "0.00")
        for column in ["platform_roas", "ga_roas", "marketplace_roas", "platform_cpa", "marketplace_cpa"] {
            #expect(search[column] == "", "\(column) over zero")
        }
        #expect(search["ga_cpa"] == "0", "nothing spent on one GA4 transaction")
    }

    @Test func theJSONCarriesTheSameFiguresAndNullOverZeroSpend() async throws {
        let model = try await model()
        let json = try #require(try JSONSerialization.jsonObject(with: Attribution.json(model, currency: .thb)) as? [String: Any])
        let campaigns = try #require(json["campaigns"] as? [[String: Any]])
        let rows = csv(model)
        for campaign in campaigns {
            let row = try #require(rows.first { $0["campaign_id"] == campaign["campaign_id"] as? String })
            for key in ["spend", "ga_revenue", "marketplace_revenue", "platform_conversion_value"] {
                #expect(campaign[key] as? String == row[key], "\(key)")
            }
            for key in ["platform_roas", "ga_roas", "marketplace_roas"] {
                let value = campaign[key]
                #expect(value is NSNull ? row[key] == "" : PageExport.ratio((value as? NSNumber)?.doubleValue) == row[key], "\(key)")
            }
        }
        let kpis = try #require(json["kpis"] as? [String: [String: Any]])
        #expect(kpis["platform_roas"]?["current"] as? Double == 2.25)
        #expect((json["campaigns_without_utm"] as? [[String: Any]])?.first?["spend"] as? String == "500.00")
        #expect((json["utms_without_campaign"] as? [[String: Any]])?.first?["sessions"] as? Int == 42)
    }

    @Test func thePageShowsTheThreeLevelsTheExplanationAndTheGovernanceLists() async throws {
        let html = Attribution.view(try await model(), language: .en).render()
        expectContains(html, "<h1>Attribution</h1>")
        for label in ["Platform-claimed value", "GA4 revenue", "Marketplace revenue", "Platform ROAS", "GA4 ROAS", "Marketplace ROAS"] {
            expectContains(html, "<h3 class=\"kpi-label\">\(label)</h3>")
        }
        expectContains(html, "The three ROAS count different things.")
        expectContains(html, "<td class=\"align-end\" data-sort=\"2.25\">2.25×</td>")
        // The search campaign spent nothing and has no platform conversion or marketplace order: three ROAS and two
        // CPA cells read "–".
        let search = try #require(html.range(of: "<th scope=\"row\" class=\"align-start\" data-sort=\"Brand search\">"))
        let row = html[search.lowerBound...].prefix { $0 != "\n" }.components(separatedBy: "</tr>")[0]
        #expect(row.components(separatedBy: ">–<").count - 1 == 5, "five ratios over zero: \(row)")
        // A campaign leads to its platform's deep dive, narrowed to it.
        expectContains(html, "<a href=\"/ads-google?preset=custom&amp;from=2026-11-02&amp;to=2026-11-03&amp;platform=google&amp;"
                       + "account=1234567890&amp;campaign=g1\">Brand search</a>")
        expectContains(html, "Campaigns without a matchable UTM")
        expectContains(html, "TikTok Awareness")
        expectContains(html, "line_oa_broadcast")
        expectContains(html, "Figures from the GA4 BigQuery export")
        try assertSnapshot(html, suite: "AttributionPageTests", named: "page")
    }

    @Test func theThaiPageHasNoEnglishLeft() async throws {
        let html = Attribution.view(try await model(), language: .th).render()
        expectContains(html, "<h1>การระบุที่มาของยอดขาย</h1>")
        let words = VisibleText.englishWords(in: html, data: WebsiteFixtures.names)
        #expect(words.isEmpty, "still shows \(words.sorted())")
    }

    @Test func anEmptyRangeSaysSoAndStillListsTheGovernance() async throws {
        let filters = DashboardFilters(preset: .custom, range: DateRange(start: BusinessDate("2026-09-01")!, end: BusinessDate("2026-09-02")!))
        let html = Attribution.view(try await model(filters), language: .en).render()
        expectContains(html, "No attributed campaigns for")
        expectContains(html, "line_oa_broadcast")
        #expect(MarkupCheck.tagProblem(html) == nil)
    }
}
