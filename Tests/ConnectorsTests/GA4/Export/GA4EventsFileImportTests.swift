import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Testing
import Warehouse

@Suite("GA4 export file import")
struct GA4EventsFileImportTests {
    static let piiKey = "ga4-export-import-test-key"

    /// A page view as `bq extract` writes it: INT64 as strings, FLOAT64 as numbers.
    static let pageView = #"{"event_date":"20261124","event_timestamp":"1763960400000000","event_name":"page_view","event_params":[{"key":"ga_session_id","value":{"int_value":"1763960400"}},{"key":"ga_session_number","value":{"int_value":"1"}},{"key":"page_location","value":{"string_value":"https://www.sukhonbeauty.co.th/collections/serums?utm_source=newsletter"}},{"key":"entrances","value":{"int_value":"1"}}],"user_pseudo_id":"1187.1763960400","user_id":"member-0042","device":{"category":"mobile","web_info":{"browser":"Safari"}},"geo":{"country":"Thailand","city":"Bangkok"},"traffic_source":{"name":"nl_2026_11_24","medium":"email","source":"newsletter"},"collected_traffic_source":{"manual_source":"newsletter","manual_medium":"email","manual_campaign_name":"nl_2026_11_24"},"stream_id":"5208731946","platform":"WEB","batch_event_index":"0"}"#
    /// A purchase written by a client that sends INT64 as JSON numbers and `value` as a double.
    static let purchase = #"{"event_date":"20261124","event_timestamp":1763960520000000,"event_name":"purchase","event_params":[{"key":"ga_session_id","value":{"int_value":1763960400}},{"key":"transaction_id","value":{"string_value":"T-1001"}},{"key":"value","value":{"double_value":1234.5}}],"user_pseudo_id":"1187.1763960400","ecommerce":{"transaction_id":"T-1001","purchase_revenue":1234.5,"total_item_quantity":"3"},"stream_id":5208731946,"batch_event_index":1}"#

    @Test("events load with INT64 as strings or numbers, revenue exact, user_id hashed; bad lines are rejected with their line and field",
          arguments: WarehouseEngine.allCases)
    func loadsAndRejects(engine: WarehouseEngine) async throws {
        let lines = [
            Self.pageView,
            "{not json",
            Self.pageView.replacingOccurrences(of: #""user_pseudo_id":"1187.1763960400","#, with: ""),
            Self.pageView.replacingOccurrences(of: #""event_date":"20261124""#, with: #""event_date":"2026-11-24""#),
            "",
            Self.purchase.replacingOccurrences(of: #""purchase_revenue":1234.5"#, with: #""purchase_revenue":"12,34""#),
            Self.purchase.replacingOccurrences(of: #"{"int_value":1763960400}"#, with: #"{"int_value":"soon"}"#),
            Self.purchase,
        ]
        let file = try Self.write(lines)
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withTestWarehouse(engine) { fixture in
            let result = try await Self.importer(fixture.warehouse).run(path: file)
            #expect(result.events == 2)
            #expect(result.rejects == 5)
            #expect(result.dates == [BusinessDate("2026-11-24")!])

            let name = URL(fileURLWithPath: file).lastPathComponent
            let reasons = try await fixture.warehouse.query("SELECT reason FROM raw_rejects ORDER BY reason").map { $0.text("reason") }
            #expect(reasons == [
                "\(name):2: line: is not JSON",
                "\(name):3: user_pseudo_id: is required",
                "\(name):4: event_date: '2026-11-24' is not YYYYMMDD",
                "\(name):6: ecommerce.purchase_revenue: '12,34' is not a number",
                "\(name):7: event_params[ga_session_id]: 'soon' is not a whole number",
            ].sorted())

            let rows = try await fixture.warehouse.query("""
                SELECT event_name, event_date, event_timestamp, ga_session_id, stream_id, purchase_revenue, transaction_id,
                       user_id, raw_json, collected_source, page_location, entrances, items_quantity
                FROM raw_ga4_events ORDER BY event_timestamp
                """)
            #expect(rows.map { $0.text("event_name") } == ["page_view", "purchase"])
            #expect(rows.allSatisfy { $0.text("event_date") == "2026-11-24" && $0.int("ga_session_id") == 1_763_960_400 })
            #expect(rows.allSatisfy { $0.text("stream_id") == "5208731946" })
            #expect(rows[1].int("event_timestamp") == 1_763_960_520_000_000)
            #expect(rows[1].text("purchase_revenue") == "1234.5" && rows[1].text("transaction_id") == "T-1001")
            #expect(rows[1].int("items_quantity") == 3)
            #expect(rows[0].text("collected_source") == "newsletter" && rows[0].int("entrances") == 1)
            let hashed = try #require(rows[0].optionalText("user_id"))
            #expect(hashed != "member-0042" && !rows[0].text("raw_json").contains("member-0042"), "user_id was stored in clear")
        }
    }

    @Test("importing the same file again updates its events: no duplicates, nothing else changes", arguments: WarehouseEngine.allCases)
    func reimportIsIdempotent(engine: WarehouseEngine) async throws {
        let file = try Self.write([Self.pageView, Self.purchase])
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withTestWarehouse(engine) { fixture in
            let columns = "event_key, event_name, event_timestamp, purchase_revenue, raw_json"
            _ = try await Self.importer(fixture.warehouse).run(path: file)
            let first = try await fixture.warehouse.query(SQLStatement("SELECT \(columns) FROM raw_ga4_events ORDER BY event_key"))
            let again = try await Self.importer(fixture.warehouse).run(path: file)
            #expect(again.events == 2)
            let second = try await fixture.warehouse.query(SQLStatement("SELECT \(columns) FROM raw_ga4_events ORDER BY event_key"))
            #expect(first.count == 2)
            #expect(second == first)
        }
    }

    static func importer(_ warehouse: any Warehouse) -> GA4EventsFileImport {
        GA4EventsFileImport(sink: RawSink(warehouse: warehouse, runID: "test-\(UUID().uuidString.prefix(6))"),
                            parser: GA4EventParser(hasher: PIIHasher(secret: piiKey)))
    }

    static func write(_ lines: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("events_20261124-\(UUID().uuidString.prefix(8)).json").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
