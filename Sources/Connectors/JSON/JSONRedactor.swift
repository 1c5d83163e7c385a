/// Rewrites a JSON record with the values at given key paths replaced by keyed hashes, keeping every other
/// byte as received: how buyer PII is kept out of `raw_json` (DESIGN §9).
public struct JSONRedactor: Sendable {
    /// Key paths from the record's root, e.g. `["buyer_username"]`, `["recipient_address", "phone"]`.
    public let paths: [[String]: PIIHasher.Kind]

    public init(_ paths: [[String]: PIIHasher.Kind]) {
        self.paths = paths
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
            if let kind = paths[path] {
                if first == UInt8(ascii: "n") {
                    output.append(contentsOf: scanner.bytes[member.value])
                } else {
                    let clear = scanner.string(member.value) ?? scanner.text(member.value)
                    output.append(UInt8(ascii: "\""))
                    output.append(contentsOf: hasher.hash(clear, kind: kind).utf8)
                    output.append(UInt8(ascii: "\""))
                }
            } else if first == UInt8(ascii: "{"), paths.keys.contains(where: { $0.count > path.count && Array($0.prefix(path.count)) == path }) {
                try rewrite(scanner, member.value, prefix: path, hasher: hasher, into: &output)
            } else {
                output.append(contentsOf: scanner.bytes[member.value])
            }
        }
        output.append(UInt8(ascii: "}"))
    }
}
