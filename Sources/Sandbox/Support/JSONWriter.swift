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

    /// Writes an object key. Keys are the emulators' own identifiers (`order_sn`, account ids), never text from
    /// outside, so they are copied without an escaping scan.
    mutating func key(_ key: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        appendUTF8(key)
        bytes.append(UInt8(ascii: "\""))
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
        appendUTF8(String(value))
    }

    mutating func int(_ value: Int) {
        int(Int64(value))
    }

    mutating func bool(_ value: Bool) {
        prepareValue()
        appendUTF8(value ? "true" : "false")
    }

    mutating func null() {
        prepareValue()
        appendUTF8("null")
    }

    /// Writes number text as is (`249.5`); the caller guarantees it is a valid JSON number.
    mutating func number(_ text: String) {
        prepareValue()
        appendUTF8(text)
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

    /// Appends a string's UTF-8 in one copy (iterating `String.UTF8View` byte by byte is slow in debug builds,
    /// and the export writes hundreds of megabytes).
    private mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` as a JSON string, copying runs that need no escaping in one go.
    ///
    /// The scan reads through a raw pointer with plain integer comparisons, which stay cheap even unoptimised.
    private mutating func appendQuoted(_ text: String) {
        let quote: UInt8 = 0x22, backslash: UInt8 = 0x5C
        bytes.append(quote)
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            let count = utf8.count
            var runStart = 0
            var index = 0
            while index < count {
                let byte = base[index]
                if byte < 0x20 || byte == quote || byte == backslash {
                    if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart)) }
                    appendEscaped(byte)
                    runStart = index &+ 1
                }
                index &+= 1
            }
            if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart)) }
        }
        bytes.append(quote)
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            appendUTF8("u00")
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }
}
