import Foundation
import OmnidashCore
import Warehouse

/// Reads one line of a GA4 BigQuery export (`events_YYYYMMDD` as newline-delimited JSON) into a `raw_ga4_events` row.
///
/// BigQuery writes INT64 as JSON strings and FLOAT64 as numbers and omits NULL fields; both spellings of a number are
/// accepted and a missing member is NULL. A line that is not a JSON object, lacks a required field or has a value of
/// the wrong kind is rejected, naming the field. `user_id` is the site's own id for a person: it is hashed, in its
/// column and in `raw_json`.
public struct GA4EventParser: Sendable {
    public static let source = "ga4"
    public static let stream = "events"
    let hasher: PIIHasher
    private let redactor = JSONRedactor([["user_id"]: .identifier])

    public init(hasher: PIIHasher) {
        self.hasher = hasher
    }

    public enum Outcome: Sendable {
        case row(TableRow)
        case reject(RawReject)
    }

    public func parse(_ line: ArraySlice<UInt8>) -> Outcome {
        let scanner = JSONScanner(Array(line))
        guard let root = try? scanner.root() else {
            return reject("line: is not JSON", key: nil, payload: nil)
        }
        do {
            return .row(try row(scanner, root))
        } catch {
            let record = try? JSONRecord(scanner, root)
            let key = [record?.scalar("user_pseudo_id"), record?.scalar("event_timestamp"), record?.scalar("event_name")]
                .compactMap { $0 }.joined(separator: "|")
            let payload = try? redactor.redact(scanner, root, hasher: hasher)
            return reject(error.reason, key: key.isEmpty ? nil : key, payload: payload.map { String(decoding: $0, as: UTF8.self) })
        }
    }

    private func reject(_ reason: String, key: String?, payload: String?) -> Outcome {
        .reject(RawReject(source: Self.source, stream: Self.stream, accountID: nil, recordKey: key, reason: reason, payload: payload))
    }

    private func row(_ scanner: JSONScanner, _ root: Range<Int>) throws(JSONRecord.Problem) -> TableRow {
        let event = try JSONRecord(scanner, root)
        let dateText = try event.string("event_date") ?? ""
        guard !dateText.isEmpty else { throw JSONRecord.Problem(reason: "event_date: is required") }
        guard let date = Self.date(dateText) else { throw JSONRecord.Problem(reason: "event_date: '\(dateText)' is not YYYYMMDD") }
        let timestamp = try event.count("event_timestamp")
        let name = try Self.required(event, "event_name")
        let user = try Self.required(event, "user_pseudo_id")
        let stream = try event.id("stream_id")
        let batchIndex = try event.optionalCount("batch_event_index")
        let params = try GA4EventParams(event, "event_params")

        var row = GA4EventRawTables.events.row()
        row["stream_id"] = .text(stream)
        row["event_key"] = .text([user, String(timestamp), name, String(batchIndex ?? 0)].joined(separator: "|"))
        row["event_date"] = .text(date.description)
        row["event_timestamp"] = .integer(timestamp)
        row["event_name"] = .text(name)
        row["user_pseudo_id"] = .text(user)
        if let userID = event.scalar("user_id") { row["user_id"] = .text(hasher.hash(userID, kind: .identifier)) }
        row["ga_session_id"] = SQLValue(try params.integer("ga_session_id"))
        row["ga_session_number"] = SQLValue(try params.integer("ga_session_number"))
        row["batch_event_index"] = SQLValue(batchIndex)
        row["platform"] = SQLValue(try event.string("platform"))
        row["page_location"] = SQLValue(params.text("page_location"))
        row["page_title"] = SQLValue(params.text("page_title"))
        row["page_referrer"] = SQLValue(params.text("page_referrer"))
        row["entrances"] = SQLValue(try params.integer("entrances"))
        row["engagement_time_msec"] = SQLValue(try params.integer("engagement_time_msec"))
        let engagedEvent = try params.integer("engaged_session_event")
        let engaged = params.text("session_engaged") == "1" || engagedEvent == 1
        row["session_engaged"] = SQLValue(engaged)

        let ecommerce = try Self.object(event, "ecommerce")
        row["transaction_id"] = SQLValue(try ecommerce?.string("transaction_id") ?? params.text("transaction_id"))
        let revenue = try Self.prefixed("ecommerce") { () throws(JSONRecord.Problem) in try ecommerce?.optionalAmount("purchase_revenue") }
        if let revenue {
            row["purchase_revenue"] = .text(revenue)
        } else if let value = params.number("value") {
            row["purchase_revenue"] = .text(try Self.amount(value, "event_params.value"))
        }
        row["currency"] = SQLValue(params.text("currency"))
        row["items_quantity"] = SQLValue(try Self.prefixed("ecommerce") { () throws(JSONRecord.Problem) in
            try ecommerce?.optionalCount("total_item_quantity")
        })

        if let collected = try Self.object(event, "collected_traffic_source") {
            row["collected_source"] = SQLValue(try collected.string("manual_source"))
            row["collected_medium"] = SQLValue(try collected.string("manual_medium"))
            row["collected_campaign"] = SQLValue(try collected.string("manual_campaign_name"))
            row["collected_campaign_id"] = SQLValue(collected.scalar("manual_campaign_id"))
            row["collected_term"] = SQLValue(try collected.string("manual_term"))
            row["collected_content"] = SQLValue(try collected.string("manual_content"))
            row["gclid"] = SQLValue(try collected.string("gclid"))
        }
        if let lastClick = try Self.object(event, "session_traffic_source_last_click") {
            if let manual = try Self.object(lastClick, "manual_campaign") {
                row["last_click_source"] = SQLValue(try manual.string("source"))
                row["last_click_medium"] = SQLValue(try manual.string("medium"))
                row["last_click_campaign"] = SQLValue(try manual.string("campaign_name"))
                row["last_click_campaign_id"] = SQLValue(manual.scalar("campaign_id"))
            }
            if let adsCampaign = try Self.object(lastClick, "google_ads_campaign") {
                row["google_ads_campaign_id"] = SQLValue(adsCampaign.scalar("campaign_id"))
                row["google_ads_campaign_name"] = SQLValue(try adsCampaign.string("campaign_name"))
            }
        }
        if let firstUser = try Self.object(event, "traffic_source") {
            row["first_user_source"] = SQLValue(try firstUser.string("source"))
            row["first_user_medium"] = SQLValue(try firstUser.string("medium"))
            row["first_user_campaign"] = SQLValue(try firstUser.string("name"))
        }
        if let device = try Self.object(event, "device") {
            row["device_category"] = SQLValue(try device.string("category"))
            row["operating_system"] = SQLValue(try device.string("operating_system"))
            let webInfo = try Self.object(device, "web_info")
            let browser = try webInfo?.string("browser")
            row["browser"] = SQLValue(browser)
        }
        if let geo = try Self.object(event, "geo") {
            row["country"] = SQLValue(try geo.string("country"))
            row["city"] = SQLValue(try geo.string("city"))
        }
        for nested in ["ecommerce", "items"] {
            row[nested] = SQLValue(event.value(nested).map(scanner.text))
        }
        let redacted = (try? redactor.redact(scanner, root, hasher: hasher)).map { String(decoding: $0, as: UTF8.self) }
        row["raw_json"] = .text(redacted ?? event.json)
        return row
    }

    /// A required non-empty string.
    private static func required(_ record: JSONRecord, _ name: String) throws(JSONRecord.Problem) -> String {
        guard let text = try record.string(name), !text.isEmpty else { throw JSONRecord.Problem(reason: "\(name): is required") }
        return text
    }

    /// The nested record `name`, `nil` when absent or null; its problems name the path.
    private static func object(_ record: JSONRecord, _ name: String) throws(JSONRecord.Problem) -> JSONRecord? {
        guard let range = record.value(name) else { return nil }
        do {
            return try JSONRecord(record.scanner, range)
        } catch {
            throw JSONRecord.Problem(reason: "\(name): is not an object")
        }
    }

    private static func prefixed<T>(_ path: String, _ body: () throws(JSONRecord.Problem) -> T) throws(JSONRecord.Problem) -> T {
        do {
            return try body()
        } catch {
            throw JSONRecord.Problem(reason: "\(path).\(error.reason)")
        }
    }

    /// An amount as the exact decimal text, refusing anything `Decimal` cannot read.
    private static func amount(_ text: String, _ name: String) throws(JSONRecord.Problem) -> String {
        guard Decimal(exactly: text) != nil else { throw JSONRecord.Problem(reason: "\(name): '\(text)' is not a number") }
        return text
    }

    /// YYYYMMDD as a business date.
    static func date(_ text: String) -> BusinessDate? {
        guard text.count == 8, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else { return nil }
        let characters = Array(text)
        return BusinessDate(String(characters[0..<4]) + "-" + String(characters[4..<6]) + "-" + String(characters[6..<8]))
    }
}

extension Error {
    fileprivate var reason: String { (self as? JSONRecord.Problem)?.reason ?? "\(self)" }
}
