/// The query string of a request, decoded the way web servers decode forms: `%XX` escapes and `+` as a space,
/// keeping repeated keys (`item_status=NORMAL&item_status=UNLIST`) in order.
struct QueryParameters: Sendable {
    private(set) var pairs: [(name: String, value: String)]

    init(_ rawQuery: String?) {
        pairs = []
        guard let rawQuery, !rawQuery.isEmpty else { return }
        for part in rawQuery.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = QueryParameters.decode(pieces[0])
            let value = pieces.count > 1 ? QueryParameters.decode(pieces[1]) : ""
            pairs.append((name, value))
        }
    }

    /// The first value of `name`, or `nil` when it is absent.
    subscript(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    func has(_ name: String) -> Bool {
        pairs.contains { $0.name == name }
    }

    /// The query string with `name` set to `value` (replacing any earlier values), percent-encoded.
    func replacing(_ name: String, with value: String) -> String {
        var result = pairs.filter { $0.name != name }
        result.append((name, value))
        return result.map { QueryParameters.encode($0.name) + "=" + QueryParameters.encode($0.value) }
            .joined(separator: "&")
    }

    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                if let high = iterator.next(), let low = iterator.next(),
                   let value = hexValue(high).flatMap({ h in hexValue(low).map { h << 4 | $0 } }) {
                    bytes.append(value)
                } else {
                    bytes.append(byte)
                }
            default:
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Percent-encodes everything except RFC 3986 unreserved characters.
    static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
