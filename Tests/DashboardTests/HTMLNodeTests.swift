@testable import Dashboard
import OmnidashCore
import Testing

@Suite("HTMLNode")
struct HTMLNodeTests {
    @Test func textIsEscaped() {
        let node = HTMLNode.p { "<script>alert('x')</script> & \"more\"" }
        #expect(node.render() == "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;</p>")
    }

    @Test func attributeValuesAreEscaped() {
        let node = HTMLNode.span(.title("\"><script>alert(1)</script>"), .data("name", "Tom & Jerry's")) { "x" }
        #expect(node.render()
            == "<span title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" data-name=\"Tom &amp; Jerry&#39;s\">x</span>")
    }

    @Test func thaiTextRendersIntact() {
        let name = "เสื้อยืดคอกลม ผ้าฝ้าย 100% สีขาว"
        let node = HTMLNode.td(.title(name)) { name }
        #expect(node.render() == "<td title=\"\(name)\">\(name)</td>")
    }

    @Test func thaiTextWithSpecialCharactersEscapesOnlyThem() {
        #expect(HTMLNode.text("ลดราคา <50%> & ส่งฟรี").render() == "ลดราคา &lt;50%&gt; &amp; ส่งฟรี")
    }

    @Test func trustedMarkupIsWrittenVerbatim() {
        #expect(HTMLNode.trusted("<!DOCTYPE html>").render() == "<!DOCTYPE html>")
    }

    @Test func voidElementsHaveNoEndTagAndBooleanAttributesNoValue() {
        let node = HTMLNode.fragment {
            HTMLNode.input(.type("date"), .name("from"), .required)
            HTMLNode.meta(.charset("utf-8"))
        }
        #expect(node.render() == "<input type=\"date\" name=\"from\" required><meta charset=\"utf-8\">")
    }

    @Test func emptyNonVoidElementsAreClosed() {
        #expect(HTMLNode.rect(.x(1), .y(2)).render() == "<rect x=\"1\" y=\"2\"></rect>")
        #expect(HTMLNode.script(.src(.script), .defer).render() == "<script src=\"/assets/omnidash.js\" defer></script>")
    }

    @Test func builderSupportsConditionalsLoopsAndComponents() {
        let show = false
        let node = HTMLNode.ul {
            for number in 1...2 {
                HTMLNode.li { "Item \(number)" }
            }
            if show {
                HTMLNode.li { "hidden" }
            } else {
                HTMLNode.li { DeltaBadge(change: nil, polarity: .neutral, language: .en) }
            }
        }
        let html = node.render()
        #expect(html.hasPrefix("<ul><li>Item 1</li><li>Item 2</li><li><span class=\"delta delta-neutral\""))
        expectLacks(html, "hidden")
    }

    @Test func indentedStyleBreaksOnlyBetweenBlockElements() {
        let node = HTMLNode.div(.class("card")) {
            HTMLNode.h2 { "Revenue" }
            HTMLNode.p {
                "Up "
                HTMLNode.strong { "12 %" }
            }
            HTMLNode.ul {
                HTMLNode.li { "a" }
            }
        }
        #expect(node.render(.indented) == """
            <div class="card">
              <h2>Revenue</h2>
              <p>Up <strong>12 %</strong></p>
              <ul>
                <li>a</li>
              </ul>
            </div>

            """)
        #expect(node.render() == "<div class=\"card\"><h2>Revenue</h2><p>Up <strong>12 %</strong></p><ul><li>a</li></ul></div>")
    }

    @Test func documentStartsWithDoctype() {
        let html = HTMLNode.document { HTMLNode.body { "x" } }.render()
        #expect(html == "<!DOCTYPE html><html lang=\"en\"><body>x</body></html>")
    }

    @Test func linksComeFromRoutes() {
        let filters = DashboardFilters(preset: .last7Days, range: DateRangePreset.last7Days.range(today: BusinessDate("2026-11-25")!)!)
        #expect(HTMLNode.a(.href(.executiveCSV(filters))) { "CSV" }.render()
            == "<a href=\"/executive.csv?preset=last_7_days\">CSV</a>")
        #expect(HTMLNode.form(.action(.executive(filters))) {}.render() == "<form action=\"/\"></form>")
    }

    @Test(arguments: [
        (0.0, "0"), (-0.001, "0"), (1.5, "1.5"), (1.25, "1.25"), (1.006, "1.01"), (-3.1, "-3.1"), (720, "720"),
        (Double.nan, "0"), (Double.infinity, "0"), (-Double.infinity, "0"), (0.07, "0.07"),
    ])
    func svgNumbersAreShortAndFinite(value: Double, expected: String) {
        #expect(HTMLAttribute.svgNumber(value) == expected)
    }
}
