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

    public init(_ paths: [[String]: PIIHasher.Kind], withholding withheld: Set<[String]> = []) {
        self.paths = paths
        self.withheld = withheld
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
