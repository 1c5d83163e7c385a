import Foundation
import OmnidashCore

/// One object of a Sponsored Solutions answer. Lazada writes every metric as a string (`"66.68"`, `"1560"`) and
/// `"-"` (or `"null"`) for "no data"; amounts stay the exact text, counts must be whole. A failed read names the field.
struct LazadaAdsRecord {
    typealias Problem = JSONRecord.Problem

    private let record: JSONRecord

    init(_ scanner: JSONScanner, _ range: Range<Int>) throws(Problem) {
        record = try JSONRecord(scanner, range)
    }

    var json: String { record.json }

    /// The value as text, `nil` for absent, null, `"-"` and `"null"`.
    func text(_ name: String) -> String? {
        guard let text = record.scalar(name) else { return nil }
        return text == "-" || text == "null" || text.isEmpty ? nil : text
    }

    func id(_ name: String) throws(Problem) -> String {
        guard let text = text(name) else { throw Problem(reason: "\(name): is required") }
        return try JSONRecord.id(text, name)
    }

    /// A count; "no data" is none.
    func count(_ name: String) throws(Problem) -> Int64 {
        guard let text = text(name) else { return 0 }
        return try JSONRecord.count(text, name)
    }

    /// An amount; "no data" is nothing spent or earned.
    func amount(_ name: String) throws(Problem) -> String {
        guard let text = text(name) else { return "0" }
        return try JSONRecord.amount(text, name, allowsNegative: false)
    }

    /// A ratio or budget kept as reported, `nil` for "no data".
    func optionalAmount(_ name: String) throws(Problem) -> String? {
        guard let text = text(name) else { return nil }
        return try JSONRecord.amount(text, name, allowsNegative: true)
    }
}
