/// Wraps a decoder and writes down every key a `Decodable` type asks for, present in the input or not.
///
/// The configuration's vocabulary is then exactly what the types read: a key in the file that no type asked for
/// is unknown (a typo such as `dashboard.hots`), with no second list of keys to keep in step with the code.
struct KeyRecordingDecoder: Decoder {
    /// The keys asked for, as dotted paths with list positions folded to `[]`: `sources.<platform>.shops[].shop_id`.
    final class Record: @unchecked Sendable {
        // Decoding runs on one thread, start to end; the record is read only after it returns.
        private(set) var paths: Set<String> = []

        func insert(_ path: [any CodingKey]) { paths.insert(Self.path(path)) }

        static func path(_ keys: [any CodingKey]) -> String {
            keys.reduce(into: "") { text, key in
                if key.intValue != nil { text += "[]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
        }
    }

    let base: any Decoder
    let record: Record

    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedContainer(base: try base.container(keyedBy: type), record: record))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        UnkeyedContainer(base: try base.unkeyedContainer(), record: record)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        try base.singleValueContainer()
    }

    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let base: KeyedDecodingContainer<Key>
        let record: Record

        var codingPath: [any CodingKey] { base.codingPath }
        var allKeys: [Key] { base.allKeys }

        func contains(_ key: Key) -> Bool {
            record.insert(codingPath + [key])
            return base.contains(key)
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            record.insert(codingPath + [key])
            return try base.decodeNil(forKey: key)
        }

        // The standard scalars, one overload each as the protocol asks.
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { record.insert(codingPath + [key]); return try base.decode(type, forKey: key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { record.insert(codingPath + [key]); return try base.decode(type, forKey: key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { record.insert(codingPath + [key]); return try base.decode(type, forKey: key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { record.insert(codingPath + [key]); return try base.decode(type, forKey: key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { record.insert(codingPath + [key]); return try base.decode(type, forKey: key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { record.insert(codingPath + [key]); return try base.decode(type, forKey: key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { record.insert(codingPath + [key]); return try base.decode(type, forKey: key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { record.insert(codingPath + [key]); return try base.decode(type, forKey: key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { record.insert(codingPath + [key]); return try base.decode(type, forKey: key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { record.insert(codingPath + [key]); return try base.decode(type, forKey: key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { record.insert(codingPath + [key]); return try base.decode(type, forKey: key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { record.insert(codingPath + [key]); return try base.decode(type, forKey: key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { record.insert(codingPath + [key]); return try base.decode(type, forKey: key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { record.insert(codingPath + [key]); return try base.decode(type, forKey: key) }

        // Scalars are leaves: recording the key is enough. Anything else is decoded through a recording decoder,
        // so the keys inside it are written down too.
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            record.insert(codingPath + [key])
            if T.self is any ConfigurationScalar.Type { return try base.decode(type, forKey: key) }
            return try T(from: KeyRecordingDecoder(base: try base.superDecoder(forKey: key), record: record))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            record.insert(codingPath + [key])
            return KeyedDecodingContainer(KeyedContainer<NestedKey>(base: try base.nestedContainer(keyedBy: type, forKey: key), record: record))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            record.insert(codingPath + [key])
            return UnkeyedContainer(base: try base.nestedUnkeyedContainer(forKey: key), record: record)
        }

        func superDecoder() throws -> any Decoder {
            KeyRecordingDecoder(base: try base.superDecoder(), record: record)
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            record.insert(codingPath + [key])
            return KeyRecordingDecoder(base: try base.superDecoder(forKey: key), record: record)
        }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        var base: any UnkeyedDecodingContainer
        let record: Record

        var codingPath: [any CodingKey] { base.codingPath }
        var count: Int? { base.count }
        var isAtEnd: Bool { base.isAtEnd }
        var currentIndex: Int { base.currentIndex }

        mutating func decodeNil() throws -> Bool { try base.decodeNil() }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try base.decode(type) }
        mutating func decode(_ type: String.Type) throws -> String { try base.decode(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try base.decode(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try base.decode(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try base.decode(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try base.decode(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try base.decode(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try base.decode(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try base.decode(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try base.decode(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try base.decode(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try base.decode(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try base.decode(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try base.decode(type) }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            if T.self is any ConfigurationScalar.Type { return try base.decode(type) }
            return try T(from: KeyRecordingDecoder(base: try base.superDecoder(), record: record))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(KeyedContainer<NestedKey>(base: try base.nestedContainer(keyedBy: type), record: record))
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            UnkeyedContainer(base: try base.nestedUnkeyedContainer(), record: record)
        }

        mutating func superDecoder() throws -> any Decoder {
            KeyRecordingDecoder(base: try base.superDecoder(), record: record)
        }
    }
}

/// Values read straight from one YAML scalar; the decoder hands these to the base container untouched, so YAML's
/// own scalar rules (`60` as a `Double`, `"abc"` refused as an `Int`) apply.
protocol ConfigurationScalar {}
extension String: ConfigurationScalar {}
extension Bool: ConfigurationScalar {}
extension Int: ConfigurationScalar {}
extension Int64: ConfigurationScalar {}
extension Int32: ConfigurationScalar {}
extension UInt16: ConfigurationScalar {}
extension Double: ConfigurationScalar {}
