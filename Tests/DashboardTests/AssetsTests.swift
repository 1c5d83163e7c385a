@testable import Dashboard
import Testing

@Suite("Assets")
struct AssetsTests {
    @Test func stylesheetStaysSelfContained() {
        #expect(!Assets.stylesheet.contains("@import"))
        #expect(!Assets.stylesheet.contains("url("))
        #expect(Assets.stylesheet.contains("prefers-color-scheme: dark"))
        #expect(Assets.stylesheet.contains("@media print"))
    }

    @Test func stylesheetBracesBalance() {
        #expect(Assets.stylesheet.filter { $0 == "{" }.count == Assets.stylesheet.filter { $0 == "}" }.count)
    }

    @Test func scriptNeedsNothingTheCSPForbids() {
        for forbidden in ["eval(", "new Function", "innerHTML", ".style", "setAttribute(\"style"] {
            #expect(!Assets.script.contains(forbidden), "script uses \(forbidden)")
        }
        #expect(Assets.script.contains("table.sortable"))
        #expect(Assets.script.contains("data-sort"))
    }
}
