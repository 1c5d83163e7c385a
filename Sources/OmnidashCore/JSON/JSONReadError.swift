/// Why `JSONReader` stopped, with the byte offset in the record, as one line a seller can act on.
public enum JSONReadError: Error, Equatable, CustomStringConvertible {
    case truncated(at: Int)
    case unexpected(expected: String, found: UInt8, at: Int)
    case wrongType(expected: String, found: String, at: Int)
    case numberFormat(at: Int)
    case badEscape(at: Int)
    case controlCharacter(at: Int)
    case invalidUTF8(at: Int)
    case tooDeep(at: Int)
    /// A value that is well-formed JSON but breaks a rule of the record (`item_list: is empty`).
    case invalid(String)

    public var description: String {
        switch self {
        case .truncated(let offset): "the JSON ends early (byte \(offset))"
        case .unexpected(let expected, let found, let offset):
            "expected \(expected) at byte \(offset), found \(found >= 0x20 && found < 0x7F ? "'\(Character(Unicode.Scalar(found)))'" : "byte 0x\(String(found, radix: 16, uppercase: true))")"
        case .wrongType(let expected, let found, _):
            "expected \(expected), found \(found.count > 40 ? String(found.prefix(40)) + "…" : found)"
        case .numberFormat(let offset): "a number at byte \(offset) is not written as JSON allows"
        case .badEscape(let offset): "a string has an invalid escape at byte \(offset)"
        case .controlCharacter(let offset): "a string holds an unescaped control character at byte \(offset)"
        case .invalidUTF8(let offset): "a string is not UTF-8 at byte \(offset)"
        case .tooDeep(let offset): "nested more than \(JSONReader.maximumDepth) deep at byte \(offset)"
        case .invalid(let reason): reason
        }
    }
}

extension JSONReadError {
    /// Runs `read` and names the field in any error it throws: `item_list[0].model_quantity_purchased: expected …`.
    /// The name is built only when there is an error.
    @inline(__always)
    public static func within<T>(_ field: @autoclosure () -> String, _ reader: inout JSONReader,
                                 _ read: (inout JSONReader) throws(JSONReadError) -> T) throws(JSONReadError) -> T {
        do {
            return try read(&reader)
        } catch {
            if case .invalid = error { throw error }
            throw .invalid("\(field()): \(error)")
        }
    }
}
