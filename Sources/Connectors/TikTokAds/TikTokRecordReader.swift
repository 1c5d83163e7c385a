import OmnidashCore

/// Reads one JSON object of a TikTok answer in one pass, keeping every scalar member as the exact text it was sent
/// as: strings unquoted, numbers as written (`20000.0`, `1714125042508817`), never through `Double`. TikTok sends the
/// same field as a string or a number from one endpoint to the next (ads-apis.md §0), so callers read text.
struct TikTokRecordReader {
    /// Scalar members; `null` and TikTok's `"-"` (not applicable) are left out.
    var values: [String: String] = [:]
    /// Objects and arrays, by their byte range, to read further.
    var nested: [String: Range<Int>] = [:]

    init(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(JSONReadError) {
        var reader = JSONReader(buffer, range: range)
        var values: [String: String] = [:]
        var nested: [String: Range<Int>] = [:]
        try reader.readObject { reader, key throws(JSONReadError) in
            let name = key.name
            switch reader.peek() {
            case UInt8(ascii: "\""):
                let text = try reader.readString()
                if text != "-" { values[name] = text }
            case UInt8(ascii: "n"): _ = try reader.readNull()
            case UInt8(ascii: "t"), UInt8(ascii: "f"): values[name] = try reader.readBool() ? "true" : "false"
            case UInt8(ascii: "{"), UInt8(ascii: "["): nested[name] = try reader.skipValue()
            default: values[name] = try reader.readNumberText()
            }
        }
        self.values = values
        self.nested = nested
    }

    subscript(_ name: String) -> String? { values[name] }

    /// A count: whole digits (`"5830"`, `5830`), `nil` when absent.
    func count(_ name: String) throws(JSONReadError) -> Int64? {
        guard let text = values[name] else { return nil }
        guard let value = Int64(text), value >= 0 else { throw .invalid("\(name): '\(text)' is not a whole number") }
        return value
    }

    /// An amount: decimal text (`"20.00"`, `20000.0`), kept as sent; `nil` when absent.
    func amount(_ name: String) throws(JSONReadError) -> String? {
        guard let text = values[name] else { return nil }
        guard Self.isDecimal(text) else { throw .invalid("\(name): '\(text)' is not a number") }
        if text.hasPrefix("-") { throw .invalid("\(name): \(text) is negative") }
        return text
    }

    /// An id: digits only, whether sent as a string or a number.
    func id(_ name: String) throws(JSONReadError) -> String? {
        guard let text = values[name] else { return nil }
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw .invalid("\(name): '\(text)' is not an id")
        }
        return text
    }

    /// `-12`, `0.5`, `20000.0`: an optional minus, digits, and at most one point followed by digits.
    static func isDecimal(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
    }
}
