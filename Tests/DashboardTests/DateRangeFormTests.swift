@testable import Dashboard
import OmnidashCore
import Testing

@Suite("DateRangeForm")
struct DateRangeFormTests {
    let filters = DashboardFilters(preset: .lastMonth, range: DateRangePreset.lastMonth.range(today: BusinessDate("2026-12-05")!)!)

    @Test func describesRangeAndComparison() {
        let form = DateRangeForm(filters: filters, action: .executive(filters), language: .en)
        #expect(form.summary == "1 Nov – 30 Nov 2026, compared with 2 Oct – 31 Oct 2026")
    }

    @Test func offersEveryPresetAndACustomRange() {
        let html = DateRangeForm(filters: filters, action: .executive(filters), language: .en).html.render()
        for preset in DateRangePreset.allCases {
            expectContains(html, ">\(Language.en.text(preset.textKey))<")
        }
        expectContains(html, "<button type=\"submit\" name=\"preset\" value=\"last_month\" class=\"is-current\" aria-current=\"true\">Last month</button>")
        expectContains(html, "<input type=\"date\" name=\"from\" value=\"2026-11-01\" required>")
        expectContains(html, "<input type=\"date\" name=\"to\" value=\"2026-11-30\" required>")
        expectContains(html, "<input type=\"hidden\" name=\"preset\" value=\"custom\">")
        #expect(html.components(separatedBy: "<form class=").count - 1 == 2)
        expectContains(html, "method=\"get\" action=\"/\"")
        #expect(MarkupCheck.tagProblem(html) == nil)
    }

    @Test func customRangeMarksApply() {
        let custom = DashboardFilters(preset: .custom, range: filters.range)
        let html = DateRangeForm(filters: custom, action: .executive(custom), language: .en).html.render()
        expectContains(html, "<button type=\"submit\" class=\"is-current\" aria-current=\"true\">Apply</button>")
        expectLacks(html, "value=\"last_month\" class=\"is-current\"")
    }
}
