/// Writes compact JSON straight into bytes, keys in the order they are written.
///
/// The emulators write their own JSON rather than going through `JSONEncoder` for two reasons: amounts must come
/// out exactly as the platforms write them (`249.5`, `48000`, `"14.35"`), which needs the number text under our
/// control, and exporting a million orders must not build a million object graphs.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// One flag per open container: whether the next element needs a comma before it.
    private var needsComma: [Bool] = [false]
    private var afterKey = false

    init(reservingCapacity capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    mutating func beginObject() {
        prepareValue()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    mutating func endObject() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        prepareValue()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    mutating func endArray() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func key(_ key: String) {
        separate()
        appendQuoted(key)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    // MARK: Values

    mutating func string(_ value: String) {
        prepareValue()
        appendQuoted(value)
    }

    mutating func int(_ value: Int64) {
        prepareValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func int(_ value: Int) {
        int(Int64(value))
    }

    mutating func bool(_ value: Bool) {
        prepareValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        prepareValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Writes number text as is (`249.5`); the caller guarantees it is a valid JSON number.
    mutating func number(_ text: String) {
        prepareValue()
        bytes.append(contentsOf: text.utf8)
    }

    /// An amount held in minor units (2 digits), written as a JSON number in major units without trailing zeros.
    mutating func amount(minor: Int64) {
        number(AmountText.jsonNumber(minor: minor))
    }

    /// Writes an already serialised JSON value (from another writer) as the next value.
    mutating func raw(_ json: [UInt8]) {
        prepareValue()
        bytes.append(contentsOf: json)
    }

    // MARK: Keyed shorthands

    mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Int64) { key(name); int(value) }
    mutating func field(_ name: String, _ value: Int) { key(name); int(Int64(value)) }
    mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    mutating func amountField(_ name: String, minor: Int64) { key(name); amount(minor: minor) }
    mutating func nullField(_ name: String) { key(name); null() }

    // MARK: Internals

    private mutating func prepareValue() {
        if afterKey {
            afterKey = false
        } else {
            separate()
        }
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] {
            bytes.append(UInt8(ascii: ","))
        } else {
            needsComma[needsComma.count - 1] = true
        }
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
