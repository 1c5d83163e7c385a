import Foundation

/// An exact decimal amount held as a whole number of millionths: how money travels from a platform's text to
/// staging without `Decimal` arithmetic or `Double`.
///
/// Six places cover every amount the platforms send (two for THB and USD, none for VND, up to four in unit
/// prices) with room to multiply by a quantity; a text with more significant places is refused, never rounded,
/// so an amount is either exact or rejected with a reason.
public struct FixedDecimal: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The amount in millionths: `12.5` is `12_500_000`.
    public var micros: Int64

    public static let places = 6
    public static let scale: Int64 = 1_000_000

    public init(micros: Int64) {
        self.micros = micros
    }

    public init(_ whole: Int64) {
        micros = whole * Self.scale
    }

    /// Parses `12`, `-0.5`, `48000.00`, `1e3`; `nil` for anything that is not a plain JSON number, for more than six
    /// significant decimal places, or for an amount beyond about ±9.2 trillion.
    public init?(_ text: some StringProtocol) {
        guard let value = text.utf8.withContiguousStorageIfAvailable({ Self.parse($0) }) ?? Self.parse(Array(text.utf8)[...]) else {
            return nil
        }
        self = value
    }

    /// The JSON number grammar over bytes, scaled to millionths with overflow checks.
    public static func parse(_ bytes: some Collection<UInt8>) -> FixedDecimal? {
        var iterator = bytes.makeIterator()
        var next = iterator.next()
        var negative = false
        if next == UInt8(ascii: "-") { negative = true; next = iterator.next() }
        var units: Int64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawPoint = false
        var exponent = 0
        var exponentNegative = false
        var sawExponent = false
        var exponentDigits = 0
        var leadingZero = false
        while let byte = next {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9") where !sawExponent:
                let digit = Int64(byte - UInt8(ascii: "0"))
                if !sawPoint {
                    // JSON allows no leading zeros: `0` alone, or `0.x`.
                    if leadingZero { return nil }
                    if digits == 0, digit == 0 { leadingZero = true }
                } else {
                    fractionDigits += 1
                }
                digits += 1
                if fractionDigits > places {
                    // Places beyond the sixth must be zeros: anything else cannot be held exactly.
                    guard digit == 0 else { return nil }
                } else {
                    let (shifted, overflow1) = units.multipliedReportingOverflow(by: 10)
                    let (added, overflow2) = shifted.addingReportingOverflow(digit)
                    if overflow1 || overflow2 { return nil }
                    units = added
                }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                exponentDigits += 1
                exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                if exponent > 40 { return nil }
            case UInt8(ascii: ".") where !sawPoint && !sawExponent && digits > 0:
                sawPoint = true
                // A point must be followed by a digit.
                guard let following = iterator.next(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(following) else { return nil }
                next = following
                continue
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard !sawExponent, digits > 0 else { return nil }
                sawExponent = true
                next = iterator.next()
                if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") {
                    exponentNegative = next == UInt8(ascii: "-")
                    next = iterator.next()
                }
                continue
            default:
                return nil
            }
            next = iterator.next()
        }
        guard digits > 0, !sawExponent || exponentDigits > 0 else { return nil }
        // units holds the digits with min(fractionDigits, places) places; bring it to exactly `places`, then apply
        // the exponent.
        var shift = places - min(fractionDigits, places) + (exponentNegative ? -exponent : exponent)
        while shift > 0 {
            let (shifted, overflow) = units.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            units = shifted
            shift -= 1
        }
        while shift < 0 {
            guard units % 10 == 0 else { return nil }
            units /= 10
            shift += 1
        }
        return FixedDecimal(micros: negative ? -units : units)
    }

    public static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool { lhs.micros < rhs.micros }

    public static func + (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal { FixedDecimal(micros: lhs.micros + rhs.micros) }

    public static func - (lhs: FixedDecimal, rhs: FixedDecimal) -> FixedDecimal { FixedDecimal(micros: lhs.micros - rhs.micros) }

    /// The amount times a whole quantity; `nil` on overflow.
    public func multiplied(by quantity: Int64) -> FixedDecimal? {
        let (product, overflow) = micros.multipliedReportingOverflow(by: quantity)
        return overflow ? nil : FixedDecimal(micros: product)
    }

    /// The amount in `digits` minor places (2 for satang), rounded half away from zero: the rounding rule of `Money`.
    public func minorUnits(digits: Int) -> Int64 {
        precondition((0...Self.places).contains(digits), "a currency with \(digits) minor digits")
        var divisor: Int64 = 1
        for _ in 0..<(Self.places - digits) { divisor *= 10 }
        let quotient = micros / divisor
        let remainder = (micros % divisor).magnitude
        return remainder * 2 >= divisor.magnitude ? quotient + (micros < 0 ? -1 : 1) : quotient
    }

    /// The exact `Decimal`, for the cold paths that convert between currencies.
    public var decimal: Decimal {
        Decimal(micros) / Decimal(Self.scale)
    }

    /// The shortest exact text, as `Decimal` writes it: `12.5`, `48000`, `-0.05`.
    public var description: String {
        let magnitude = micros.magnitude
        let whole = magnitude / UInt64(Self.scale)
        var fraction = magnitude % UInt64(Self.scale)
        let sign = micros < 0 ? "-" : ""
        guard fraction > 0 else { return "\(sign)\(whole)" }
        var places = Self.places
        while fraction % 10 == 0 { fraction /= 10; places -= 1 }
        let text = String(fraction)
        return "\(sign)\(whole).\(String(repeating: "0", count: places - text.count))\(text)"
    }
}
