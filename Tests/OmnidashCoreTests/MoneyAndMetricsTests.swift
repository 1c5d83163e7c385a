import Foundation
import OmnidashCore
import Testing

@Suite("Money and metrics")
struct MoneyAndMetricsTests {
    @Test func moneyIsExactToTheSatang() throws {
        let amount = try #require(Decimal(exactly: "249.50"))
        #expect(Money(amount, currency: .thb).minorUnits == 24_950)
        // 0.1 + 0.2 in Double is 0.30000000000000004; in satang it is 30.
        let sum = Money(Decimal(exactly: "0.1")!, currency: .thb) + Money(Decimal(exactly: "0.2")!, currency: .thb)
        #expect(sum.minorUnits == 30)
        #expect(Money(minorUnits: -1205, currency: .thb).description == "-12.05 THB")
    }

    @Test func conversionRoundsOnceHalfAwayFromZero() throws {
        let spend = Money(Decimal(exactly: "12.35")!, currency: .usd)
        // 12.35 × 35.1234 = 433.773990 → 433.77
        #expect(spend.converted(to: .thb, rate: Decimal(exactly: "35.1234")!).minorUnits == 43_377)
        // 0.01 × 0.5 = 0.005 → 0.01 (half away from zero)
        #expect(Money(minorUnits: 1, currency: .usd).converted(to: .thb, rate: Decimal(exactly: "0.5")!).minorUnits == 1)
    }

    @Test func amountsParseOnlyAsPlainDecimals() {
        #expect(Decimal(exactly: "48000") == 48000)
        #expect(Decimal(exactly: "-0.5") == Decimal(string: "-0.5"))
        #expect(Decimal(exactly: "12abc") == nil)
        #expect(Decimal(exactly: "") == nil)
        #expect(Decimal(exactly: "1.2.3") == nil)
        #expect(Decimal(exactly: "abc") == nil)
    }

    @Test func ratiosOverZeroHaveNoValue() {
        #expect(Metrics.roas(revenueMinor: 100_000, spendMinor: 0) == nil)
        #expect(Metrics.roas(revenueMinor: 300_000, spendMinor: 100_000) == 3)
        #expect(Metrics.cpa(spendMinor: 50_000, conversions: 0) == nil)
        #expect(Metrics.cpa(spendMinor: 50_000, conversions: 4) == 125)
        #expect(Metrics.ctr(clicks: 5, impressions: 0) == nil)
        #expect(Metrics.cvr(conversions: 1, clicks: 4) == 0.25)
        #expect(Metrics.cpm(spendMinor: 10_000, impressions: 2_000) == 50)
        #expect(Metrics.change(120, from: 100) == 0.2)
        #expect(Metrics.change(120, from: 0) == nil)
        #expect(Metrics.change(nil, from: 100) == nil)
    }

    /// Integer staging rounds to the satang exactly as `Money` does from a `Decimal`: half away from zero.
    @Test(arguments: ["0.005", "-0.005", "0.0049", "12.345", "-12.345", "1.5", "0.999999", "48000"])
    func fixedDecimalRoundsLikeMoney(text: String) throws {
        let amount = try #require(FixedDecimal(text))
        for currency in [Currency.thb, Currency("VND")] {
            #expect(amount.minorUnits(digits: currency.minorUnitDigits) == Money(Decimal(string: text)!, currency: currency).minorUnits,
                    "\(text) in \(currency)")
        }
    }
}

