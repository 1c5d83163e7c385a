/// A small JSON document with ordered keys, for the emulators' short responses (errors, tokens, shop info).
///
/// Long responses (orders, insights) are streamed through `JSONWriter` directly.
indirect enum JSONValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    case string(String)
    case int(Int64)
    /// Number text written as is, e.g. `249.5`.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int64) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }

    static func amount(minor: Int64) -> JSONValue { .number(AmountText.jsonNumber(minor: minor)) }

    func write(into writer: inout JSONWriter) {
        switch self {
        case .string(let value): writer.string(value)
        case .int(let value): writer.int(value)
        case .number(let text): writer.number(text)
        case .bool(let value): writer.bool(value)
        case .null: writer.null()
        case .array(let elements):
            writer.beginArray()
            for element in elements { element.write(into: &writer) }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            for (key, value) in members {
                writer.key(key)
                value.write(into: &writer)
            }
            writer.endObject()
        }
    }

    var bytes: [UInt8] {
        var writer = JSONWriter(reservingCapacity: 256)
        write(into: &writer)
        return writer.bytes
    }
}
