import Foundation
import OmnidashCore

/// Lazada's instants: ISO 8601 with the seller's offset (`2026-11-25T13:44:30+07:00`) in responses and in the
/// `created_after` family of parameters, and milliseconds since the epoch in `timestamp` and `*_time` fields.
enum LazadaTime {
    static func iso(_ unixSeconds: Int64, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(unixSeconds)))
        let local = unixSeconds + Int64(offset)
        let day = BusinessDate(daysSinceEpoch: Int(floorDivide(local, 86_400)))
        let seconds = Int(local - floorDivide(local, 86_400) * 86_400)
        let sign = offset < 0 ? "-" : "+"
        return "\(day)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))\(sign)\(two(abs(offset) / 3600)):\(two(abs(offset) / 60 % 60))"
    }

    /// Unix seconds of `YYYY-MM-DDTHH:mm:ss±HH:MM` (or `Z`), `nil` for anything else.
    static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 25 || bytes.count == 20, bytes[10] == UInt8(ascii: "T"), let day = BusinessDate(String(text.prefix(10))) else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: bytes[range], as: UTF8.self)) }
        guard bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), let hour = number(11..<13), let minute = number(14..<16),
              let second = number(17..<19), hour < 24, minute < 60, second < 60 else { return nil }
        var offset = 0
        if bytes.count == 25 {
            guard bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-"), bytes[22] == UInt8(ascii: ":"),
                  let hours = number(20..<22), let minutes = number(23..<25) else { return nil }
            offset = (hours * 3600 + minutes * 60) * (bytes[19] == UInt8(ascii: "-") ? -1 : 1)
        } else if bytes[19] != UInt8(ascii: "Z") {
            return nil
        }
        return Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
