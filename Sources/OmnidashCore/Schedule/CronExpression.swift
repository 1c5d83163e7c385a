import Foundation

/// A five-field cron expression (`minute hour day-of-month month day-of-week`) with `*`, lists, ranges and steps,
/// read in a time zone. As in Vixie cron, when both day fields are restricted a day matching either one is due.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    let minutes: Set<Int>
    let hours: Set<Int>
    let daysOfMonth: Set<Int>
    let months: Set<Int>
    /// 0 = Sunday; 7 is read as Sunday too.
    let daysOfWeek: Set<Int>
    let dayOfMonthRestricted: Bool
    let dayOfWeekRestricted: Bool

    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// - Throws: `ParseError` naming the field and what is wrong with it.
    public init(_ text: String) throws {
        let fields = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard fields.count == 5 else {
            throw ParseError(description: "'\(text)' has \(fields.count) fields; cron needs 5 (minute hour day-of-month month day-of-week)")
        }
        self.text = fields.joined(separator: " ")
        minutes = try Self.field(fields[0], name: "minute", range: 0...59)
        hours = try Self.field(fields[1], name: "hour", range: 0...23)
        daysOfMonth = try Self.field(fields[2], name: "day-of-month", range: 1...31)
        months = try Self.field(fields[3], name: "month", range: 1...12)
        daysOfWeek = Set(try Self.field(fields[4], name: "day-of-week", range: 0...7).map { $0 % 7 })
        dayOfMonthRestricted = fields[2] != "*"
        dayOfWeekRestricted = fields[4] != "*"
    }

    public var description: String { text }

    private static func field(_ text: String, name: String, range: ClosedRange<Int>) throws -> Set<Int> {
        var values = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { throw ParseError(description: "\(name) '\(part)': more than one '/'") }
            var step = 1
            if pieces.count == 2 {
                guard let value = Int(pieces[1]), value > 0 else {
                    throw ParseError(description: "\(name) '\(part)': the step must be a whole number above 0")
                }
                step = value
            }
            let base = pieces[0]
            let bounds: ClosedRange<Int>
            if base == "*" {
                bounds = range
            } else if let dash = base.firstIndex(of: "-") {
                guard let low = Int(base[..<dash]), let high = Int(base[base.index(after: dash)...]), low <= high else {
                    throw ParseError(description: "\(name) '\(part)': not a range LOW-HIGH")
                }
                bounds = low...high
            } else {
                guard let value = Int(base) else { throw ParseError(description: "\(name) '\(part)': not a number") }
                // `5/15` means from 5 to the end, every 15.
                bounds = pieces.count == 2 ? value...range.upperBound : value...value
            }
            guard range.contains(bounds.lowerBound), range.contains(bounds.upperBound) else {
                throw ParseError(description: "\(name) '\(part)': outside \(range.lowerBound)-\(range.upperBound)")
            }
            values.formUnion(stride(from: bounds.lowerBound, through: bounds.upperBound, by: step))
        }
        return values
    }

    /// The first instant strictly after `date` at which the expression is due, in `timeZone`; `nil` when none comes
    /// within five years (`0 0 31 2 *`).
    public func next(after date: Date, in timeZone: TimeZone) -> Date? {
        let calendar = Self.calendar(timeZone)
        var day = calendar.startOfDay(for: date)
        for _ in 0..<(366 * 5) {
            if let due = dueInstants(on: day, calendar: calendar).first(where: { $0 > date }) { return due }
            guard let following = calendar.date(byAdding: .day, value: 1, to: day) else { return nil }
            day = calendar.startOfDay(for: following)
        }
        return nil
    }

    /// The last instant at or before `date` at which the expression was due, looking back at most `days` days.
    public func previous(atOrBefore date: Date, in timeZone: TimeZone, days: Int = 400) -> Date? {
        let calendar = Self.calendar(timeZone)
        var day = calendar.startOfDay(for: date)
        for _ in 0...days {
            if let due = dueInstants(on: day, calendar: calendar).last(where: { $0 <= date }) { return due }
            guard let earlier = calendar.date(byAdding: .day, value: -1, to: day) else { return nil }
            day = calendar.startOfDay(for: earlier)
        }
        return nil
    }

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The instants of the local day starting at `day` at which the expression is due, earliest first.
    private func dueInstants(on day: Date, calendar: Calendar) -> [Date] {
        let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
        guard let month = parts.month, let dayOfMonth = parts.day, let weekday = parts.weekday, months.contains(month),
              dayMatches(dayOfMonth: dayOfMonth, dayOfWeek: weekday - 1) else { return [] }
        var instants: [Date] = []
        for hour in hours.sorted() {
            for minute in minutes.sorted() {
                var wanted = DateComponents(year: parts.year, month: month, day: dayOfMonth, hour: hour, minute: minute)
                wanted.timeZone = calendar.timeZone
                // A time skipped by a daylight-saving change is not due that day.
                guard let instant = calendar.date(from: wanted), calendar.component(.hour, from: instant) == hour else { continue }
                instants.append(instant)
            }
        }
        return instants
    }

    private func dayMatches(dayOfMonth: Int, dayOfWeek: Int) -> Bool {
        switch (dayOfMonthRestricted, dayOfWeekRestricted) {
        case (true, true): daysOfMonth.contains(dayOfMonth) || daysOfWeek.contains(dayOfWeek)
        case (true, false): daysOfMonth.contains(dayOfMonth)
        case (false, true): daysOfWeek.contains(dayOfWeek)
        case (false, false): true
        }
    }
}
