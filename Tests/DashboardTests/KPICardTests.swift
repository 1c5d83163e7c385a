@testable import Dashboard
import Testing

@Suite("KPICard")
struct KPICardTests {
    func card(_ key: String, change: Double?, polarity: DeltaBadge.Polarity) -> KPICard {
        KPICard(KPIValue(key: key, label: .aov, current: .averageMoney(120), previous: .averageMoney(100),
                         change: change, polarity: polarity), language: .en)
    }

    @Test func aRiseInRevenueIsGood() {
        let revenue = KPICard(KPIValue(key: "revenue", label: .revenue, current: .money(minor: 112_300),
                                       previous: .money(minor: 100_000), change: 0.123, polarity: .higherIsBetter), language: .en)
        #expect(revenue.tone == .good)
        #expect(revenue.html.render().contains("class=\"delta delta-good\""))
        #expect(revenue.accessibleText == "Revenue ฿1,123.00, up 12.3\u{00A0}% vs previous period (฿1,000.00)")
    }

    @Test func aFallInRevenueIsBad() {
        #expect(card("revenue", change: -0.04, polarity: .higherIsBetter).tone == .bad)
    }

    @Test func aRiseInCPAIsBad() {
        let cpa = card("cpa", change: 0.2, polarity: .lowerIsBetter)
        #expect(cpa.tone == .bad)
        #expect(cpa.html.render().contains("class=\"delta delta-bad\""))
    }

    @Test func aFallInCPAIsGood() {
        #expect(card("cpa", change: -0.2, polarity: .lowerIsBetter).tone == .good)
    }

    @Test func noChangeIsNeutral() {
        let none = card("cvr", change: nil, polarity: .higherIsBetter)
        #expect(none.tone == .neutral)
        #expect(none.accessibleText.contains("no comparison with the previous period"))
        #expect(card("orders", change: 0.0001, polarity: .higherIsBetter).tone == .neutral)
        #expect(card("orders", change: .nan, polarity: .higherIsBetter).tone == .neutral)
    }

    @Test func spendBadgesStayNeutral() {
        #expect(DeltaBadge(change: 0.5, polarity: .neutral, language: .en).tone == .neutral)
    }

    @Test func cardShowsLabelValuePreviousAndDelta() {
        let html = KPICard(KPIValue(key: "roas", label: .roas, current: .multiple(3.42), previous: nil, change: nil,
                                    polarity: .higherIsBetter), language: .en).html.render()
        expectContains(html, "<h3 class=\"kpi-label\">ROAS</h3>")
        expectContains(html, "<p class=\"kpi-value\">3.42×</p>")
        expectContains(html, "vs –")
        expectContains(html, "data-kpi=\"roas\"")
        expectContains(html, "aria-label=\"ROAS 3.42×, no comparison with the previous period\"")
    }

    @Test func arrowsAreHiddenFromScreenReaders() {
        let html = DeltaBadge(change: -0.25, polarity: .higherIsBetter, language: .en).html.render()
        #expect(html == "<span class=\"delta delta-bad\" title=\"down 25.0\u{00A0}% vs previous period\">"
            + "<span class=\"delta-arrow\" aria-hidden=\"true\">▼</span>−25.0\u{00A0}%</span>")
    }

    @Test func aRiseInAdSpendIsNeitherGoodNorBad() {
        #expect(card("ad_spend", change: 0.3, polarity: .neutral).tone == .neutral)
    }
}
