import OmnidashCore

/// Dates as each language's readers write them: `Sun 1 Nov 2026` in English, `อา. 1 พ.ย. 2569` in Thai, with the
/// Thai month and weekday abbreviations and the Buddhist-era year (Gregorian + 543), as Thai sellers read dates on
/// marketplace back offices and tax documents.
///
/// The names come from the small tables below rather than `DateFormatter` with `th_TH` and the Buddhist calendar.
/// Foundation does give `ส. 5 ธ.ค. 2569` on this Linux toolchain, but its output follows the ICU/CLDR data the
/// toolchain ships (which differs between macOS and Linux releases), it needs a `Date` and a time zone where the
/// dashboard has a plain calendar day (`BusinessDate`), and snapshots must be byte-identical everywhere. Twelve
/// months and seven weekdays are a table one can read and check.
extension Format {
    private static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let thaiMonths = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
    /// Monday first, as `BusinessDate.weekday` counts (1 is Monday).
    private static let englishWeekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let thaiWeekdays = ["จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส.", "อา."]

    /// The Buddhist era counts from 543 BCE: 2026 is 2569. Exact for every date since 1941, when Thailand moved
    /// its new year to 1 January; the warehouse's calendar starts in 2000.
    static let buddhistEraOffset = 543

    /// The year as the language writes it: `2026`, `2569`.
    public static func year(_ date: BusinessDate, in language: Language) -> String {
        switch language {
        case .en: String(date.year)
        case .th: String(date.year + buddhistEraOffset)
        }
    }

    /// The short month name: `Nov`, `พ.ย.`.
    public static func monthName(_ date: BusinessDate, in language: Language) -> String {
        switch language {
        case .en: englishMonths[date.month - 1]
        case .th: thaiMonths[date.month - 1]
        }
    }

    /// A month with its year, for chart axes: `Jan 2026`, `ม.ค. 2569`.
    public static func monthAndYear(_ date: BusinessDate, in language: Language) -> String {
        "\(monthName(date, in: language)) \(year(date, in: language))"
    }

    /// A day with its month: `1 Nov`, `1 พ.ย.`.
    public static func shortDate(_ date: BusinessDate, in language: Language) -> String {
        "\(date.day) \(monthName(date, in: language))"
    }

    /// A day in full: `1 Nov 2026`, `1 พ.ย. 2569`.
    public static func date(_ date: BusinessDate, in language: Language) -> String {
        "\(shortDate(date, in: language)) \(year(date, in: language))"
    }

    /// A range in words, the year written once when both ends share it:
    /// `1 Nov – 30 Nov 2026`, `15 Dec 2025 – 14 Jan 2026`, or `24 Nov 2026` for a single day; in Thai
    /// `1 พ.ย. – 30 พ.ย. 2569`.
    public static func dateRange(_ range: DateRange, in language: Language) -> String {
        if range.start == range.end { return date(range.start, in: language) }
        let start = range.start.year == range.end.year ? shortDate(range.start, in: language) : date(range.start, in: language)
        return start + " – " + date(range.end, in: language)
    }

    /// A day with its weekday, for tables and tooltips: `Sun 1 Nov 2026`, `อา. 1 พ.ย. 2569`.
    public static func dayWithWeekday(_ date: BusinessDate, in language: Language) -> String {
        let weekdays = language == .th ? thaiWeekdays : englishWeekdays
        return weekdays[date.weekday - 1] + " " + Format.date(date, in: language)
    }

    /// A UTC instant stored as ISO 8601 (`2026-11-25T06:30:00Z`, `2026-11-25 06:30:00.123+00:00`) written to the
    /// minute: `2026-11-25 06:30 UTC` in English, `25 พ.ย. 2569 06:30 UTC` in Thai. Text in any other shape is
    /// returned unchanged rather than misread.
    public static func timestamp(_ iso: String?, in language: Language) -> String {
        guard let iso else { return missing }
        let bytes = Array(iso.utf8)
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), let day = BusinessDate(String(decoding: bytes[0..<10], as: UTF8.self)),
              bytes[11..<13].allSatisfy(isDigit), bytes[14..<16].allSatisfy(isDigit)
        else { return iso }
        let rest = String(decoding: bytes[16...], as: UTF8.self)
        // Only a UTC instant may be labelled UTC: seconds and fractions, then `Z`, `+00:00` or nothing.
        var zone = Substring(rest)
        while let first = zone.first, first == ":" || first == "." || first.isASCII && first.isNumber { zone.removeFirst() }
        guard ["", "Z", "z", "+00:00", "+0000", "+00"].contains(zone) else { return iso }
        let time = String(decoding: bytes[11..<16], as: UTF8.self) + " UTC"
        switch language {
        case .en: return day.description + " " + time
        case .th: return date(day, in: .th) + " " + time
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
