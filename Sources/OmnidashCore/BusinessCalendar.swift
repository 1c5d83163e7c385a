import Foundation

/// Turns instants into business dates in the reporting time zone (default `Asia/Bangkok`), and back.
///
/// Every `order_date` and ads `date` in the warehouse is computed here, once, in staging.
public struct BusinessCalendar: Sendable, Hashable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    public static let bangkok = BusinessCalendar(timeZone: TimeZone(identifier: "Asia/Bangkok")!)

    /// The business date on which `unixSeconds` (UTC) falls.
    public func date(unixSeconds: Int64) -> BusinessDate {
        let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(unixSeconds))))
        let local = unixSeconds + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return BusinessDate(daysSinceEpoch: Int(days))
    }

    public func date(_ instant: Date) -> BusinessDate {
        date(unixSeconds: Int64(instant.timeIntervalSince1970.rounded(.down)))
    }

    /// The first instant (UTC seconds) of `date`.
    public func startOfDay(_ date: BusinessDate) -> Int64 {
        let localMidnight = Int64(date.daysSinceEpoch) * 86_400
        // The offset at local midnight; zones that change offset at midnight are corrected by one step.
        var offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(localMidnight))))
        let candidate = localMidnight - offset
        offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(candidate))))
        return localMidnight - offset
    }

    /// The half-open instant range `[start, end)` covering `date`.
    public func instants(of date: BusinessDate) -> Range<Int64> {
        startOfDay(date)..<startOfDay(date.adding(days: 1))
    }
}
