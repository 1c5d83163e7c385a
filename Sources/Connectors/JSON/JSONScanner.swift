/// A fast, allocation-light walk over JSON bytes that finds values by position without building a tree.
///
/// It splits an API page into its records (so one malformed record is rejected on its own while the rest
/// load) and lets `JSONRedactor` rewrite PII in place, keeping every other byte of the record as received.
/// Typed decoding of each record stays with `JSONDecoder`; this is the seam the ingest speed work replaces.
public struct JSONScanner: Sendable {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The range of the top-level value, without surrounding whitespace.
    public func root() throws(JSONScanError) -> Range<Int> {
        let start = skipWhitespace(0)
        let end = try skipValue(start)
        guard skipWhitespace(end) == bytes.count else { throw .trailingBytes(at: skipWhitespace(end)) }
        return start..<end
    }

    /// The value at `path` (object keys, from the root), or `nil` when a key is absent or a step is not an object.
    public func value(at path: [String]) throws(JSONScanError) -> Range<Int>? {
        var current = try root()
        for key in path {
            guard let member = try members(of: current).first(where: { $0.key == key }) else { return nil }
            current = member.value
        }
        return current
    }

    /// The elements of the array at `range`.
    public func elements(of range: Range<Int>) throws(JSONScanError) -> [Range<Int>] {
        guard range.lowerBound < bytes.count, bytes[range.lowerBound] == UInt8(ascii: "[") else {
            throw .unexpected(expected: "an array", at: range.lowerBound)
        }
        var result: [Range<Int>] = []
        var index = skipWhitespace(range.lowerBound + 1)
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { return result }
        while true {
            let end = try skipValue(index)
            result.append(index..<end)
            index = skipWhitespace(end)
            guard index < bytes.count else { throw .truncated }
            if bytes[index] == UInt8(ascii: "]") { return result }
            guard bytes[index] == UInt8(ascii: ",") else { throw .unexpected(expected: "',' or ']'", at: index) }
            index = skipWhitespace(index + 1)
        }
    }

    /// The members of the object at `range`, with decoded keys, in document order.
    public func members(of range: Range<Int>) throws(JSONScanError) -> [(key: String, keyRange: Range<Int>, value: Range<Int>)] {
        guard range.lowerBound < bytes.count, bytes[range.lowerBound] == UInt8(ascii: "{") else {
            throw .unexpected(expected: "an object", at: range.lowerBound)
        }
        var result: [(key: String, keyRange: Range<Int>, value: Range<Int>)] = []
        var index = skipWhitespace(range.lowerBound + 1)
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { return result }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw .unexpected(expected: "a key", at: index) }
            let keyStart = index
            let keyEnd = try skipString(index)
            let key = try decodeString(keyStart..<keyEnd)
            index = skipWhitespace(keyEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw .unexpected(expected: "':'", at: index) }
            let valueStart = skipWhitespace(index + 1)
            let valueEnd = try skipValue(valueStart)
            result.append((key, keyStart..<keyEnd, valueStart..<valueEnd))
            index = skipWhitespace(valueEnd)
            guard index < bytes.count else { throw .truncated }
            if bytes[index] == UInt8(ascii: "}") { return result }
            guard bytes[index] == UInt8(ascii: ",") else { throw .unexpected(expected: "',' or '}'", at: index) }
            index = skipWhitespace(index + 1)
        }
    }

    /// The string value at `range` with escapes resolved, or `nil` if the value is not a string.
    public func string(_ range: Range<Int>) -> String? {
        guard range.lowerBound < bytes.count, bytes[range.lowerBound] == UInt8(ascii: "\"") else { return nil }
        return try? decodeString(range)
    }

    /// The raw text of a value (a number's digits, `true`, a whole object).
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    // MARK: - Scanning

    func skipWhitespace(_ start: Int) -> Int {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return index
            }
        }
        return index
    }

    /// The index just past the value starting at `start`.
    func skipValue(_ start: Int) throws(JSONScanError) -> Int {
        guard start < bytes.count else { throw .truncated }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return try skipString(start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return try skipContainer(start)
        case UInt8(ascii: "t"): return try skipLiteral(start, "true")
        case UInt8(ascii: "f"): return try skipLiteral(start, "false")
        case UInt8(ascii: "n"): return try skipLiteral(start, "null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            var index = start + 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                     UInt8(ascii: "+"), UInt8(ascii: "-"):
                    index += 1
                default:
                    return index
                }
            }
            return index
        default:
            throw .unexpected(expected: "a value", at: start)
        }
    }

    func skipString(_ start: Int) throws(JSONScanError) -> Int {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""): return index + 1
            case UInt8(ascii: "\\"): index += 2
            default: index += 1
            }
        }
        throw .truncated
    }

    private func skipContainer(_ start: Int) throws(JSONScanError) -> Int {
        // Strings are skipped whole, so brackets inside them never count.
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index = try skipString(index)
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default:
                break
            }
            index += 1
        }
        throw .truncated
    }

    private func skipLiteral(_ start: Int, _ literal: StaticString) throws(JSONScanError) -> Int {
        let count = literal.utf8CodeUnitCount
        guard start + count <= bytes.count else { throw .truncated }
        for offset in 0..<count where bytes[start + offset] != literal.utf8Start[offset] {
            throw .unexpected(expected: "\(literal)", at: start)
        }
        return start + count
    }

    private func decodeString(_ range: Range<Int>) throws(JSONScanError) -> String {
        let inner = bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]
        guard inner.contains(UInt8(ascii: "\\")) else { return String(decoding: inner, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        var index = inner.startIndex
        func flush() {
            scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
            utf8.removeAll(keepingCapacity: true)
        }
        var pendingHigh: UInt32?
        while index < inner.endIndex {
            let byte = inner[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < inner.endIndex else {
                utf8.append(byte)
                index += 1
                continue
            }
            flush()
            let escape = inner[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "u"):
                guard index + 4 <= inner.endIndex,
                      let code = UInt32(String(decoding: inner[index..<(index + 4)], as: UTF8.self), radix: 16) else {
                    throw .unexpected(expected: "four hex digits", at: index)
                }
                index += 4
                if (0xD800...0xDBFF).contains(code) {
                    pendingHigh = code
                } else if (0xDC00...0xDFFF).contains(code), let high = pendingHigh {
                    let combined = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                    if let scalar = Unicode.Scalar(combined) { scalars.append(scalar) }
                    pendingHigh = nil
                } else if let scalar = Unicode.Scalar(code) {
                    scalars.append(scalar)
                }
            default:
                scalars.append(Unicode.Scalar(escape))
            }
        }
        flush()
        return String(scalars)
    }
}

public enum JSONScanError: Error, Equatable, CustomStringConvertible {
    case truncated
    case trailingBytes(at: Int)
    case unexpected(expected: String, at: Int)

    public var description: String {
        switch self {
        case .truncated: "JSON ends early"
        case .trailingBytes(let offset): "unexpected bytes after the JSON value at byte \(offset)"
        case .unexpected(let expected, let offset): "expected \(expected) at byte \(offset)"
        }
    }
}
