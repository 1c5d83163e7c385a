import Foundation
import OmnidashCore

/// Exact text for amounts and ratios held as integers, the way the platforms write them.
///
/// The world keeps money as integer minor units (satang, cents) so that every sum is exact; these functions are
/// the only place where those integers become text.
enum AmountText {
    /// `24950` → `"249.5"`, `4800000` → `"48000"`, `5` → `"0.05"`: a JSON number in major units (2 minor digits),
    /// without trailing zeros, as marketplaces that send amounts as JSON numbers write them.
    static func jsonNumber(minor: Int64) -> String {
        let sign = minor < 0 ? "-" : ""
        let magnitude = minor.magnitude
        let whole = magnitude / 100
        let cents = magnitude % 100
        switch cents {
        case 0: return "\(sign)\(whole)"
        case let c where c % 10 == 0: return "\(sign)\(whole).\(c / 10)"
        case let c where c < 10: return "\(sign)\(whole).0\(c)"
        default: return "\(sign)\(whole).\(cents)"
        }
    }

    /// `24950` → `"249.50"`: exactly two decimals, as Meta writes `spend`.
    static func twoDecimals(minor: Int64) -> String {
        Money.format(minorUnits: minor, digits: 2)
    }

    /// `numerator / denominator` rounded half away from zero to `digits` decimals and written with exactly that many
    /// digits (`"154.519231"`), as Meta writes `cpc`, `cpm`, `ctr` and `frequency`.
    static func ratio(_ numerator: Int64, _ denominator: Int64, digits: Int = 6) -> String {
        precondition(denominator != 0, "ratio over zero")
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude, d = denominator.magnitude
        // Multiply by the scale with 128-bit headroom, then round half away from zero.
        let product = n.multipliedFullWidth(by: UInt64(scale))
        let (quotient, remainder) = d.dividingFullWidth(product)
        let rounded = remainder * 2 >= d ? quotient + 1 : quotient
        let text = Money.format(minorUnits: Int64(rounded), digits: digits)
        return negative && rounded != 0 ? "-" + text : text
    }

    /// A rate held in ten-thousandths (`351234`) as `"35.1234"`.
    static func rate(tenThousandths: Int64) -> String {
        Money.format(minorUnits: tenThousandths, digits: 4)
    }

    /// Rounds `value` half away from zero to an integer; the one rounding rule for converting with a rate.
    static func roundHalfAwayFromZero(_ value: Decimal) -> Int64 {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 0, .plain)
        return NSDecimalNumber(decimal: output).int64Value
    }
}
