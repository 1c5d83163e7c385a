@testable import Dashboard
import Foundation
import OmnidashCore
import Testing

/// The Website analytics page as a reader sees it and its downloads: the KPIs, which GA4 path the figures come from,
/// how users are counted, the chart and tables, Thai with no English left, and CSV and JSON with the same figures.
@Suite("Website analytics page", .serialized)
struct WebsiteAnalyticsPageTests {
    func model(_ filters: DashboardFilters = WebsiteFixtures.filters) async throws -> WebsiteAnalytics.Model {
        try await WebsiteFixtures.withWarehouse("sqlite") { warehouse in
            try await WebsiteFixtures.fillWebsite(warehouse)
            return try await WebsiteAnalytics.query(warehouse, filters: filters)
        }
    }

    @Test func thePageNamesItsGA4SourcesAndHowUsersAreCounted() async throws {
        let html = WebsiteAnalytics.view(try await model(), language: .en).render()
        expectContains(html, "<h1>Website analytics</h1>")
        for label in ["Sessions", "Users (per day)", "New users", "Returning users (per day)", "Engagement rate", "Bounce rate",
                      "Pages per session", "Avg. session duration (s)", "Transactions", "Revenue", "Conversion rate", "AOV"] {
            expectContains(html, "<h3 class=\"kpi-label\">\(label)</h3>")
        }
        expectContains(html, "data-kpi=\"engagement_rate\"")
        expectContains(html, "<p class=\"kpi-value\">60.00")
        expectContains(html, "<p class=\"note\" data-source=\"mixed\">Figures from the GA4 BigQuery export (exact counts) for 2 Nov 2026, "
                       + "and from the GA4 Data API (GA4&#39;s own totals, possibly thresholded) for 3 Nov 2026.")
        expectContains(html, "Users are counted once per day")
        expectContains(html, "Daily sessions by channel group")
        expectContains(html, "<li class=\"legend-item legend-line series-4\">Other channels</li>")
        // A channel leads to the page narrowed to it.
        expectContains(html, "href=\"/website?preset=custom&amp;from=2026-11-02&amp;to=2026-11-03&amp;channel=Paid%20Social\"")
        expectContains(html, "<option value=\"Paid Social\">Paid Social</option>")
        for caption in ["Traffic sources", "Top pages", "Devices", "Countries"] { expectContains(html, "<caption>\(caption)</caption>") }
        expectContains(html, "/products/vitamin-c-serum")
        // The sources' users add up to 296, but a person who came from two sources in a day is one of the 290.
        expectContains(html, "<tfoot><tr><th scope=\"row\" class=\"align-start\">Total</th><td class=\"align-start\"></td><td class=\"align-start\"></td><td class=\"align-end\">400</td><td class=\"align-end\">290</td>")
        #expect(MarkupCheck.tagProblem(html) == nil)
        try assertSnapshot(html, suite: "WebsiteAnalyticsPageTests", named: "page")
    }

    @Test func theThaiPageHasNoEnglishLeft() async throws {
        let html = WebsiteAnalytics.view(try await model(), language: .th).render()
        expectContains(html, "<h1>วิเคราะห์เว็บไซต์</h1>")
        let words = VisibleText.englishWords(in: html, data: WebsiteFixtures.names)
        #expect(words.isEmpty, "still shows \(words.sorted())")
        try assertSnapshot(html, suite: "WebsiteAnalyticsPageTests", named: "page-th")
    }

    @Test func aChannelIsSelectedAndCarriedByTheDateForm() async throws {
        var filters = WebsiteFixtures.filters
        filters.channel = "Paid Social"
        let html = WebsiteAnalytics.view(try await model(filters), language: .en).render()
        expectContains(html, "<option value=\"Paid Social\" selected>Paid Social</option>")
        expectContains(html, "<input type=\"hidden\" name=\"channel\" value=\"Paid Social\">")
        expectLacks(html, "(organic)")
    }

    @Test func anEmptyRangeSaysHowToLoadData() async throws {
        let filters = DashboardFilters(preset: .custom, range: DateRange(start: BusinessDate("2026-09-01")!, end: BusinessDate("2026-09-02")!))
        let html = WebsiteAnalytics.view(try await model(filters), language: .en).render()
        expectContains(html, "No website data for")
        expectLacks(html, "<figure")
    }

    @Test func theCSVIsTheTrafficSourceTableWithRatiosFromSums() async throws {
        let text = WebsiteAnalytics.csv(try await model())
        let lines = text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
        #expect(rows.map { $0["channel_group"] } == ["Organic Search", "Paid Social", "Direct", "Marketplace"])
        let paid = rows[1]
        #expect(paid["sessions"] == "120")
        #expect(paid["user_days"] == "96")
        #expect(paid["engagement_rate"] == "0.625")
        #expect(paid["bounce_rate"] == "0.375")
        #expect(paid["avg_session_duration_seconds"] == "55")
        #expect(paid["revenue"] == "1802.39")
        #expect(paid["conversion_rate"] == "0.025")
        #expect(paid["data_source"] == "mixed")
    }

    @Test func theJSONCarriesTheKPIsTheSourceDatesAndTheSameSourceFigures() async throws {
        let model = try await model()
        let json = try #require(try JSONSerialization.jsonObject(with: WebsiteAnalytics.json(model, currency: .thb)) as? [String: Any])
        let kpis = try #require(json["kpis"] as? [String: [String: Any]])
        #expect(Set(kpis.keys) == Set(model.kpis.map(\.key)))
        #expect(kpis["revenue"]?["current"] as? String == "5802.39")
        #expect(kpis["sessions"]?["change"] as? Double == 3)
        let source = try #require(json["data_source"] as? [String: Any])
        #expect(source["summary"] as? String == "mixed")
        #expect(source["data_api_dates"] as? [String] == ["2026-11-03"])
        let sources = try #require(json["traffic_sources"] as? [[String: Any]])
        #expect(sources[1]["revenue"] as? String == "1802.39")
        #expect(sources[1]["revenue_minor"] as? Int == 180_239)
        let daily = try #require(json["daily_sessions"] as? [[String: Any]])
        #expect((daily[1]["sessions"] as? [String: Int])?["(other)"] == 10)
    }
}

extension WebsiteAnalyticsPageTests {
    @Test func theEmptyThaiPageHasNoEnglishLeftEither() async throws {
        let filters = DashboardFilters(preset: .custom, range: DateRange(start: BusinessDate("2026-09-01")!, end: BusinessDate("2026-09-02")!))
        let html = WebsiteAnalytics.view(try await model(filters), language: .th).render()
        let words = VisibleText.englishWords(in: html, data: WebsiteFixtures.names)
        #expect(words.isEmpty, "still shows \(words.sorted())")
    }
}

extension WebsiteAnalyticsPageTests {
    @Test func aLongTailOfSourcesIsCutOnThePageButNotInTheCSV() async throws {
        var model = try await model()
        let first = model.sources[0]
        model.sources = (0..<40).map { index in
            var row = first
            row.campaign = "tail_campaign_\(index)"
            return row
        }
        let html = WebsiteAnalytics.view(model, language: .en).render()
        expectContains(html, "The 30 largest of 40 rows")
        #expect(html.components(separatedBy: ">tail_campaign_").count - 1 == 30)
        #expect(WebsiteAnalytics.csv(model).components(separatedBy: "tail_campaign_").count - 1 == 40)
    }
}
