/// The metric definitions of DESIGN §7, written once for Swift; the mart SQL follows the same formulas.
///
/// A ratio whose denominator is zero has no value (`nil`, shown as "–"), never 0 or infinity.
public enum Metrics {
    /// ROAS = revenue / ad spend.
    public static func roas(revenueMinor: Int64, spendMinor: Int64) -> Double? {
        ratio(Double(revenueMinor), Double(spendMinor))
    }

    /// CPA = ad spend / conversions, in major currency units.
    public static func cpa(spendMinor: Int64, conversions: Int64, minorDigits: Int = 2) -> Double? {
        ratio(Double(spendMinor) / pow10(minorDigits), Double(conversions))
    }

    /// CTR = clicks / impressions, as a fraction (0.0123 is 1.23 %).
    public static func ctr(clicks: Int64, impressions: Int64) -> Double? { ratio(Double(clicks), Double(impressions)) }

    /// CVR = conversions / clicks, as a fraction.
    public static func cvr(conversions: Int64, clicks: Int64) -> Double? { ratio(Double(conversions), Double(clicks)) }

    /// CPC = spend / clicks, in major units.
    public static func cpc(spendMinor: Int64, clicks: Int64, minorDigits: Int = 2) -> Double? {
        ratio(Double(spendMinor) / pow10(minorDigits), Double(clicks))
    }

    /// CPM = spend / impressions × 1000, in major units.
    public static func cpm(spendMinor: Int64, impressions: Int64, minorDigits: Int = 2) -> Double? {
        ratio(Double(spendMinor) / pow10(minorDigits) * 1000, Double(impressions))
    }

    /// AOV = revenue / orders, in major units.
    public static func aov(revenueMinor: Int64, orders: Int64, minorDigits: Int = 2) -> Double? {
        ratio(Double(revenueMinor) / pow10(minorDigits), Double(orders))
    }

    /// Refund rate = refunded / gross.
    public static func refundRate(refunded: Int64, gross: Int64) -> Double? { ratio(Double(refunded), Double(gross)) }

    /// Relative change of `current` against `previous` (0.25 is +25 %); `nil` when there is nothing to compare with.
    public static func change(_ current: Double?, from previous: Double?) -> Double? {
        guard let current, let previous, previous != 0 else { return nil }
        return (current - previous) / previous
    }

    static func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        denominator == 0 ? nil : numerator / denominator
    }

    private static func pow10(_ digits: Int) -> Double {
        var value = 1.0
        for _ in 0..<digits { value *= 10 }
        return value
    }
}
