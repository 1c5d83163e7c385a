@testable import Dashboard
import OmnidashCore
import Testing

@Suite("LineChart")
struct LineChartTests {
    func chart(days: Int, revenue: (Int) -> Int64, spend: (Int) -> Int64) -> LineChart {
        let start = BusinessDate("2026-01-01")!
        let dates = (0..<days).map { start.adding(days: $0) }
        return LineChart(title: "Daily revenue and ad spend", dates: dates, series: [
            .init(name: "Revenue", mark: .bars, valuesMinor: (0..<days).map(revenue)),
            .init(name: "Ad spend", mark: .line, valuesMinor: (0..<days).map(spend)),
        ], language: .en)
    }

    func expectValidSVG(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(MarkupCheck.tagProblem(html) == nil, sourceLocation: sourceLocation)
        for value in MarkupCheck.attributeValues(html) {
            let lowered = value.lowercased()
            #expect(!lowered.contains("nan") && !lowered.contains("inf"), "attribute value \(value)",
                    sourceLocation: sourceLocation)
        }
        expectLacks(html, "style=", sourceLocation: sourceLocation)
        expectContains(html, "<svg xmlns=\"http://www.w3.org/2000/svg\"", sourceLocation: sourceLocation)
    }

    @Test func oneDay() {
        let html = chart(days: 1, revenue: { _ in 4_500_000 }, spend: { _ in 700_000 }).html.render()
        expectValidSVG(html)
        #expect(html.components(separatedBy: "class=\"bar\"").count - 1 == 1)
        // A single day has no line to draw, so its spend is a dot.
        expectLacks(html, "<polyline")
        #expect(html.components(separatedBy: "class=\"dot\"").count - 1 == 1)
        expectContains(html, "<title>Thu 1 Jan 2026\nRevenue ฿45,000.00\nAd spend ฿7,000.00</title>")
    }

    @Test func ninetyDays() {
        let html = chart(days: 90, revenue: { Int64($0 % 7) * 1_000_000 }, spend: { Int64($0 % 5) * 300_000 }).html.render()
        expectValidSVG(html)
        expectContains(html, "<polyline")
        // Beyond two months the axis is labelled by month, with the year on the first label.
        expectContains(html, ">Jan 2026</text>")
        expectContains(html, ">Feb</text>")
        expectContains(html, ">Mar</text>")
        #expect(html.components(separatedBy: "<title>").count - 1 == 90)
    }

    @Test func aFullYearThinsItsLabels() {
        let long = chart(days: 366, revenue: { Int64($0) * 10_000 }, spend: { _ in 1_000 })
        let html = long.html.render()
        expectValidSVG(html)
        #expect(long.dateLabels.count <= LineChart.maxLabels)
        #expect(long.dateLabels.first?.1 == "Jan 2026")
        expectLacks(html, "class=\"dot\"")
    }

    @Test func thirtyDaysShowAtMostEightDayLabels() {
        let labels = chart(days: 30, revenue: { _ in 1 }, spend: { _ in 1 }).dateLabels
        #expect(labels.count <= LineChart.maxLabels)
        #expect(labels.first?.1 == "1 Jan")
    }

    @Test func allZerosNeverDivideByZero() {
        let html = chart(days: 30, revenue: { _ in 0 }, spend: { _ in 0 }).html.render()
        expectValidSVG(html)
        expectContains(html, ">฿0</text>")
        expectContains(html, ">฿1k</text>")
        expectLacks(html, "class=\"bar\"")
    }

    @Test func noDatesAtAll() {
        let html = chart(days: 0, revenue: { _ in 0 }, spend: { _ in 0 }).html.render()
        expectValidSVG(html)
    }

    @Test func negativeDaysGrowDownFromZero() {
        let html = chart(days: 3, revenue: { $0 == 1 ? -250_000 : 1_000_000 }, spend: { _ in 0 }).html.render()
        expectValidSVG(html)
        expectContains(html, ">−฿5k</text>")
        expectContains(html, "class=\"grid grid-zero\"")
    }

    @Test func axisTicksAreRound() {
        let scale = ChartScale(covering: [0, 1_234_567])
        #expect(scale.lower == 0)
        #expect(scale.step == 500_000)
        #expect(scale.ticks == [0, 500_000, 1_000_000, 1_500_000])
        #expect(ChartScale(covering: [0, 0]).ticks == [0, 250, 500, 750, 1000])
        let ticks = ChartScale(covering: [.nan, .infinity, 80]).ticks
        #expect(ticks.allSatisfy { $0.isFinite })
    }

    @Test func aSecondAxisLinesUpWithTheFirst() {
        // Revenue to ฿1M in 4 steps; spend of ฿33,224 gets 4 round steps of ฿10k on the right.
        let right = ChartScale(covering: [0, 15_000, 33_224], intervals: 4)
        #expect(right.ticks == [0, 10_000, 20_000, 30_000, 40_000])
        #expect(ChartScale(covering: [0, 0], intervals: 3).ticks.count == 4)
        let html = chart(days: 30, revenue: { _ in 30_000_000 }, spend: { _ in 1_500_000 }).html.render()
        expectContains(html, "class=\"axis axis-y2\"")
        expectContains(html, "Ad spend (right axis)")
    }

    @Test func summaryNamesThePeriodAndTotals() {
        let summary = chart(days: 2, revenue: { _ in 100 }, spend: { _ in 50 }).summary
        #expect(summary == "Daily revenue and ad spend, 1 Jan – 2 Jan 2026; Revenue ฿2.00 in total; Ad spend ฿1.00 in total")
    }
}
