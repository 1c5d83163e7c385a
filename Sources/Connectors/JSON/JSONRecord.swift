import Foundation
import OmnidashCore

/// One JSON object of a platform's answer, read member by member: ids are digits, counts whole and not negative,
/// amounts plain decimals kept as the exact text the platform wrote (never through `Double`). A failed read names the
/// member, so the record's reject says what was wrong.
struct JSONRecord {
    struct Problem: Error {
        let reason: String
    }

    let scanner: JSONScanner
    let range: Range<Int>
    private let members: [String: Range<Int>]

    init(_ scanner: JSONScanner, _ range: Range<Int>) throws(Problem) {
        self.scanner = scanner
        self.range = range
        guard let members = try? scanner.members(of: range) else { throw Problem(reason: "record: is not a JSON object") }
        self.members = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// The record as received.
    var json: String { scanner.text(range) }

    /// The member's value range, `nil` when absent or null.
    func value(_ name: String) -> Range<Int>? {
        guard let range = members[name], scanner.text(range) != "null" else { return nil }
        return range
    }

    /// A number or a string, as text.
    func scalar(_ name: String) -> String? {
        guard let range = value(name) else { return nil }
        return scanner.string(range) ?? scanner.text(range)
    }

    func string(_ name: String) throws(Problem) -> String? {
        guard let range = value(name) else { return nil }
        guard let text = scanner.string(range) else { throw Problem(reason: "\(name): expected a string, found \(scanner.text(range))") }
        return text
    }

    /// A required id written as a number or a string of digits.
    func id(_ name: String) throws(Problem) -> String {
        guard let text = scalar(name), !text.isEmpty else { throw Problem(reason: "\(name): is required") }
        return try Self.id(text, name)
    }

    /// A required whole count, not negative.
    func count(_ name: String) throws(Problem) -> Int64 {
        guard let text = scalar(name) else { throw Problem(reason: "\(name): is required") }
        return try Self.count(text, name)
    }

    func optionalCount(_ name: String) throws(Problem) -> Int64? {
        value(name) == nil ? nil : try count(name)
    }

    /// A required amount or ratio, as its exact text.
    func amount(_ name: String, allowsNegative: Bool = false) throws(Problem) -> String {
        guard let text = scalar(name) else { throw Problem(reason: "\(name): is required") }
        return try Self.amount(text, name, allowsNegative: allowsNegative)
    }

    func optionalAmount(_ name: String) throws(Problem) -> String? {
        value(name) == nil ? nil : try amount(name, allowsNegative: true)
    }

    /// A required date in the platform's `format`, read by `parse`.
    func date(_ name: String, format: String, parse: (String) -> BusinessDate?) throws(Problem) -> BusinessDate {
        guard let text = try string(name) else { throw Problem(reason: "\(name): is required") }
        guard let date = parse(text) else { throw Problem(reason: "\(name): '\(text)' is not \(format)") }
        return date
    }

    // The checks, for a wrapper that reads its members its own way.

    static func id(_ text: String, _ name: String) throws(Problem) -> String {
        guard text.allSatisfy(\.isASCII), Int64(text) != nil else { throw Problem(reason: "\(name): '\(text)' is not an id") }
        return text
    }

    static func count(_ text: String, _ name: String) throws(Problem) -> Int64 {
        guard let value = Int64(text) else { throw Problem(reason: "\(name): '\(text)' is not a whole number") }
        guard value >= 0 else { throw Problem(reason: "\(name): \(value) is negative") }
        return value
    }

    static func amount(_ text: String, _ name: String, allowsNegative: Bool) throws(Problem) -> String {
        guard let value = Decimal(exactly: text) else { throw Problem(reason: "\(name): '\(text)' is not a number") }
        guard allowsNegative || value >= 0 else { throw Problem(reason: "\(name): \(text) is negative") }
        return text
    }
}
