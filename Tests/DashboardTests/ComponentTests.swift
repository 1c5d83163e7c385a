@testable import Dashboard
import OmnidashCore
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

@Suite("DataTable")
struct DataTableTests {
    let table = DataTable(
        caption: "Daily figures",
        columns: [.init("Product", kind: .text), .init("Revenue", kind: .number), .init("ROAS", kind: .number)],
        rows: [
            [.text("เสื้อยืด <Sale> & \"Free\""), .money(minor: 123_450), .measure(nil)],
            [.date(BusinessDate("2026-11-01")!), .money(minor: -500), .measure(.multiple(3.5))],
        ],
        footer: [.text("Total"), .money(minor: 122_950), .measure(nil)]
    )

    @Test func cellsCarrySortKeysAndAlignment() {
        let html = table.html.render()
        #expect(html.contains("<th scope=\"col\" class=\"align-end\" data-type=\"number\">Revenue</th>"))
        #expect(html.contains("<td class=\"align-end\" data-sort=\"123450\">฿1,234.50</td>"))
        #expect(html.contains("<td class=\"align-end\" data-sort=\"-500\">−฿5.00</td>"))
        #expect(html.contains("<th scope=\"row\" class=\"align-start\" data-sort=\"2026-11-01\">Sun 1 Nov 2026</th>"))
        // A missing figure shows "–" and has no key, so the script sorts it last.
        #expect(html.contains("<td class=\"align-end\">–</td>"))
    }

    @Test func textIsEscapedInCellsAndKeys() {
        let html = table.html.render()
        #expect(html.contains("data-sort=\"เสื้อยืด &lt;Sale&gt; &amp; &quot;Free&quot;\">เสื้อยืด &lt;Sale&gt; &amp; &quot;Free&quot;</th>"))
    }

    @Test func footerIsOutsideTheSortedBodyAndHasNoKeys() {
        let html = table.html.render()
        #expect(html.contains("<tfoot><tr><th scope=\"row\" class=\"align-start\">Total</th>"))
        #expect(html.contains("<table class=\"data-table sortable\"><caption>Daily figures</caption>"))
        #expect(MarkupCheck.tagProblem(html) == nil)
    }
}

@Suite("DateRangeForm")
struct DateRangeFormTests {
    let filters = DashboardFilters(preset: .lastMonth, range: DateRangePreset.lastMonth.range(today: BusinessDate("2026-12-05")!)!)

    @Test func describesRangeAndComparison() {
        let form = DateRangeForm(filters: filters, action: .executive(filters))
        #expect(form.summary == "1 Nov – 30 Nov 2026, compared with 2 Oct – 31 Oct 2026")
    }

    @Test func offersEveryPresetAndACustomRange() {
        let html = DateRangeForm(filters: filters, action: .executive(filters)).html.render()
        for preset in DateRangePreset.allCases {
            #expect(html.contains(">\(preset.label)<"), "missing \(preset.label)")
        }
        #expect(html.contains("<button type=\"submit\" name=\"preset\" value=\"last_month\" class=\"is-current\" aria-current=\"true\">Last month</button>"))
        #expect(html.contains("<input type=\"date\" name=\"from\" value=\"2026-11-01\" required>"))
        #expect(html.contains("<input type=\"date\" name=\"to\" value=\"2026-11-30\" required>"))
        #expect(html.contains("<input type=\"hidden\" name=\"preset\" value=\"custom\">"))
        #expect(html.components(separatedBy: "<form class=").count - 1 == 2)
        #expect(html.contains("method=\"get\" action=\"/\""))
        #expect(MarkupCheck.tagProblem(html) == nil)
    }

    @Test func customRangeMarksApply() {
        let custom = DashboardFilters(preset: .custom, range: filters.range)
        let html = DateRangeForm(filters: custom, action: .executive(custom)).html.render()
        #expect(html.contains("<button type=\"submit\" class=\"is-current\" aria-current=\"true\">Apply</button>"))
        #expect(!html.contains("value=\"last_month\" class=\"is-current\""))
    }
}
