/// How the dashboard writes figures, in one place so every page agrees.
///
/// Money is Thai baht (`฿1,234,567.50`); a negative number takes a true minus sign (`−฿12.00`);
/// percentages put a no-break space before the sign (`1.23 %`); a missing value is an en dash (`–`).
/// Every function returns `missing` for `nil` and for a non-finite number.
public enum Format {
    /// What a figure with no value (a ratio over zero, an unknown) shows.
    public static let missing = "–"
    /// The currency sign of the reporting currency.
    public static let currencySign = "฿"
    /// U+2212 MINUS SIGN: the same width as a plus sign, so columns of deltas line up.
    public static let minus = "\u{2212}"
    /// U+00A0 NO-BREAK SPACE between a number and `%`, so the sign never wraps onto its own line.
    public static let percentSpace = "\u{00A0}"

    // MARK: Money

    /// Money from minor units (satang): `฿1,234,567.50`, `−฿12.00`, `฿0.00`.
    public static func money(minor: Int64?) -> String {
        guard let minor else { return missing }
        let magnitude = minor.magnitude
        let fraction = magnitude % 100
        let cents = (fraction < 10 ? "0" : "") + String(fraction)
        return sign(negative: minor < 0) + currencySign + grouped(magnitude / 100) + "." + cents
    }

    /// Money in major units that is an average (AOV, CPA), rounded to the satang: `฿245.17`.
    public static func money(major: Double?) -> String {
        guard let major, major.isFinite, abs(major) < 9e16 else { return missing }
        return money(minor: Int64((major * 100).rounded()))
    }

    /// Money shortened for chart axes and tight spaces, to three significant digits:
    /// `฿0`, `฿350`, `฿12.5k`, `฿350k`, `฿1.2M`, `฿3.45B`.
    public static func compactMoney(major: Double?) -> String {
        guard let major, major.isFinite else { return missing }
        var scaled = abs(major)
        var unit = 0
        let suffixes = ["", "k", "M", "B", "T"]
        // Move up a unit while the rounded figure would read 1000 or more (999,999 is ฿1M, not ฿1000k).
        while unit < suffixes.count - 1, rounded(scaled, decimals: decimals(forCompact: scaled)) >= 1000 {
            scaled /= 1000
            unit += 1
        }
        let text = trimmed(scaled, decimals: decimals(forCompact: scaled))
        let isZero = text == "0"
        return sign(negative: major < 0 && !isZero) + currencySign + text + suffixes[unit]
    }

    /// Money from minor units, shortened as `compactMoney(major:)` does.
    public static func compactMoney(minor: Int64?) -> String {
        guard let minor else { return missing }
        return compactMoney(major: Double(minor) / 100)
    }

    // MARK: Numbers

    /// A whole number with thousands separators: `1,234,567`, `−42`.
    public static func integer(_ value: Int64?) -> String {
        guard let value else { return missing }
        return sign(negative: value < 0) + grouped(value.magnitude)
    }

    /// A multiple such as ROAS, to two decimals: `3.42×`.
    public static func multiple(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        return fixed(value, decimals: 2) + "×"
    }

    /// A fraction as a percentage to two decimals: `0.0123` is `1.23 %`.
    public static func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return missing }
        return fixed(fraction * 100, decimals: 2) + percentSpace + "%"
    }

    /// A relative change with its sign, to one decimal: `0.123` is `+12.3 %`, `-0.04` is `−4.0 %`; a change that
    /// rounds to zero is `0.0 %`, with no sign.
    public static func delta(_ change: Double?) -> String {
        guard let change, change.isFinite else { return missing }
        let text = fixed(change * 100, decimals: 1)
        if isZeroDelta(change) { return "0.0" + percentSpace + "%" }
        return (change > 0 ? "+" : "") + text + percentSpace + "%"
    }

    /// Whether `change` shows as `0.0 %`: it is then neither good nor bad news.
    public static func isZeroDelta(_ change: Double) -> Bool {
        rounded(abs(change) * 100, decimals: 1) == 0
    }

    /// A figure as its kind decides: money, count, multiple, percentage or average money.
    public static func measure(_ measure: Measure?) -> String {
        switch measure {
        case nil: missing
        case .money(let minor): money(minor: minor)
        case .count(let value): integer(value)
        case .multiple(let value): multiple(value)
        case .percent(let value): percent(value)
        case .averageMoney(let value): money(major: value)
        }
    }

    // MARK: Helpers

    private static func sign(negative: Bool) -> String { negative ? minus : "" }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var output = ""
        output.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { output.append(",") }
            output.append(digit)
        }
        return output
    }

    /// `value` to exactly `decimals` places, grouped, with a true minus; `−0.00` is written `0.00`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let scale = power(decimals)
        let scaled = (abs(value) * scale).rounded()
        // Beyond 2^63 the integer path cannot hold the figure; no dashboard figure is that large.
        guard scaled < 9.2e18 else { return missing }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        var text = grouped(units / divisor)
        if decimals > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return sign(negative: value < 0 && units != 0) + text
    }

    /// Like `fixed`, without trailing zeros or a trailing point, and never negative (callers add the sign).
    private static func trimmed(_ value: Double, decimals: Int) -> String {
        var text = fixed(abs(value), decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// Decimals that keep a compact figure to three significant digits.
    private static func decimals(forCompact value: Double) -> Int {
        value >= 100 ? 0 : value >= 10 ? 1 : 2
    }

    private static func rounded(_ value: Double, decimals: Int) -> Double {
        let scale = power(decimals)
        return (value * scale).rounded() / scale
    }

    private static func power(_ decimals: Int) -> Double {
        var value = 1.0
        for _ in 0..<decimals { value *= 10 }
        return value
    }
}
