#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one JSON value forward, byte by byte, over a buffer it does not copy: the hot path of every connector's
/// parser. A parser asks for what it expects where it expects it (`readObject`, `readString`, `readInt64`,
/// `readAmount`), skips what it does not need (`skipValue`, which still checks it), and gets a one-line
/// `JSONReadError` naming the byte where the input stopped being what it should be.
///
/// It accepts exactly RFC 8259 JSON in UTF-8: no comments, no trailing commas, no leading zeros, no control
/// characters or invalid UTF-8 in strings, no unpaired surrogate escapes, nesting at most 512 deep (Foundation's
/// limit). Numbers are read from their text into integers or `FixedDecimal`, never through `Double`.
public struct JSONReader {
    public let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    public private(set) var position: Int
    private let end: Int
    private var depth = 0

    public static let maximumDepth = 512

    /// A reader of `range` of `bytes`; the buffer must outlive the reader.
    public init(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil) {
        self.bytes = bytes
        position = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    /// An object member's name, still in the input: compared byte for byte without making a `String`.
    public struct Key {
        /// The bytes between the quotes, escapes unresolved.
        public let raw: UnsafeBufferPointer<UInt8>
        /// The name when it was written with escapes (`"na\u006De"`), resolved; `nil` for plain names.
        public let unescaped: String?

        public static func == (key: Key, name: StaticString) -> Bool {
            if let unescaped = key.unescaped { return unescaped == name.description }
            guard key.raw.count == name.utf8CodeUnitCount else { return false }
            return memcmp(key.raw.baseAddress!, name.utf8Start, key.raw.count) == 0
        }

        public var name: String { unescaped ?? String(decoding: raw, as: UTF8.self) }
    }

    // MARK: Structure

    /// The next byte after whitespace, without consuming it; `nil` at the end.
    public mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < end ? bytes[position] : nil
    }

    /// `true` (and consumed) when the next value is `null`.
    public mutating func readNull() throws(JSONReadError) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    /// Calls `member` for each member of the object that comes next, in document order; `member` must read or
    /// skip the value.
    public mutating func readObject(_ member: (inout JSONReader, Key) throws(JSONReadError) -> Void) throws(JSONReadError) {
        try enter(UInt8(ascii: "{"), "an object")
        if peek() == UInt8(ascii: "}") { position += 1; depth -= 1; return }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw error("a member name in quotes") }
            let key = try readKey()
            guard peek() == UInt8(ascii: ":") else { throw error("':' after the member name") }
            position += 1
            skipWhitespace()
            let before = position
            try member(&self, key)
            if position == before { throw error("the member's value to be read") }
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; depth -= 1; return
            case nil: throw .truncated(at: position)
            default: throw error("',' or '}'")
            }
        }
    }

    /// Calls `element` with each element's index of the array that comes next; `element` must read or skip it.
    public mutating func readArray(_ element: (inout JSONReader, Int) throws(JSONReadError) -> Void) throws(JSONReadError) {
        try enter(UInt8(ascii: "["), "an array")
        if peek() == UInt8(ascii: "]") { position += 1; depth -= 1; return }
        var index = 0
        while true {
            skipWhitespace()
            let before = position
            try element(&self, index)
            if position == before { throw error("the element to be read") }
            index += 1
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; depth -= 1; return
            case nil: throw .truncated(at: position)
            default: throw error("',' or ']'")
            }
        }
    }

    /// Checks that nothing but whitespace follows the value just read.
    public mutating func expectEnd() throws(JSONReadError) {
        if let byte = peek() { throw .unexpected(expected: "the end of the value", found: byte, at: position) }
    }

    // MARK: Values

    /// A string value, escapes resolved.
    public mutating func readString() throws(JSONReadError) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw error("a string") }
        let (start, stop, escaped) = try scanString()
        if !escaped { return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self) }
        return try unescape(start..<stop)
    }

    /// A string, or `nil` for `null`.
    public mutating func readOptionalString() throws(JSONReadError) -> String? {
        try readNull() ? nil : readString()
    }

    /// A JSON number written as a whole number that fits in 64 bits.
    public mutating func readInt64() throws(JSONReadError) -> Int64 {
        skipWhitespace()
        let start = position
        let range = try scanNumber()
        var value: Int64 = 0
        var index = range.lowerBound
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                position = start
                throw .wrongType(expected: "a whole number", found: text(range), at: start)
            }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = shifted.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            if overflow1 || overflow2 { throw .wrongType(expected: "a whole number within 64 bits", found: text(range), at: start) }
            value = added
            index += 1
        }
        return negative ? -value : value
    }

    /// An exact amount written as a JSON number (`12.5`); with `quoted`, also a string holding one (`"12.50"`, as
    /// some platforms write prices).
    public mutating func readAmount(quoted: Bool = false) throws(JSONReadError) -> FixedDecimal {
        skipWhitespace()
        let start = position
        let range: Range<Int>
        if quoted, peek() == UInt8(ascii: "\"") {
            let (inner, stop, _) = try scanString()
            range = inner..<stop
        } else {
            range = try scanNumber()
        }
        guard let amount = FixedDecimal.parse(UnsafeBufferPointer(rebasing: bytes[range])) else {
            throw .wrongType(expected: "an amount with at most 6 decimal places", found: text(range), at: start)
        }
        return amount
    }

    /// `true` or `false`.
    public mutating func readBool() throws(JSONReadError) -> Bool {
        switch peek() {
        case UInt8(ascii: "t"): try expectLiteral("true"); return true
        case UInt8(ascii: "f"): try expectLiteral("false"); return false
        default: throw error("true or false")
        }
    }

    /// The text of the number that comes next, checked against JSON's grammar (`-12.5e3`).
    public mutating func readNumberText() throws(JSONReadError) -> String {
        skipWhitespace()
        return text(try scanNumber())
    }

    /// Skips the value that comes next, checking it as thoroughly as reading it would, and returns its byte range.
    @discardableResult
    public mutating func skipValue() throws(JSONReadError) -> Range<Int> {
        skipWhitespace()
        let start = position
        switch peek() {
        case UInt8(ascii: "\"")?: _ = try scanString()
        case UInt8(ascii: "{")?: try readObject { reader, _ throws(JSONReadError) in try reader.skipValue() }
        case UInt8(ascii: "[")?: try readArray { reader, _ throws(JSONReadError) in try reader.skipValue() }
        case UInt8(ascii: "t")?: try expectLiteral("true")
        case UInt8(ascii: "f")?: try expectLiteral("false")
        case UInt8(ascii: "n")?: try expectLiteral("null")
        case UInt8(ascii: "-")?, (UInt8(ascii: "0")...UInt8(ascii: "9"))?: _ = try scanNumber()
        case nil: throw .truncated(at: position)
        default: throw error("a value")
        }
        return start..<position
    }

    // MARK: Scanning

    private mutating func skipWhitespace() {
        while position < end {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func enter(_ open: UInt8, _ what: String) throws(JSONReadError) {
        guard peek() == open else { throw error(what) }
        depth += 1
        if depth > Self.maximumDepth { throw .tooDeep(at: position) }
        position += 1
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONReadError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= end else { throw .truncated(at: position) }
        guard memcmp(bytes.baseAddress! + position, literal.utf8Start, count) == 0 else { throw error("\(literal)") }
        position += count
    }

    private mutating func readKey() throws(JSONReadError) -> Key {
        let (start, stop, escaped) = try scanString()
        return Key(raw: UnsafeBufferPointer(rebasing: bytes[start..<stop]), unescaped: escaped ? try unescape(start..<stop) : nil)
    }

    /// Consumes a string, checking its escapes, its UTF-8 and that it holds no control characters.
    /// - Returns: The range between the quotes, and whether it holds escapes.
    private mutating func scanString() throws(JSONReadError) -> (start: Int, stop: Int, escaped: Bool) {
        let start = position + 1
        var index = start
        var escaped = false
        var ascii = true
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if !ascii, let invalid = firstInvalidUTF8(start..<index) { throw .invalidUTF8(at: invalid) }
                position = index + 1
                return (start, index, escaped)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                guard index + 1 < end else { throw .truncated(at: index) }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                case UInt8(ascii: "u"):
                    guard index + 6 <= end else { throw .truncated(at: index) }
                    for offset in 2..<6 where hexValue(bytes[index + offset]) == nil {
                        throw .badEscape(at: index)
                    }
                    index += 6
                default:
                    throw .badEscape(at: index)
                }
                continue
            }
            if byte < 0x20 { throw .controlCharacter(at: index) }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        throw .truncated(at: position)
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no overlong forms,
    /// no surrogates, nothing above U+10FFFF), or `nil` when the whole range is UTF-8. Checked in place: strings with
    /// Thai text are the common case, and building a `String` to validate each one cost an allocation apiece.
    private func firstInvalidUTF8(_ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        let stop = range.upperBound
        func continuation(_ at: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            at < stop && bytes[at] >= low && bytes[at] <= high
        }
        while index < stop {
            let byte = bytes[index]
            switch byte {
            case 0x00...0x7F:
                index += 1
            case 0xC2...0xDF:
                guard continuation(index + 1) else { return index }
                index += 2
            case 0xE0...0xEF:
                // E0 needs A0…BF next (no overlong forms); ED needs 80…9F (no surrogates).
                let low: UInt8 = byte == 0xE0 ? 0xA0 : 0x80, high: UInt8 = byte == 0xED ? 0x9F : 0xBF
                guard continuation(index + 1, low, high), continuation(index + 2) else { return index }
                index += 3
            case 0xF0...0xF4:
                // F0 needs 90…BF next (no overlong forms); F4 needs 80…8F (nothing above U+10FFFF).
                let low: UInt8 = byte == 0xF0 ? 0x90 : 0x80, high: UInt8 = byte == 0xF4 ? 0x8F : 0xBF
                guard continuation(index + 1, low, high), continuation(index + 2), continuation(index + 3) else { return index }
                index += 4
            default:
                return index
            }
        }
        return nil
    }

    /// Consumes a number, checking JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func scanNumber() throws(JSONReadError) -> Range<Int> {
        let start = position
        var index = position
        func digit(_ at: Int) -> Bool { at < end && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9") }
        if index < end, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digit(index) else { throw index < end ? error("a number", at: index) : .truncated(at: index) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if digit(index) { throw .numberFormat(at: start) }
        } else {
            while digit(index) { index += 1 }
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digit(index) else { throw .numberFormat(at: start) }
            while digit(index) { index += 1 }
        }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digit(index) else { throw .numberFormat(at: start) }
            while digit(index) { index += 1 }
        }
        position = index
        return start..<index
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Resolves the escapes of a checked string; an unpaired surrogate is refused, as Foundation refuses it.
    private func unescape(_ range: Range<Int>) throws(JSONReadError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var index = range.lowerBound
        func hex4(_ at: Int) -> UInt32 {
            (hexValue(bytes[at])! << 12) | (hexValue(bytes[at + 1])! << 8) | (hexValue(bytes[at + 2])! << 4) | hexValue(bytes[at + 3])!
        }
        func append(_ scalar: Unicode.Scalar) {
            output.append(contentsOf: UTF8.encode(scalar)!)
        }
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                let code = hex4(index + 2)
                if (0xD800...0xDBFF).contains(code) {
                    guard index + 12 <= range.upperBound, bytes[index + 6] == UInt8(ascii: "\\"), bytes[index + 7] == UInt8(ascii: "u") else {
                        throw .badEscape(at: index)
                    }
                    let low = hex4(index + 8)
                    guard (0xDC00...0xDFFF).contains(low) else { throw .badEscape(at: index) }
                    append(Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))!)
                    index += 12
                    continue
                }
                guard let scalar = Unicode.Scalar(code) else { throw .badEscape(at: index) }
                append(scalar)
                index += 6
                continue
            default:
                output.append(escape)
            }
            index += 2
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range.clamped(to: 0..<end)]), as: UTF8.self)
    }

    private func error(_ expected: String, at offset: Int? = nil) -> JSONReadError {
        let at = offset ?? position
        return at < end ? .unexpected(expected: expected, found: bytes[at], at: at) : .truncated(at: at)
    }
}
