import Foundation
import OmnidashCore
import Warehouse

/// Airbyte's `source-google-analytics-data-api` records of the seed's custom reports (`daily_traffic`,
/// `page_performance`, `ecommerce_events`) → the GA4 Data API raw tables, whose columns are GA4's own dimension and
/// metric names as Airbyte's records name their fields. Airbyte adds `property_id`, writes `date` as YYYYMMDD and types
/// metrics as numbers; the checks are the native parser's: whole counts, finite ratios, revenue a plain decimal kept as
/// its text (never through `Double`). A dimension the seed's report does not request (`sessionCampaignId`) is
/// '(not set)', as GA4 itself says of a value it lacks.
public struct GA4AirbyteMapper: AirbyteSourceMapper {
    public static let reports: [(stream: String, table: RawTableContract)] = [
        ("daily_traffic", GA4RawTables.dailyTraffic),
        ("page_performance", GA4RawTables.pagePerformance),
        ("ecommerce_events", GA4RawTables.ecommerceEvents),
    ]

    let options: AirbyteImportOptions

    public init(options: AirbyteImportOptions = AirbyteImportOptions()) {
        self.options = options
    }

    public var streams: [String] { Self.reports.map(\.stream) }
    public var tables: [RawTableContract] { Self.reports.map(\.table) }

    public mutating func map(stream: String, data: Range<Int>, of scanner: JSONScanner) -> AirbyteMapped {
        guard let table = Self.reports.first(where: { $0.stream == stream })?.table else { return .unknownStream }
        return .parsed(row(stream: stream, table: table, data, scanner))
    }

    private func row(stream: String, table: RawTableContract, _ data: Range<Int>, _ scanner: JSONScanner) -> ParsedRecord {
        let raw = scanner.text(data)
        var propertyID = options.accountID
        var key: String?
        func reject(_ reason: String) -> ParsedRecord {
            .reject(RawReject(source: Platform.ga4.rawValue, stream: stream, accountID: propertyID, recordKey: key, reason: reason, payload: raw))
        }
        do throws(JSONRecord.Problem) {
            let record = try JSONRecord(scanner, data)
            if record.value("property_id") != nil { propertyID = try record.id("property_id") }
            guard let propertyID else { return reject("property_id: is required (or pass --account-id)") }
            guard let dateText = record.scalar("date") else { return reject("date: is required") }
            guard let date = Self.date(dateText) else { return reject("date: '\(dateText)' is not YYYYMMDD") }
            var row = table.row()
            row["property_id"] = .text(propertyID)
            row["date"] = .text(date.description)
            var keyParts = [date.description]
            for column in table.schema.columns where !RawTableContract.lineage.contains(where: { $0.name == column.name }) {
                let name = column.name
                guard !["property_id", "date", "raw_json"].contains(name) else { continue }
                let text = record.scalar(name)
                switch column.type {
                case .integer:
                    row[name] = SQLValue(try text.map { text throws(JSONRecord.Problem) in try Self.whole(text, name) })
                case .real:
                    guard let text else { continue }
                    guard let value = Double(text), value.isFinite else { throw JSONRecord.Problem(reason: "\(name): '\(text)' is not a number") }
                    row[name] = .real(value)
                case _ where table.key.contains(name):
                    let value = text.flatMap { $0.isEmpty ? nil : $0 } ?? "(not set)"
                    row[name] = .text(value)
                    keyParts.append(value)
                default:
                    guard let text else { continue }
                    guard GA4ResponseParser.isDecimal(text) else { throw JSONRecord.Problem(reason: "\(name): '\(text)' is not a decimal amount") }
                    row[name] = .text(text)
                }
            }
            key = keyParts.joined(separator: "|")
            row["raw_json"] = .text(raw)
            return .row(row)
        } catch {
            return reject(error.reason)
        }
    }

    /// A whole count; Airbyte may print a whole float (`12.0`) for a metric its schema types as a number.
    static func whole(_ text: String, _ name: String) throws(JSONRecord.Problem) -> Int64 {
        var digits = Substring(text)
        if let point = digits.firstIndex(of: "."), digits[digits.index(after: point)...].allSatisfy({ $0 == "0" }) { digits = digits[..<point] }
        return try JSONRecord.count(String(digits), name)
    }

    /// `20261130` as GA4 and Airbyte write it, or `2026-11-30`.
    static func date(_ text: String) -> BusinessDate? {
        GA4ResponseParser.date(text) ?? BusinessDate(text)
    }
}
