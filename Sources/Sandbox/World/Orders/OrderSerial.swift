import OmnidashCore

/// Shopee-style order serial numbers (`order_sn`): the creation date `YYMMDD` and eight upper-case characters,
/// e.g. `2611118R48U37H`.
///
/// The serial encodes the order's day and its rank within the day, so any order can be found again without an
/// index: the first three characters hold the rank (scrambled per day so serials do not look sequential), the last
/// five are a checksum of the seed, day and rank, which rejects serials this world never issued.
struct OrderSerial: Sendable {
    let seed: UInt64

    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTUVWXY".utf8)
    /// 32³ ranks fit in the three rank characters.
    static let maximumOrdersPerDay = 32_768

    func make(day: BusinessDate, index: Int) -> String {
        precondition(index < OrderSerial.maximumOrdersPerDay, "too many orders on \(day)")
        var text = Array(datePrefix(day).utf8)
        var rank = index ^ mask(day)
        var rankChars: [UInt8] = []
        for _ in 0..<3 {
            rankChars.append(OrderSerial.alphabet[rank & 31])
            rank >>= 5
        }
        text.append(contentsOf: rankChars.reversed())
        var check = checksum(day: day, index: index)
        for _ in 0..<5 {
            text.append(OrderSerial.alphabet[Int(check & 31)])
            check >>= 5
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The day and rank of a serial this world issued, or `nil`.
    func parse(_ serial: String) -> (day: BusinessDate, index: Int)? {
        let utf8 = Array(serial.utf8)
        guard utf8.count == 14 else { return nil }
        var digits: [Int] = []
        for byte in utf8[0..<6] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            digits.append(Int(byte - UInt8(ascii: "0")))
        }
        guard let day = BusinessDate(year: 2000 + digits[0] * 10 + digits[1], month: digits[2] * 10 + digits[3],
                                     day: digits[4] * 10 + digits[5])
        else { return nil }
        var rank = 0
        for byte in utf8[6..<9] {
            guard let value = OrderSerial.alphabet.firstIndex(of: byte) else { return nil }
            rank = rank << 5 | value
        }
        let index = rank ^ mask(day)
        guard make(day: day, index: index) == serial else { return nil }
        return (day, index)
    }

    private func datePrefix(_ day: BusinessDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return two(day.year % 100) + two(day.month) + two(day.day)
    }

    private func mask(_ day: BusinessDate) -> Int {
        Int(SeededGenerator.mix(seed ^ 0x0_5E71A1 ^ UInt64(bitPattern: Int64(day.daysSinceEpoch))) & 0x7FFF)
    }

    private func checksum(day: BusinessDate, index: Int) -> UInt64 {
        SeededGenerator.mix(seed ^ SeededGenerator.mix(UInt64(bitPattern: Int64(day.daysSinceEpoch)) ^ UInt64(index) << 20))
    }
}
