import OmnidashCore

/// Reads a LINE object's scalar members as their exact text, one level of nesting deep: `statistics.cost` →
/// `"8420.37"`, `campaign.id` → `"123450001"`. Numbers keep their JSON text (never through `Double`); `null` and
/// nested arrays are left out. Member names are recorded as `object.member`, or `member` at the top.
struct LineAdsObjectReader {
    enum Scalar: Equatable {
        case string(String)
        case number(String)
        case bool(Bool)

        var text: String {
            switch self {
            case .string(let text), .number(let text): text
            case .bool(let value): value ? "true" : "false"
            }
        }
    }

    static func read(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(JSONReadError) -> [String: Scalar] {
        var reader = JSONReader(buffer, range: range)
        var fields: [String: Scalar] = [:]
        try reader.readObject { reader, key throws(JSONReadError) in
            let name = key.name
            if reader.peek() == UInt8(ascii: "{") {
                try JSONReadError.within(name, &reader) { reader throws(JSONReadError) in
                    try reader.readObject { reader, inner throws(JSONReadError) in
                        let path = name + "." + inner.name
                        if let scalar = try JSONReadError.within(path, &reader, { reader throws(JSONReadError) in try scalar(&reader) }) {
                            fields[path] = scalar
                        }
                    }
                }
            } else if let scalar = try JSONReadError.within(name, &reader, { reader throws(JSONReadError) in try scalar(&reader) }) {
                fields[name] = scalar
            }
        }
        try reader.expectEnd()
        return fields
    }

    /// A scalar, or `nil` for `null`, an object or an array (skipped).
    private static func scalar(_ reader: inout JSONReader) throws(JSONReadError) -> Scalar? {
        switch reader.peek() {
        case UInt8(ascii: "\"")?: return .string(try reader.readString())
        case UInt8(ascii: "t")?, UInt8(ascii: "f")?: return .bool(try reader.readBool())
        case UInt8(ascii: "n")?: _ = try reader.readNull(); return nil
        case UInt8(ascii: "{")?, UInt8(ascii: "[")?: try reader.skipValue(); return nil
        default: return .number(try reader.readNumberText())
        }
    }
}

/// Field checks shared by LINE's parsers, each error naming the field.
extension [String: LineAdsObjectReader.Scalar] {
    /// An id: a JSON number (LINE's campaign, ad group and ad ids) or a string (`A…` account ids), as text.
    func id(_ name: String) throws(JSONReadError) -> String? {
        guard let value = self[name] else { return nil }
        switch value {
        case .number(let text) where text.allSatisfy(\.isNumber): return text
        case .string(let text) where !text.isEmpty: return text
        default: throw .invalid("\(name): '\(value.text)' is not an id")
        }
    }

    func string(_ name: String) throws(JSONReadError) -> String? {
        guard let value = self[name] else { return nil }
        guard case .string(let text) = value else { throw .invalid("\(name): expected a string, found \(value.text)") }
        return text
    }

    /// A count: a whole, non-negative number.
    func count(_ name: String) throws(JSONReadError) -> Int64? {
        guard let value = self[name] else { return nil }
        guard case .number(let text) = value, let count = Int64(text), count >= 0 else {
            throw .invalid("\(name): '\(value.text)' is not a whole number")
        }
        return count
    }

    /// An amount: a non-negative number, as its exact text.
    func amount(_ name: String) throws(JSONReadError) -> String? {
        guard let value = self[name] else { return nil }
        guard case .number(let text) = value, FixedDecimal(text) != nil else {
            throw .invalid("\(name): '\(value.text)' is not an amount")
        }
        if text.hasPrefix("-") { throw .invalid("\(name): \(text) is negative") }
        return text
    }
}
