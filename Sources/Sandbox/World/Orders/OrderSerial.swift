import OmnidashCore

/// Order numbers in a marketplace's style, each encoding the order's day and its rank within the day, so any order
/// can be found again without an index.
///
/// - `serial` (`order_sn` style): the creation date `YYMMDD` and eight upper-case characters, e.g. `2611118R48U37H`.
///   The first three characters hold the rank (scrambled per day so serials do not look sequential), the last five
///   are a checksum of the seed, day and rank, which rejects serials this world never issued. A marketplace with
///   several shops numbers orders across all of them, so the shop's stream key is mixed into the scramble and the
///   checksum (the reference shop's key, 0, mixes nothing): two shops never share a serial, nor accept each other's.
/// - `numeric` (`order_id` style): 15 digits, `4` then the day since the epoch (5 digits), the rank (5 digits) and a
///   4-digit checksum.
/// - `long`: 18 digits, `57` then the day since the epoch (5 digits), the rank (5 digits) and a
///   6-digit checksum, e.g. `576461413038785752`; it fits an `Int64`.
struct OrderSerial: Sendable {
    enum Numbering: Sendable, Equatable {
        case serial, numeric, long
    }

    let seed: UInt64

    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTUVWXY".utf8)
    /// 32³ ranks fit in the three rank characters.
    static let maximumOrdersPerDay = 32_768

    func make(day: BusinessDate, index: Int, shop: SandboxShop) -> String {
        switch shop.numbering {
        case .serial: make(day: day, index: index, key: shop.streamKey)
        case .numeric: "4" + padded(day.daysSinceEpoch, 5) + padded(index, 5) + padded(Int(checksum(day: day, index: index) % 10_000), 4)
        case .long: "57" + padded(day.daysSinceEpoch, 5) + padded(index, 5) + padded(Int(checksum(day: day, index: index) % 1_000_000), 6)
        }
    }

    /// The day and rank of a number this world issued for `shop`, or `nil`.
    func parse(_ number: String, shop: SandboxShop) -> (day: BusinessDate, index: Int)? {
        switch shop.numbering {
        case .serial: return parse(number, key: shop.streamKey)
        case .numeric:
            let digits = Array(number.utf8)
            guard digits.count == 15, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), digits[0] == UInt8(ascii: "4"),
                  let days = Int(String(decoding: digits[1..<6], as: UTF8.self)),
                  let index = Int(String(decoding: digits[6..<11], as: UTF8.self))
            else { return nil }
            let day = BusinessDate(daysSinceEpoch: days)
            guard make(day: day, index: index, shop: shop) == number else { return nil }
            return (day, index)
        case .long:
            let digits = Array(number.utf8)
            guard digits.count == 18, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  digits[0] == UInt8(ascii: "5"), digits[1] == UInt8(ascii: "7"),
                  let days = Int(String(decoding: digits[2..<7], as: UTF8.self)),
                  let index = Int(String(decoding: digits[7..<12], as: UTF8.self)), index < OrderSerial.maximumOrdersPerDay
            else { return nil }
            let day = BusinessDate(daysSinceEpoch: days)
            guard make(day: day, index: index, shop: shop) == number else { return nil }
            return (day, index)
        }
    }

    private func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    func make(day: BusinessDate, index: Int, key: Int64 = 0) -> String {
        precondition(index < OrderSerial.maximumOrdersPerDay, "too many orders on \(day)")
        var text = Array(datePrefix(day).utf8)
        var rank = index ^ mask(day, key: key)
        var rankChars: [UInt8] = []
        for _ in 0..<3 {
            rankChars.append(OrderSerial.alphabet[rank & 31])
            rank >>= 5
        }
        text.append(contentsOf: rankChars.reversed())
        var check = checksum(day: day, index: index, key: key)
        for _ in 0..<5 {
            text.append(OrderSerial.alphabet[Int(check & 31)])
            check >>= 5
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The day and rank of a serial this world issued to the shop with stream `key`, or `nil`.
    func parse(_ serial: String, key: Int64 = 0) -> (day: BusinessDate, index: Int)? {
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
        let index = rank ^ mask(day, key: key)
        guard make(day: day, index: index, key: key) == serial else { return nil }
        return (day, index)
    }

    private func datePrefix(_ day: BusinessDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return two(day.year % 100) + two(day.month) + two(day.day)
    }

    private func mask(_ day: BusinessDate, key: Int64) -> Int {
        Int(keyed(SeededGenerator.mix(seed ^ 0x0_5E71A1 ^ UInt64(bitPattern: Int64(day.daysSinceEpoch))), key) & 0x7FFF)
    }

    private func checksum(day: BusinessDate, index: Int, key: Int64 = 0) -> UInt64 {
        keyed(SeededGenerator.mix(seed ^ SeededGenerator.mix(UInt64(bitPattern: Int64(day.daysSinceEpoch)) ^ UInt64(index) << 20)), key)
    }

    /// Mixes a shop's stream key into `value`; key 0 leaves it as it always was.
    private func keyed(_ value: UInt64, _ key: Int64) -> UInt64 {
        key == 0 ? value : SeededGenerator.mix(value ^ UInt64(bitPattern: key))
    }
}
