@testable import Dashboard
import OmnidashCore
import Testing

@Suite("Format")
struct FormatTests {
    let nbsp = "\u{00A0}"

    @Test func moneyFromMinorUnits() {
        #expect(Format.money(minor: 123_456_750) == "฿1,234,567.50")
        #expect(Format.money(minor: 0) == "฿0.00")
        #expect(Format.money(minor: 5) == "฿0.05")
        #expect(Format.money(minor: -1200) == "−฿12.00")
        #expect(Format.money(minor: 99_999_999_999_999) == "฿999,999,999,999.99")
        #expect(Format.money(minor: .min) == "−฿92,233,720,368,547,758.08")
        #expect(Format.money(minor: nil) == "–")
    }

    @Test func averageMoneyRoundsToTheSatang() {
        #expect(Format.money(major: 245.166) == "฿245.17")
        #expect(Format.money(major: -0.004) == "฿0.00")
        #expect(Format.money(major: nil) == "–")
        #expect(Format.money(major: .nan) == "–")
    }

    @Test(arguments: [
        (0.0, "฿0"), (350, "฿350"), (999.4, "฿999"), (1_000, "฿1k"), (12_500, "฿12.5k"), (350_000, "฿350k"),
        (999_999, "฿1M"), (1_200_000, "฿1.2M"), (1_250_000, "฿1.25M"), (1_234_567, "฿1.23M"), (3_450_000_000, "฿3.45B"),
        (-12_000, "−฿12k"), (0.5, "฿0.5"),
    ])
    func compactMoney(value: Double, expected: String) {
        #expect(Format.compactMoney(major: value) == expected)
    }

    @Test func compactMoneyFromMinorUnitsAndMissing() {
        #expect(Format.compactMoney(minor: 35_000_000) == "฿350k")
        #expect(Format.compactMoney(major: nil) == "–")
        #expect(Format.compactMoney(major: .infinity) == "–")
    }

    @Test func integersAreGrouped() {
        #expect(Format.integer(0) == "0")
        #expect(Format.integer(999) == "999")
        #expect(Format.integer(1000) == "1,000")
        #expect(Format.integer(1_234_567) == "1,234,567")
        #expect(Format.integer(-42_000) == "−42,000")
        #expect(Format.integer(nil) == "–")
    }

    @Test func multiples() {
        #expect(Format.multiple(3.4249) == "3.42×")
        #expect(Format.multiple(0) == "0.00×")
        #expect(Format.multiple(1234.5) == "1,234.50×")
        #expect(Format.multiple(nil) == "–")
        #expect(Format.multiple(.infinity) == "–")
    }

    @Test func percentages() {
        #expect(Format.percent(0.0123) == "1.23\(nbsp)%")
        #expect(Format.percent(0) == "0.00\(nbsp)%")
        #expect(Format.percent(1) == "100.00\(nbsp)%")
        #expect(Format.percent(-0.05) == "−5.00\(nbsp)%")
        #expect(Format.percent(nil) == "–")
        #expect(Format.percent(.nan) == "–")
    }

    @Test func deltasCarryTheirSign() {
        #expect(Format.delta(0.123) == "+12.3\(nbsp)%")
        #expect(Format.delta(-0.04) == "−4.0\(nbsp)%")
        #expect(Format.delta(0) == "0.0\(nbsp)%")
        #expect(Format.delta(0.0004) == "0.0\(nbsp)%")
        #expect(Format.delta(-0.0004) == "0.0\(nbsp)%")
        #expect(Format.delta(12.5) == "+1,250.0\(nbsp)%")
        #expect(Format.delta(-1) == "−100.0\(nbsp)%")
        #expect(Format.delta(nil) == "–")
    }

    @Test func measuresFormatByKind() {
        #expect(Format.measure(.money(minor: 150)) == "฿1.50")
        #expect(Format.measure(.count(12_000)) == "12,000")
        #expect(Format.measure(.multiple(3.42)) == "3.42×")
        #expect(Format.measure(.percent(0.0123)) == "1.23\(nbsp)%")
        #expect(Format.measure(.averageMoney(519.999)) == "฿520.00")
        #expect(Format.measure(nil) == "–")
    }

    @Test func datesAndRanges() {
        let nov1 = BusinessDate("2026-11-01")!
        let nov30 = BusinessDate("2026-11-30")!
        #expect(Format.date(nov1, in: .en) == "1 Nov 2026")
        #expect(Format.shortDate(nov30, in: .en) == "30 Nov")
        #expect(Format.dayWithWeekday(nov1, in: .en) == "Sun 1 Nov 2026")
        #expect(Format.dateRange(DateRange(start: nov1, end: nov30), in: .en) == "1 Nov – 30 Nov 2026")
        #expect(Format.dateRange(DateRange(start: BusinessDate("2025-12-15")!, end: BusinessDate("2026-01-14")!), in: .en)
            == "15 Dec 2025 – 14 Jan 2026")
        #expect(Format.dateRange(DateRange(start: nov30, end: nov30), in: .en) == "30 Nov 2026")
    }

    @Test(arguments: [
        ("2026-11-25T06:30:00Z", "2026-11-25 06:30 UTC"),
        ("2026-11-25 06:30:59.123456+00:00", "2026-11-25 06:30 UTC"),
        ("2026-11-25T06:30", "2026-11-25 06:30 UTC"),
        ("2026-11-25T13:30:00+07:00", "2026-11-25T13:30:00+07:00"),
        ("yesterday", "yesterday"),
    ])
    func timestamps(iso: String, expected: String) {
        #expect(Format.timestamp(iso, in: .en) == expected)
    }
}
