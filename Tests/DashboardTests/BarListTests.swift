@testable import Dashboard
import Testing

@Suite("BarList")
struct BarListTests {
    let list = BarList(items: [
        .init(label: "Shopee", valueMinor: 6_000_000, change: 0.1),
        .init(label: "Lazada", valueMinor: 3_000_000, change: -0.2),
        .init(label: "TikTok Shop", valueMinor: 1_000_000, change: nil),
    ], polarity: .higherIsBetter, emptyText: "None.")

    @Test func sharesAreOfTheTotal() {
        #expect(list.total == 10_000_000)
        #expect(list.share(of: list.items[0]) == 0.6)
        let html = list.html.render()
        #expect(html.contains("<rect class=\"bar-fill\" x=\"0\" y=\"0\" width=\"60\" height=\"8\"></rect>"))
        #expect(html.contains("60.00\u{00A0}% of total"))
        #expect(html.contains("฿60,000.00"))
        #expect(html.contains("delta delta-good"))
        #expect(html.contains("delta delta-bad"))
        #expect(!html.contains("style="))
        #expect(MarkupCheck.tagProblem(html) == nil)
    }

    @Test func emptyListSaysSo() {
        #expect(BarList(items: [], polarity: .neutral, emptyText: "No ad spend in this period.").html.render()
            == "<p class=\"empty-note\">No ad spend in this period.</p>")
    }

    @Test func zeroTotalHasNoShares() {
        let zero = BarList(items: [.init(label: "Shopee", valueMinor: 0, change: nil)], polarity: .neutral, emptyText: "")
        let html = zero.html.render()
        #expect(html.contains("– of total"))
        #expect(html.contains("class=\"bar-fill\" x=\"0\" y=\"0\" width=\"0\""))
    }
}
