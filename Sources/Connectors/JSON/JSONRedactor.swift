#if canImport(Glibc)
import Glibc
#endif
import OmnidashCore

/// Rewrites a JSON record with the values at given key paths replaced by keyed hashes, and free-text fields
/// withheld, keeping every other byte as received: how buyer PII is kept out of `raw_json` (DESIGN §9).
public struct JSONRedactor: Sendable {
    /// Key paths from the record's root, e.g. `["buyer_username"]`, `["recipient_address", "phone"]`.
    public let paths: [[String]: PIIHasher.Kind]
    /// Free text a buyer typed (`note`, `message_to_seller`): it can hold a phone number or an address anywhere
    /// in it, and a hash of it matches nothing, so it is not stored at all.
    public let withheld: Set<[String]>

    /// What a withheld value becomes: a string, so a reader sees the field was there.
    public static let withheldMarker = "(withheld: buyer free text)"

    /// Records larger than this are rejected whole, never stored: no real order is near it, and one 5 MB note
    /// must not bloat the warehouse.
    public static let maximumRecordBytes = 1 << 20

    /// The paths as a tree of names, looked up by byte length then bytes: the one-pass walk asks it about every member.
    private let root: Level

    public init(_ paths: [[String]: PIIHasher.Kind], withholding withheld: Set<[String]> = []) {
        self.paths = paths
        self.withheld = withheld
        var rules: [([String], Action)] = paths.map { ($0.key, .hash($0.value)) }
        rules += withheld.map { ($0, .withhold) }
        root = Level(rules)
    }

    /// The one-line reason for refusing a record of `byteCount` bytes, or `nil` when it is small enough.
    public static func sizeProblem(_ byteCount: Int) -> String? {
        byteCount > maximumRecordBytes
            ? "the record is \(byteCount) bytes, over the \(maximumRecordBytes)-byte limit for one record; not stored" : nil
    }

    /// The object at `range` with every listed value replaced by `hasher`'s hash (as a JSON string);
    /// `null` values stay `null`.
    public func redact(_ scanner: JSONScanner, _ range: Range<Int>, hasher: PIIHasher) throws(JSONScanError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        try rewrite(scanner, range, prefix: [], hasher: hasher, into: &output)
        return output
    }

    private func rewrite(_ scanner: JSONScanner, _ range: Range<Int>, prefix: [String], hasher: PIIHasher,
                         into output: inout [UInt8]) throws(JSONScanError) {
        let members = try scanner.members(of: range)
        output.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: scanner.bytes[member.keyRange])
            output.append(UInt8(ascii: ":"))
            let path = prefix + [member.key]
            let first = scanner.bytes[member.value.lowerBound]
            if withheld.contains(path) {
                if first == UInt8(ascii: "n") || scanner.string(member.value) == "" {
                    output.append(contentsOf: scanner.bytes[member.value])
                } else {
                    output.append(contentsOf: "\"\(Self.withheldMarker)\"".utf8)
                }
            } else if let kind = paths[path] {
                if first == UInt8(ascii: "n") {
                    output.append(contentsOf: scanner.bytes[member.value])
                } else {
                    let clear = scanner.string(member.value) ?? scanner.text(member.value)
                    output.append(UInt8(ascii: "\""))
                    output.append(contentsOf: hasher.hash(clear, kind: kind).utf8)
                    output.append(UInt8(ascii: "\""))
                }
            } else if first == UInt8(ascii: "{"), (paths.keys.contains { $0.count > path.count && Array($0.prefix(path.count)) == path }
                                                   || withheld.contains { $0.count > path.count && Array($0.prefix(path.count)) == path }) {
                try rewrite(scanner, member.value, prefix: path, hasher: hasher, into: &output)
            } else {
                output.append(contentsOf: scanner.bytes[member.value])
            }
        }
        output.append(UInt8(ascii: "}"))
    }
}

extension JSONRedactor {
    /// What the one-pass walk does with a member the redactor does not own.
    public enum MemberHandling {
        /// The caller read the value itself; the walk copies the bytes it covered.
        case read
        /// The caller does not need it; the walk skips (and checks) it and copies its bytes.
        case skip
    }

    /// Reads the object at the reader's position once, writing it to `output` as `redact(_:_:hasher:)` would, and
    /// hands every member it does not redact to `member`, which reads the values the parser needs in the same pass.
    /// `hashed` receives each top-level PII value, in clear and hashed, so a column can hold the same hash as
    /// `raw_json` (or a hash of several values together) and a parser can refuse a value of the wrong type.
    public func redactObject(_ reader: inout JSONReader, hasher: PIIHasher, into output: inout [UInt8],
                             hashed: (JSONReader.Key, RedactedValue) throws(JSONReadError) -> Void = { _, _ in },
                             member: (inout JSONReader, JSONReader.Key) throws(JSONReadError) -> MemberHandling) throws(JSONReadError) {
        try walk(&reader, level: root, depth: 0, hasher: hasher, into: &output, hashed: hashed, member: member)
    }

    private func walk(_ reader: inout JSONReader, level: Level, depth: Int, hasher: PIIHasher, into output: inout [UInt8],
                      hashed: (JSONReader.Key, RedactedValue) throws(JSONReadError) -> Void,
                      member: (inout JSONReader, JSONReader.Key) throws(JSONReadError) -> MemberHandling) throws(JSONReadError) {
        output.append(UInt8(ascii: "{"))
        var first = true
        try reader.readObject { reader, key throws(JSONReadError) in
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            // The key as received, quotes included.
            output.append(contentsOf: UnsafeBufferPointer(start: key.raw.baseAddress! - 1, count: key.raw.count + 2))
            output.append(UInt8(ascii: ":"))
            switch level.action(for: key) {
            case .withhold?:
                let value = reader.position
                let range = try reader.skipValue()
                let isEmpty = range.count == 2 && reader.bytes[value] == UInt8(ascii: "\"")
                if reader.bytes[value] == UInt8(ascii: "n") || isEmpty {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: reader.bytes[range]))
                } else {
                    output.append(contentsOf: "\"\(Self.withheldMarker)\"".utf8)
                }
            case .hash(let kind)?:
                if try reader.readNull() {
                    output.append(contentsOf: "null".utf8)
                } else {
                    let isString = reader.peek() == UInt8(ascii: "\"")
                    let clear = isString ? try reader.readString() : try Self.text(of: &reader)
                    let hash = hasher.hash(clear, kind: kind)
                    if depth == 0 { try hashed(key, RedactedValue(clear: clear, hash: hash, wasString: isString)) }
                    output.append(UInt8(ascii: "\""))
                    output.append(contentsOf: hash.utf8)
                    output.append(UInt8(ascii: "\""))
                }
            case .descend(let inner)? where reader.peek() == UInt8(ascii: "{"):
                try walk(&reader, level: inner, depth: depth + 1, hasher: hasher, into: &output, hashed: hashed) { _, _ in .skip }
            case .descend?, nil:
                let start = reader.position
                let handling = depth > 0 ? .skip : try member(&reader, key)
                if handling == .skip { try reader.skipValue() }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: reader.bytes[start..<reader.position]))
            }
        }
        output.append(UInt8(ascii: "}"))
    }

    /// The payload a rejected record keeps: a well-formed record with a wrong value, redacted by the slower scanner
    /// pass (the rare path); `nil` for a malformed one, which cannot be redacted reliably and so is not kept.
    public func rejectPayload(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hasher: PIIHasher) -> String? {
        let scanner = JSONScanner(Array(buffer[range]))
        return (try? scanner.root()).flatMap { try? redact(scanner, $0, hasher: hasher) }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// A PII value the walk replaced: what it was, what `raw_json` now holds, and whether it was a JSON string.
    public struct RedactedValue {
        public let clear: String
        public let hash: String
        public let wasString: Bool
    }

    /// What the walk does with a member: hash it, withhold it, or look inside it (an object holding PII).
    private indirect enum Action: Sendable {
        case hash(PIIHasher.Kind)
        case withhold
        case descend(Level)
    }

    /// The names that mean something at one depth, slotted by byte length: most members are ruled out by their
    /// length alone, and the rest by one `memcmp`, with no `String` made.
    private struct Level: Sendable {
        private struct Entry: Sendable {
            let name: [UInt8]
            let action: Action
        }

        private let byLength: [[Entry]]

        /// - Parameter rules: Paths relative to this level, with what the last name means.
        init(_ rules: [([String], Action)]) {
            var groups: [String: [([String], Action)]] = [:]
            var actions: [String: Action] = [:]
            for (path, action) in rules where !path.isEmpty {
                if path.count == 1 {
                    actions[path[0]] = action
                } else {
                    groups[path[0], default: []].append((Array(path.dropFirst()), action))
                }
            }
            // A name that is itself hashed or withheld is not looked inside.
            for (name, inner) in groups where actions[name] == nil { actions[name] = .descend(Level(inner)) }
            let longest = actions.keys.map(\.utf8.count).max() ?? 0
            var slots = [[Entry]](repeating: [], count: longest + 1)
            for (name, action) in actions { slots[name.utf8.count].append(Entry(name: Array(name.utf8), action: action)) }
            byLength = slots
        }

        func action(for key: JSONReader.Key) -> Action? {
            // A name written with escapes (`"buyer\u005fusername"`) is still the same name.
            if let unescaped = key.unescaped {
                let bytes = Array(unescaped.utf8)
                guard bytes.count < byLength.count else { return nil }
                return byLength[bytes.count].first { $0.name == bytes }?.action
            }
            let count = key.raw.count
            guard count < byLength.count else { return nil }
            for entry in byLength[count] {
                let equal = entry.name.withUnsafeBufferPointer { memcmp($0.baseAddress!, key.raw.baseAddress!, count) == 0 }
                if equal { return entry.action }
            }
            return nil
        }
    }

    /// A non-string PII value (a numeric buyer id) is hashed from its text, as the scanner-based pass does.
    private static func text(of reader: inout JSONReader) throws(JSONReadError) -> String {
        let range = try reader.skipValue()
        return String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[range]), as: UTF8.self)
    }
}
