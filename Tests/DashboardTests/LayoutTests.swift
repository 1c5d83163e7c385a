@testable import Dashboard
import OmnidashCore
import Testing

@Suite("Layout")
struct LayoutTests {
    let filters = DashboardFilters(preset: .last7Days, range: DateRangePreset.last7Days.range(today: BusinessDate("2026-11-25")!)!)

    func page() -> String {
        Layout.page(title: "Overview <draft>", language: .en, alternate: .executive(filters),
                    navigation: Layout.navigation(current: .executive(filters), filters: filters, language: .en),
                    filters: DateRangeForm(filters: filters, action: .executive(filters), language: .en).html) {
            HTMLNode.p { "Hello" }
        }.render()
    }

    @Test func isACompleteDocumentWithExternalAssetsOnly() {
        let html = page()
        #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"))
        expectContains(html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        expectContains(html, "<title>Overview &lt;draft&gt; · Omnidash</title>")
        expectContains(html, "<link rel=\"stylesheet\" href=\"\(SiteRoute.stylesheet.url)\">")
        expectContains(html, "<script src=\"\(SiteRoute.script.url)\" defer></script>")
        expectLacks(html, "<style")
        expectLacks(html, "style=")
        #expect(!MarkupCheck.hasInlineScript(html))
        #expect(MarkupCheck.tagProblem(html) == nil)
    }

    @Test func hasHeaderNavigationFiltersMainAndFooter() {
        let html = page()
        expectContains(html, "<p class=\"brand\">Omnidash</p>")
        expectContains(html, "<nav class=\"site-nav\" aria-label=\"Main\"><ul><li><a href=\"/?preset=last_7_days\" aria-current=\"page\">Executive overview</a></li>"
                       + "<li><a href=\"/shops?preset=last_7_days\">Shop performance</a></li>"
                       + "<li><a href=\"/products?preset=last_7_days\">Product analytics</a></li>"
                       + "<li><a href=\"/ads?preset=last_7_days\">Ads overview</a></li>"
                       + "<li><a href=\"/ads-facebook?preset=last_7_days\">Facebook Ads</a></li>"
                       + "<li><a href=\"/ads-google?preset=last_7_days\">Google Ads</a></li>"
                       + "<li><a href=\"/ads-others?preset=last_7_days\">TikTok &amp; other ads</a></li>"
                       + "<li><a href=\"/website?preset=last_7_days\">Website analytics</a></li>"
                       + "<li><a href=\"/attribution?preset=last_7_days\">Attribution</a></li>"
                       + "<li><a href=\"/alerts?preset=last_7_days\">Alerts</a></li>"
                       + "<li><a href=\"/operations?preset=last_7_days\">Operations</a></li></ul></nav>")
        expectContains(html, "<div class=\"filters-bar\"><section class=\"date-range\"")
        expectContains(html, "<main id=\"content\" class=\"page\" tabindex=\"-1\"><p>Hello</p></main>")
        expectContains(html, "<footer class=\"site-footer\">")
    }

    @Test func navigationOnlyLinksToPagesThatExist() {
        let items = Layout.navigation(current: nil, filters: filters, language: .en)
        #expect(items.map(\.title) == ["Executive overview", "Shop performance", "Product analytics", "Ads overview", "Facebook Ads",
                                        "Google Ads", "TikTok & other ads", "Website analytics", "Attribution", "Alerts", "Operations"])
        #expect(items.allSatisfy { !$0.isCurrent })
    }

    @Test func pageWithoutFiltersOmitsTheBar() {
        let html = Layout.page(title: "Not found", language: .en, alternate: nil, navigation: []) { HTMLNode.p { "Gone" } }.render()
        expectLacks(html, "filters-bar")
        expectLacks(html, "<nav")
    }
}
