@testable import Dashboard
import Foundation
import OmnidashCore
import Testing

@Suite("ExecutiveOverviewViewTests")
struct ExecutiveOverviewViewTests {
    let model = ExecutiveOverview.Model.mock

    @Test func thePageComputesEveryKPIInOrderAndLeavesRatiosOverZeroEmpty() {
        var current = ExecutiveOverview.Totals(nil)
        (current.revenueMinor, current.orders, current.units, current.clicks, current.impressions) = (1_000_000, 40, 52, 0, 0)
        let kpis = ExecutiveOverview.kpis(current: current, previous: ExecutiveOverview.Totals(nil))
        #expect(kpis.map(\.key) == ExecutiveOverview.KPI.allCases.map(\.rawValue))
        #expect(kpis.map { Language.en.text($0.label) } == ["Revenue", "Orders", "Units", "AOV", "Ad spend", "ROAS", "CPA", "CTR", "CVR"])
        let byKey = Dictionary(uniqueKeysWithValues: kpis.map { ($0.key, $0) })
        #expect(byKey["aov"]?.current == .averageMoney(250), "฿10,000 over 40 orders")
        #expect(byKey["roas"]?.current == nil && byKey["ctr"]?.current == nil, "no spend and no impressions: no value, not 0")
        #expect(byKey["revenue"]?.change == nil, "nothing to compare against")
        #expect(byKey["cpa"]?.polarity == .lowerIsBetter && byKey["ad_spend"]?.polarity == .neutral)
    }

    @Test func rendersEveryKPILabelInOrder() {
        let html = ExecutiveOverview.view(model, language: .en).render()
        var cursor = html.startIndex
        for kpi in model.kpis {
            let label = "<h3 class=\"kpi-label\">\(Language.en.text(kpi.label))</h3>"
            let found = html[cursor...].range(of: label)
            #expect(found != nil, "missing or out of order: \(kpi.key)")
            if let found { cursor = found.upperBound }
        }
    }

    @Test func linksToTheCSVAndJSONVariantsFromSiteRoute() {
        let html = ExecutiveOverview.view(model, language: .en).render()
        // The links are the routes' URLs, with `&` escaped as an attribute value must be.
        expectContains(html, "href=\"\(escaped(SiteRoute.executiveCSV(model.filters).url))\"")
        expectContains(html, "href=\"\(escaped(SiteRoute.executiveJSON(model.filters).url))\"")
        #expect(SiteRoute.executiveCSV(model.filters).url == "/executive.csv?preset=custom&from=2026-11-01&to=2026-11-30")
        expectContains(html, "href=\"/executive.csv?preset=custom&amp;from=2026-11-01&amp;to=2026-11-30\"")
    }

    func escaped(_ url: String) -> String { url.replacingOccurrences(of: "&", with: "&amp;") }

    @Test func obeysTheContentSecurityPolicy() {
        let html = ExecutiveOverview.view(model, language: .en).render()
        expectLacks(html, "style=")
        expectLacks(html, "<style")
        #expect(!MarkupCheck.hasInlineScript(html))
        #expect(html.range(of: " on[a-z]+=\"", options: .regularExpression) == nil, "no inline event handlers")
        #expect(MarkupCheck.tagProblem(html) == nil)
    }

    @Test func showsChartBreakdownsTableAndFreshness() {
        let html = ExecutiveOverview.view(model, language: .en).render()
        expectContains(html, "<figcaption class=\"chart-title\">Daily revenue and ad spend</figcaption>")
        expectContains(html, "<h2>Revenue by marketplace</h2>")
        expectContains(html, "<h2>Ad spend by platform</h2>")
        expectContains(html, "<caption>Daily figures</caption>")
        expectContains(html, "Shopee synced <time datetime=\"2026-11-25T06:30:00Z\">2026-11-25 06:30 UTC</time>")
        expectContains(html, "<li class=\"is-stale\">Facebook Ads synced <time datetime=\"2026-11-24T06:30:05Z\">2026-11-24 06:30 UTC</time>; last run: failed</li>")
        expectContains(html, "<li class=\"is-stale\">LINE Ads never synced</li>")
        expectContains(html, "1 Nov – 30 Nov 2026</strong>, compared with 2 Oct – 31 Oct 2026")
    }

    @Test func emptyRangeSaysSoAndSuggestsSync() {
        let html = ExecutiveOverview.view(.emptyMock, language: .en).render()
        expectContains(html, "No data for 1 Nov – 30 Nov 2026")
        expectContains(html, "<code>omnidash sync</code>")
        expectLacks(html, "<svg")
        expectLacks(html, "<table")
        expectContains(html, "Data freshness: no source has synced yet.")
        #expect(MarkupCheck.tagProblem(html) == nil)
    }

    @Test func snapshot() throws {
        try assertSnapshot(ExecutiveOverview.view(model, language: .en).render(.indented), suite: "ExecutiveOverviewViewTests",
                           named: "mock")
    }

    @Test func emptySnapshot() throws {
        try assertSnapshot(ExecutiveOverview.view(.emptyMock, language: .en).render(.indented), suite: "ExecutiveOverviewViewTests",
                           named: "empty")
    }
}
