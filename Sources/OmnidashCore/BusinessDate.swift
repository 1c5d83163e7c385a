/// A calendar day in the reporting time zone (`order_date`, `date` columns), with no time and no zone.
///
/// Stored as the count of days since 1970-01-01 so that day arithmetic is integer arithmetic; written as
/// ISO 8601 text (`2026-11-11`), which sorts in date order on every warehouse engine.
public struct BusinessDate: Hashable, Comparable, Sendable, Strideable, Codable, LosslessStringConvertible {
    public let daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// Builds a date from its parts, or `nil` when they name no day (February 30th).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= BusinessDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.init(daysSinceEpoch: BusinessDate.days(year: year, month: month, day: day))
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ description: String) {
        let utf8 = Array(description.utf8)
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
              let year = BusinessDate.number(utf8[0..<4]),
              let month = BusinessDate.number(utf8[5..<7]),
              let day = BusinessDate.number(utf8[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        ((daysSinceEpoch % 7 + 7 + 3) % 7) + 1
    }

    public var description: String {
        let (year, month, day) = civil
        return BusinessDate.pad(year, 4) + "-" + BusinessDate.pad(month, 2) + "-" + BusinessDate.pad(day, 2)
    }

    public func adding(days: Int) -> BusinessDate { BusinessDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The same day `months` months away, clamped to the end of a shorter month (31 March − 1 month = 28/29 February).
    public func adding(months: Int) -> BusinessDate {
        let (year, month, day) = civil
        let total = year * 12 + (month - 1) + months
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        let newDay = min(day, BusinessDate.daysIn(month: newMonth, year: newYear))
        return BusinessDate(daysSinceEpoch: BusinessDate.days(year: newYear, month: newMonth, day: newDay))
    }

    public var startOfMonth: BusinessDate { BusinessDate(year: year, month: month, day: 1)! }
    public var endOfMonth: BusinessDate { startOfMonth.adding(months: 1).adding(days: -1) }

    public static func < (lhs: BusinessDate, rhs: BusinessDate) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }
    public func distance(to other: BusinessDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }
    public func advanced(by n: Int) -> BusinessDate { adding(days: n) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = BusinessDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(text)' is not a YYYY-MM-DD date"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: - Civil calendar arithmetic (proleptic Gregorian; Howard Hinnant's days_from_civil algorithm)

    private var civil: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
