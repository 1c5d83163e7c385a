import Foundation
import OmnidashCore

/// UTC instants as the warehouse stores them: ISO 8601 text with a `Z` (`2026-11-25T06:30:00Z`), which
/// sorts in time order on both engines.
public enum Timestamp {
    public static func string(unixSeconds: Int64) -> String {
        let days = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
        let seconds = Int(unixSeconds - days * 86_400)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(BusinessDate(daysSinceEpoch: Int(days)))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }

    public static func string(_ date: Date) -> String {
        string(unixSeconds: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    public static func now() -> String { string(Date()) }

    /// Parses what `string` writes; `nil` for anything else.
    public static func unixSeconds(_ text: String) -> Int64? {
        guard text.count == 20, text.hasSuffix("Z"), let date = BusinessDate(String(text.prefix(10))) else { return nil }
        let time = text.dropFirst(11).prefix(8).split(separator: ":").compactMap { Int64($0) }
        guard time.count == 3 else { return nil }
        return Int64(date.daysSinceEpoch) * 86_400 + time[0] * 3600 + time[1] * 60 + time[2]
    }
}
