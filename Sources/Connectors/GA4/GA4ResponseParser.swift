import Foundation
import OmnidashCore
import Warehouse

/// Reads one `RunReportResponse` (ads-apis.md §4.3) of `report` into raw rows, or rejects that name the field: values
/// arrive as strings; whole-number metrics must be whole, float ones numbers, revenue a decimal (kept as its text,
/// never through `Double`), and `date` YYYYMMDD.
struct GA4ResponseParser: Sendable {
    let report: GA4.Report
    let propertyID: String
    let stream: String

    struct Page {
        var records: [ParsedRecord] = []
        var rowCount = 0
    }

    func parse(_ scanner: JSONScanner, _ range: Range<Int>, endpoint: String) throws -> Page {
        func invalid(_ reason: String) -> ConnectorError {
            ConnectorError(.invalidResponse, platform: .ga4, endpoint: endpoint, message: "\(report.rawValue): \(reason)")
        }
        var page = Page()
        var dimensionNames: [String] = [], metricNames: [String] = []
        var rows: Range<Int>?
        for member in try scanner.members(of: range) {
            switch member.key {
            case "dimensionHeaders": dimensionNames = try names(scanner, member.value)
            case "metricHeaders": metricNames = try names(scanner, member.value)
            case "rows": rows = member.value
            case "rowCount": page.rowCount = Int(scanner.string(member.value) ?? scanner.text(member.value)) ?? 0
            default: break
            }
        }
        // An empty report may leave out its headers along with its rows.
        guard let rows else { return page }
        guard dimensionNames == report.dimensions, metricNames == report.metrics else {
            throw invalid("headers \(dimensionNames) / \(metricNames) are not the requested \(report.dimensions) / \(report.metrics)")
        }
        for row in try scanner.elements(of: rows) { page.records.append(parseRow(scanner, row, dimensions: dimensionNames, metrics: metricNames)) }
        return page
    }

    private func names(_ scanner: JSONScanner, _ range: Range<Int>) throws -> [String] {
        try scanner.elements(of: range).map { header in
            try scanner.members(of: header).first { $0.key == "name" }.flatMap { scanner.string($0.value) } ?? ""
        }
    }

    private func values(_ scanner: JSONScanner, _ range: Range<Int>?) throws -> [String?] {
        guard let range else { return [] }
        return try scanner.elements(of: range).map { value in
            try scanner.members(of: value).first { $0.key == "value" }.flatMap { scanner.string($0.value) }
        }
    }

    func parseRow(_ scanner: JSONScanner, _ range: Range<Int>, dimensions: [String], metrics: [String]) -> ParsedRecord {
        let raw = scanner.text(range)
        let dimensionValues: [String?], metricValues: [String?]
        do {
            let members = try scanner.members(of: range)
            dimensionValues = try values(scanner, members.first { $0.key == "dimensionValues" }?.value)
            metricValues = try values(scanner, members.first { $0.key == "metricValues" }?.value)
        } catch {
            return reject("row: \(error)", key: nil, payload: raw)
        }
        var record: [(String, String)] = []
        var key: [String] = []
        for (index, name) in dimensions.enumerated() {
            let value = index < dimensionValues.count ? dimensionValues[index] : nil
            guard let value else { return reject("dimensionValues.\(name): missing", key: key.joined(separator: "|"), payload: raw) }
            record.append((name, value))
            key.append(value)
        }
        let recordKey = key.joined(separator: "|")
        func fail(_ reason: String) -> ParsedRecord { reject(reason, key: recordKey, payload: raw) }

        let table = report.table
        var row = table.row()
        row["property_id"] = .text(propertyID)
        guard let dateText = record.first(where: { $0.0 == "date" })?.1, let date = Self.date(dateText) else {
            return fail("dimensionValues.date: '\(record.first { $0.0 == "date" }?.1 ?? "")' is not YYYYMMDD")
        }
        row["date"] = .text(date.description)
        if let breakdown = report.breakdown {
            row["breakdown"] = .text(breakdown)
            row["value"] = .text(record.count > 1 ? record[1].1 : "")
        } else {
            for (name, value) in record where name != "date" { row[name] = .text(value) }
        }
        let types = Dictionary(uniqueKeysWithValues: table.schema.columns.map { ($0.name, $0.type) })
        for (index, name) in metrics.enumerated() {
            guard let text = index < metricValues.count ? metricValues[index] : nil else { return fail("metricValues.\(name): missing") }
            record.append((name, text))
            switch types[name] {
            case .integer:
                guard let value = Int64(text) else { return fail("metricValues.\(name): '\(text)' is not a whole number") }
                guard value >= 0 else { return fail("metricValues.\(name): \(value) is negative") }
                row[name] = .integer(value)
            case .real:
                guard let value = Double(text), value.isFinite else { return fail("metricValues.\(name): '\(text)' is not a number") }
                row[name] = .real(value)
            default:
                guard Self.isDecimal(text) else { return fail("metricValues.\(name): '\(text)' is not a decimal amount") }
                row[name] = .text(text)
            }
        }
        row["raw_json"] = .text(Self.json(record))
        return .row(row)
    }

    private func reject(_ reason: String, key: String?, payload: String) -> ParsedRecord {
        .reject(RawReject(source: Platform.ga4.rawValue, stream: stream, accountID: propertyID, recordKey: key, reason: reason, payload: payload))
    }

    /// `20261130` → 2026-11-30.
    static func date(_ text: String) -> BusinessDate? {
        guard text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let digits = Array(text)
        return BusinessDate(String(digits[0..<4]) + "-" + String(digits[4..<6]) + "-" + String(digits[6..<8]))
    }

    /// A plain decimal number (`1234.5`, `-3`, `0.125`), the way GA4 writes currency metrics; no exponent.
    static func isDecimal(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// The row as a flat JSON object of GA4 names, as an Airbyte record carries it.
    static func json(_ record: [(String, String)]) -> String {
        "{" + record.map { "\(GA4ServiceAccount.quoted($0.0)):\(GA4ServiceAccount.quoted($0.1))" }.joined(separator: ",") + "}"
    }
}
