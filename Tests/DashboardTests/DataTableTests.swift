@testable import Dashboard
import OmnidashCore
import Testing

@Suite("DataTable")
struct DataTableTests {
    let table = DataTable(
        caption: "Daily figures",
        columns: [.init("Product", kind: .text), .init("Revenue", kind: .number), .init("ROAS", kind: .number)],
        rows: [
            [.text("เสื้อยืด <Sale> & \"Free\""), .money(minor: 123_450), .measure(nil)],
            [.date(BusinessDate("2026-11-01")!, in: .en), .money(minor: -500), .measure(.multiple(3.5))],
        ],
        footer: [.text("Total"), .money(minor: 122_950), .measure(nil)]
    )

    @Test func cellsCarrySortKeysAndAlignment() {
        let html = table.html.render()
        expectContains(html, "<th scope=\"col\" class=\"align-end\" data-type=\"number\">Revenue</th>")
        expectContains(html, "<td class=\"align-end\" data-sort=\"123450\">฿1,234.50</td>")
        expectContains(html, "<td class=\"align-end\" data-sort=\"-500\">−฿5.00</td>")
        expectContains(html, "<th scope=\"row\" class=\"align-start\" data-sort=\"2026-11-01\">Sun 1 Nov 2026</th>")
        // A missing figure shows "–" and has no key, so the script sorts it last.
        expectContains(html, "<td class=\"align-end\">–</td>")
    }

    @Test func textIsEscapedInCellsAndKeys() {
        let html = table.html.render()
        expectContains(html, "data-sort=\"เสื้อยืด &lt;Sale&gt; &amp; &quot;Free&quot;\">เสื้อยืด &lt;Sale&gt; &amp; &quot;Free&quot;</th>")
    }

    @Test func footerIsOutsideTheSortedBodyAndHasNoKeys() {
        let html = table.html.render()
        expectContains(html, "<tfoot><tr><th scope=\"row\" class=\"align-start\">Total</th>")
        expectContains(html, "<table class=\"data-table sortable\"><caption>Daily figures</caption>")
        #expect(MarkupCheck.tagProblem(html) == nil)
    }
}
