@testable import Dashboard
import OmnidashCore
import Testing

@Suite("ExecutiveOverviewViewTests")
struct ExecutiveOverviewViewTests {
    let model = ExecutiveOverview.Model.mock

    @Test func mockHasNineKPIsAndThirtyDays() {
        #expect(model.kpis.count == 9)
        #expect(model.daily.count == 30)
    }

    @Test func rendersEveryKPILabelInOrder() {
        let html = ExecutiveOverview.view(model).render()
        var cursor = html.startIndex
        for kpi in model.kpis {
            let label = "<h3 class=\"kpi-label\">\(kpi.label)</h3>"
            let found = html[cursor...].range(of: label)
            #expect(found != nil, "missing or out of order: \(kpi.label)")
            if let found { cursor = found.upperBound }
        }
    }

    @Test func linksToTheCSVAndJSONVariantsFromSiteRoute() {
        let html = ExecutiveOverview.view(model).render()
        #expect(html.contains("href=\"\(SiteRoute.executiveCSV(model.filters).url)\""))
        #expect(html.contains("href=\"\(SiteRoute.executiveJSON(model.filters).url)\""))
        #expect(SiteRoute.executiveCSV(model.filters).url == "/executive.csv?preset=custom&from=2026-11-01&to=2026-11-30")
        #expect(html.contains("href=\"/executive.csv?preset=custom&amp;from=2026-11-01&amp;to=2026-11-30\""))
    }

    @Test func obeysTheContentSecurityPolicy() {
        let html = ExecutiveOverview.view(model).render()
        #expect(!html.contains("style="))
        #expect(!html.contains("<style"))
        #expect(!MarkupCheck.hasInlineScript(html))
        #expect(!html.contains(" on"), "no inline event handlers")
        #expect(MarkupCheck.tagProblem(html) == nil)
    }

    @Test func showsChartBreakdownsTableAndFreshness() {
        let html = ExecutiveOverview.view(model).render()
        #expect(html.contains("<figcaption class=\"chart-title\">Daily revenue and ad spend</figcaption>"))
        #expect(html.contains("<h2>Revenue by marketplace</h2>"))
        #expect(html.contains("<h2>Ad spend by platform</h2>"))
        #expect(html.contains("<caption>Daily figures</caption>"))
        #expect(html.contains("Shopee synced <time datetime=\"2026-11-25T06:30:00Z\">2026-11-25 06:30 UTC</time>"))
        #expect(html.contains("<li class=\"is-stale\">Facebook Ads synced <time datetime=\"2026-11-24T06:30:05Z\">2026-11-24 06:30 UTC</time>; last run: failed</li>"))
        #expect(html.contains("<li class=\"is-stale\">LINE Ads never synced</li>"))
        #expect(html.contains("1 Nov – 30 Nov 2026</strong>, compared with 2 Oct – 31 Oct 2026"))
    }

    @Test func emptyRangeSaysSoAndSuggestsSync() {
        let html = ExecutiveOverview.view(.emptyMock).render()
        #expect(html.contains("No data for 1 Nov – 30 Nov 2026"))
        #expect(html.contains("<code>omnidash sync</code>"))
        #expect(!html.contains("<svg"))
        #expect(!html.contains("<table"))
        #expect(html.contains("Data freshness: no source has synced yet."))
        #expect(MarkupCheck.tagProblem(html) == nil)
    }

    @Test func snapshot() throws {
        try assertSnapshot(ExecutiveOverview.view(model).render(.indented), suite: "ExecutiveOverviewViewTests",
                           named: "mock")
    }

    @Test func emptySnapshot() throws {
        try assertSnapshot(ExecutiveOverview.view(.emptyMock).render(.indented), suite: "ExecutiveOverviewViewTests",
                           named: "empty")
    }
}
