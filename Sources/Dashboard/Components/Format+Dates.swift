import OmnidashCore

extension Format {
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// The short month name: `Nov`.
    public static func monthName(_ date: BusinessDate) -> String { monthNames[date.month - 1] }

    /// A day with its month: `1 Nov`.
    public static func shortDate(_ date: BusinessDate) -> String { "\(date.day) \(monthName(date))" }

    /// A day in full: `1 Nov 2026`.
    public static func date(_ date: BusinessDate) -> String { "\(shortDate(date)) \(date.year)" }

    /// A range in words, the year written once when both ends share it:
    /// `1 Nov – 30 Nov 2026`, `15 Dec 2025 – 14 Jan 2026`, or `24 Nov 2026` for a single day.
    public static func dateRange(_ range: DateRange) -> String {
        if range.start == range.end { return date(range.start) }
        let start = range.start.year == range.end.year ? shortDate(range.start) : date(range.start)
        return start + " – " + date(range.end)
    }

    /// A UTC instant stored as ISO 8601 (`2026-11-25T06:30:00Z`, `2026-11-25 06:30:00.123+00:00`) written to the
    /// minute: `2026-11-25 06:30 UTC`. Text in any other shape is returned unchanged rather than misread.
    public static func timestamp(_ iso: String?) -> String {
        guard let iso else { return missing }
        let bytes = Array(iso.utf8)
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), BusinessDate(String(decoding: bytes[0..<10], as: UTF8.self)) != nil,
              bytes[11..<13].allSatisfy(isDigit), bytes[14..<16].allSatisfy(isDigit)
        else { return iso }
        let rest = String(decoding: bytes[16...], as: UTF8.self)
        // Only a UTC instant may be labelled UTC: seconds and fractions, then `Z`, `+00:00` or nothing.
        var zone = Substring(rest)
        while let first = zone.first, first == ":" || first == "." || first.isASCII && first.isNumber { zone.removeFirst() }
        guard ["", "Z", "z", "+00:00", "+0000", "+00"].contains(zone) else { return iso }
        return String(decoding: bytes[0..<10], as: UTF8.self) + " " + String(decoding: bytes[11..<16], as: UTF8.self) + " UTC"
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// A day with its weekday, for tooltips: `Sat 1 Nov 2026`.
    public static func dayWithWeekday(_ date: BusinessDate) -> String {
        weekdayNames[date.weekday - 1] + " " + Format.date(date)
    }
}
