@testable import Dashboard
import Testing

@Suite("BarList")
struct BarListTests {
    let list = BarList(items: [
        .init(label: "Shopee", valueMinor: 6_000_000, change: 0.1),
        .init(label: "Lazada", valueMinor: 3_000_000, change: -0.2),
        .init(label: "TikTok Shop", valueMinor: 1_000_000, change: nil),
    ], polarity: .higherIsBetter, emptyText: "None.", language: .en)

    @Test func sharesAreOfTheTotal() {
        #expect(list.total == 10_000_000)
        #expect(list.share(of: list.items[0]) == 0.6)
        let html = list.html.render()
        expectContains(html, "<rect class=\"bar-fill\" x=\"0\" y=\"0\" width=\"60\" height=\"8\"></rect>")
        expectContains(html, "60.00\u{00A0}% of total")
        expectContains(html, "฿60,000.00")
        expectContains(html, "delta delta-good")
        expectContains(html, "delta delta-bad")
        expectLacks(html, "style=")
        #expect(MarkupCheck.tagProblem(html) == nil)
    }

    @Test func emptyListSaysSo() {
        #expect(BarList(items: [], polarity: .neutral, emptyText: "No ad spend in this period.", language: .en).html.render()
            == "<p class=\"empty-note\">No ad spend in this period.</p>")
    }

    @Test func zeroTotalHasNoShares() {
        let zero = BarList(items: [.init(label: "Shopee", valueMinor: 0, change: nil)], polarity: .neutral, emptyText: "", language: .en)
        let html = zero.html.render()
        expectContains(html, "– of total")
        expectContains(html, "class=\"bar-fill\" x=\"0\" y=\"0\" width=\"0\"")
    }
}
