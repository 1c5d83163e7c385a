import Foundation
import OmnidashCore
import Testing

@Suite("Business dates and the Bangkok calendar")
struct BusinessDateTests {
    @Test func parsesAndPrintsISODates() throws {
        let date = try #require(BusinessDate("2026-11-11"))
        #expect(date.description == "2026-11-11")
        #expect((date.year, date.month, date.day) == (2026, 11, 11))
        #expect(date.weekday == 3, "11 November 2026 is a Wednesday")
        #expect(BusinessDate("2026-02-30") == nil)
        #expect(BusinessDate("2026-1-01") == nil)
        #expect(BusinessDate("20261101") == nil)
    }

    @Test func monthArithmeticClampsToShorterMonths() throws {
        #expect(BusinessDate("2024-03-31")!.adding(months: -1).description == "2024-02-29")
        #expect(BusinessDate("2025-03-31")!.adding(months: -1).description == "2025-02-28")
        #expect(BusinessDate("2026-01-15")!.adding(months: -2).description == "2025-11-15")
        #expect(BusinessDate("2026-12-31")!.adding(months: 2).description == "2027-02-28")
    }

    @Test func bangkokDayBoundariesAreSevenHoursAheadOfUTC() throws {
        let calendar = BusinessCalendar.bangkok
        // 2026-11-10T17:00:00Z is midnight on 11 November in Bangkok.
        #expect(calendar.date(unixSeconds: 1_794_330_000).description == "2026-11-11")
        #expect(calendar.date(unixSeconds: 1_794_329_999).description == "2026-11-10")
        let day = try #require(BusinessDate("2026-11-11"))
        #expect(calendar.instants(of: day) == 1_794_330_000..<1_794_416_400)
    }

    @Test func presetsEndYesterdayAndCompareWithAnEqualPeriod() throws {
        let today = try #require(BusinessDate("2026-11-25"))
        let last7 = try #require(DateRangePreset.last7Days.range(today: today))
        #expect(last7.description == "2026-11-18…2026-11-24")
        #expect(last7.previousPeriod.description == "2026-11-11…2026-11-17")
        #expect(DateRangePreset.yesterday.range(today: today)?.description == "2026-11-24")
        #expect(DateRangePreset.thisMonth.range(today: today)?.description == "2026-11-01…2026-11-24")
        #expect(DateRangePreset.lastMonth.range(today: today)?.description == "2026-10-01…2026-10-31")
        #expect(DateRangePreset.lastMonth.range(today: today)?.previousPeriod.description == "2026-08-31…2026-09-30")
        #expect(DateRangePreset.thisMonth.range(today: BusinessDate("2026-12-01")!)?.description == "2026-12-01")
    }
}
