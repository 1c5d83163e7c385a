@testable import Dashboard
import OmnidashCore
import Testing

@Suite("Ads tables")
struct AdsTableTests {
    @Test func aFigureThePlatformDoesNotReportIsADashWithTheReasonNotZero() {
        var figures = AdFigures()
        figures.spendMinor = 1_234_56
        figures.impressions = 10_000
        figures.clicks = 150
        figures.engagement = 42
        let cells = AdsTable.figureCells(figures, platform: .googleAds, language: .en)
        let videoViews = cells[AdsTable.figureColumns.firstIndex(of: .videoViews)!]
        #expect(videoViews.text == "–")
        #expect(videoViews.hint == "Google Ads does not report this figure")
        #expect(videoViews.sortValue == nil, "sorts last, not as zero")
        #expect(cells[AdsTable.figureColumns.firstIndex(of: .engagement)!].text == "42")
        let html = DataTable(caption: "Ads", columns: AdsTable.figureColumns.map { DataTable.Column("\($0)", kind: .number) },
                             rows: [cells]).html.render()
        expectContains(html, "title=\"Google Ads does not report this figure\">–</td>")
        let thai = AdsTable.figureCells(figures, platform: .googleAds, language: .th)[AdsTable.figureColumns.firstIndex(of: .videoViews)!]
        #expect(thai.hint == "Google Ads ไม่ได้รายงานตัวเลขนี้")
    }

    @Test func totalsOfPlatformsThatReportNothingStayUnreported() {
        var meta = AdFigures(), google = AdFigures()
        meta.videoViews = 500
        google.spendMinor = 100
        let sum = meta + google
        #expect(sum.videoViews == 500, "one platform's views are the total's")
        #expect(sum.engagement == nil, "no platform reported engagement")
        #expect(sum.spendMinor == 100)
    }

    @Test func ratiosComeFromTheSums() {
        var figures = AdFigures()
        figures.spendMinor = 50_000
        figures.impressions = 20_000
        figures.clicks = 400
        figures.conversions = 8
        figures.conversionValueMinor = 200_000
        #expect(figures.roas == 4)
        #expect(figures.cpa == 62.5)
        #expect(figures.cpc == 1.25)
        #expect(figures.cpm == 25)
        #expect(figures.ctr == 0.02)
    }

    @Test func statusReadsInWordsAndSortsPoorFirst() {
        #expect(AdsTable.status("poor", language: .en).text == "Poor")
        #expect(AdsTable.status("poor", language: .en).sortValue == "1")
        #expect(AdsTable.status("good", language: .th).text == "ดี")
        #expect(AdsTable.status(nil, language: .en).text == "–")
    }
}
