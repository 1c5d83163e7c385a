import Foundation

/// Lazada's instants: ISO 8601 with the seller's offset in `created_at` (`2018-02-09T22:44:30+08:00`), the older
/// `2014-10-15 19:12:15 +0800` in some samples (ecommerce-apis.md §2.4); and the form the order window parameters take.
enum LazadaTimestamp {
    /// Unix seconds, or `nil` for text in neither form.
    static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, bytes[range].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return Int(String(decoding: bytes[range], as: UTF8.self))
        }
        guard bytes.count >= 20, let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 32, bytes[13] == 58, bytes[16] == 58
        else { return nil }
        var rest = Array(bytes[19...])
        if rest.first == 32 { rest.removeFirst() }
        var offset = 0
        if rest == [90] {
            offset = 0
        } else if rest.count == 6, rest[0] == 43 || rest[0] == 45, rest[3] == 58,
                  let hours = Int(String(decoding: rest[1..<3], as: UTF8.self)), let minutes = Int(String(decoding: rest[4..<6], as: UTF8.self)) {
            offset = (hours * 3600 + minutes * 60) * (rest[0] == 45 ? -1 : 1)
        } else if rest.count == 5, rest[0] == 43 || rest[0] == 45,
                  let hours = Int(String(decoding: rest[1..<3], as: UTF8.self)), let minutes = Int(String(decoding: rest[3..<5], as: UTF8.self)) {
            offset = (hours * 3600 + minutes * 60) * (rest[0] == 45 ? -1 : 1)
        } else {
            return nil
        }
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        (components.hour, components.minute, components.second) = (hour, minute, second)
        components.timeZone = TimeZone(secondsFromGMT: 0)
        guard let date = Calendar(identifier: .gregorian).date(from: components), month <= 12, day <= 31, hour < 24, minute < 60,
              second < 61 else { return nil }
        return Int64(date.timeIntervalSince1970) - Int64(offset)
    }

    /// `YYYY-MM-DDTHH:mm:ss±HH:MM` in `zone`, as the order window parameters take it.
    static func format(_ unixSeconds: Int64, in zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(unixSeconds)))
    }
}
