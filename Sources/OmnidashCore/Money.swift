import Foundation

/// An exact amount in one currency, held as an integer count of minor units (satang for THB).
///
/// Amounts enter Omnidash as `Decimal` parsed from the platform's text and leave it as integers, so that
/// sums over millions of rows reconcile to the satang; nothing passes through `Double`.
public struct Money: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var minorUnits: Int64
    public var currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Rounds `amount` (in major units) to the currency's minor unit, half away from zero.
    public init(_ amount: Decimal, currency: Currency) {
        let scaled = Money.round(amount * Money.power(currency.minorUnitDigits))
        self.init(minorUnits: Int64(truncating: NSDecimalNumber(decimal: scaled)), currency: currency)
    }

    /// The amount in major units, exactly.
    public var decimal: Decimal {
        Decimal(minorUnits) / Money.power(currency.minorUnitDigits)
    }

    /// Converts to `target` at `rate` (units of `target` per unit of `currency`), rounding once to the
    /// target's minor unit. This is the one rounding rule for currency conversion.
    public func converted(to target: Currency, rate: Decimal) -> Money {
        if target == currency { return self }
        return Money(decimal * rate, currency: target)
    }

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding \(lhs.currency) to \(rhs.currency)")
        return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
    }

    public static func * (lhs: Money, rhs: Int64) -> Money {
        Money(minorUnits: lhs.minorUnits * rhs, currency: lhs.currency)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }

    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    /// `1234.50 THB`: the major-unit amount with exactly the currency's minor digits.
    public var description: String {
        "\(Money.format(minorUnits: minorUnits, digits: currency.minorUnitDigits)) \(currency.code)"
    }

    /// Formats minor units as a plain decimal string (`-12.05`), for CSV, JSON and SQL text.
    public static func format(minorUnits: Int64, digits: Int) -> String {
        guard digits > 0 else { return String(minorUnits) }
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<digits { divisor *= 10 }
        let fraction = String(magnitude % divisor)
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        return "\(sign)\(magnitude / divisor).\(padded)"
    }

    static func power(_ digits: Int) -> Decimal {
        var result = Decimal(1)
        for _ in 0..<digits { result *= 10 }
        return result
    }

    static func round(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 0, .plain)
        return output
    }
}

extension Decimal {
    /// Parses a platform amount written as text (`"14.35"`, `"48000"`, `"-0.5"`), refusing anything that
    /// is not a plain decimal number; `Decimal(string:)` alone accepts trailing garbage such as `"12abc"`.
    public init?(exactly text: String) {
        var sawDigit = false
        var sawPoint = false
        for (index, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9": sawDigit = true
            case "." where !sawPoint: sawPoint = true
            case "-" where index == 0, "+" where index == 0: break
            default: return nil
            }
        }
        guard sawDigit, let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            return nil
        }
        self = value
    }
}
