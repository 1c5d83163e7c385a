import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Testing
import Transform
import Warehouse

/// GA4's session rule on hand-written export days: a session's source is its landing's, not the user's first; a direct
/// return takes the user's last campaign, found in events loaded before the day being staged.
@Suite("GA4 export session rule")
struct GA4SessionRuleTests {
    static let piiKey = "ga4-session-rule-test-key"
    static let days = [BusinessDate("2026-11-10")!, BusinessDate("2026-11-11")!, BusinessDate("2026-11-12")!]

    @Test("the first-user trap, a direct return inheriting the last campaign, and re-importing a day changing nothing",
          arguments: WarehouseEngine.allCases)
    func sessionRule(engine: WarehouseEngine) async throws {
        let organic = Source(source: "google", medium: "organic", campaign: nil, id: nil)
        let sale = Source(source: "facebook", medium: "paid_social", campaign: "th_1212_sale", id: "120210000001")
        // User A arrives from Google search, returns from a Facebook ad and buys, then comes back typing the address.
        var first = Self.session(user: "111.1762743600", day: 0, number: 1, firstUser: organic, collected: organic)
        first += Self.session(user: "111.1762743600", day: 1, number: 2, firstUser: organic, collected: sale,
                              purchase: ("T-1001", "1290.5"))
        let second = Self.session(user: "111.1762743600", day: 2, number: 3, firstUser: organic, collected: nil)
            // User B only ever typed the address.
            + Self.session(user: "222.1762916400", day: 2, number: 1, firstUser: nil, collected: nil)
            // User C's campaign came before the export began: GA4's own last-click record names it.
            + Self.session(user: "333.1760000000", day: 2, number: 4, firstUser: nil, collected: nil,
                           lastClick: Source(source: "line", medium: "line_oa", campaign: "oa_broadcast_2026_11_07", id: nil))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-ga4-rule-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let firstFile = directory.appendingPathComponent("events_20261110.json").path
        let secondFile = directory.appendingPathComponent("events_20261112.json").path
        try Data(first.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: firstFile))
        try Data(second.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: secondFile))

        try await withTestWarehouse(engine) { fixture in
            let warehouse = fixture.warehouse
            let configuration = OmnidashConfiguration()
            _ = try await Self.importer(warehouse).run(path: firstFile)
            _ = try await TransformRunner(warehouse: warehouse, configuration: configuration).run()
            // The third day is staged alone: the return visit's campaign is in events staged by the earlier run.
            _ = try await Self.importer(warehouse).run(path: secondFile)
            _ = try await TransformRunner(warehouse: warehouse, configuration: configuration).run()

            let sessions = try await Self.sessions(warehouse)
            #expect(sessions.count == 5)
            let bought = try #require(sessions["111.1762743600.\(Self.sessionID(day: 1, user: "111.1762743600"))"])
            #expect(bought.channel == "Paid Social", "the user's first source (google / organic) decided the session")
            #expect(bought.firstUser == "google / organic")
            #expect(bought.transactions == 1 && bought.revenueMinor == 129_050)
            let returned = try #require(sessions["111.1762743600.\(Self.sessionID(day: 2, user: "111.1762743600"))"])
            #expect(returned.source == "facebook / paid_social / th_1212_sale / 120210000001")
            #expect(returned.channel == "Paid Social")
            #expect(sessions["222.1762916400.\(Self.sessionID(day: 2, user: "222.1762916400"))"]?.channel == "Direct")
            #expect(sessions["222.1762916400.\(Self.sessionID(day: 2, user: "222.1762916400"))"]?.source == "(direct) / (none) / (direct) / -")
            #expect(sessions["333.1760000000.\(Self.sessionID(day: 2, user: "333.1760000000"))"]?.channel == "LINE")

            let traffic = try await warehouse.query("""
                SELECT date, source, medium, sessions, users, transactions, revenue_thb_minor, channel_grouping FROM stg_ga4_traffic
                WHERE data_source = 'export' AND medium = 'paid_social'
                """)
            #expect(Set(traffic.map { "\($0.text("date")) \($0.int("sessions")) \($0.int("transactions")) \($0.int("revenue_thb_minor")) \($0.text("channel_grouping"))" })
                    == ["2026-11-11 1 1 129050 Paid Social", "2026-11-12 1 0 0 Paid Social"])

            // The export rewrites a day for three days: importing it again changes no staged row.
            let staged = try await Self.stagedRows(warehouse)
            _ = try await Self.importer(warehouse).run(path: secondFile)
            _ = try await TransformRunner(warehouse: warehouse, configuration: configuration).run()
            #expect(try await Self.stagedRows(warehouse) == staged)
            #expect(try await warehouse.scalar("SELECT count(*) FROM raw_ga4_events").int64 == Int64(first.count + second.count))
        }
    }

    struct Source {
        let source: String
        let medium: String
        let campaign: String?
        let id: String?
    }

    struct StagedSession {
        let source: String
        let channel: String
        let firstUser: String
        let transactions: Int64
        let revenueMinor: Int64
    }

    static func sessions(_ warehouse: any Warehouse) async throws -> [String: StagedSession] {
        let rows = try await warehouse.query("SELECT * FROM stg_ga4_sessions")
        return Dictionary(uniqueKeysWithValues: rows.map { row in
            (row.text("session_id"), StagedSession(
                source: [row.text("source"), row.text("medium"), row.text("campaign"), row.optionalText("campaign_id") ?? "-"].joined(separator: " / "),
                channel: row.text("channel_grouping"),
                firstUser: "\(row.text("first_user_source")) / \(row.text("first_user_medium"))",
                transactions: row.int("transactions"), revenueMinor: row.int("purchase_revenue_thb_minor")))
        })
    }

    /// Every staged export row but the build time.
    static func stagedRows(_ warehouse: any Warehouse) async throws -> [[String]] {
        var result: [[String]] = []
        for table in ["stg_ga4_sessions", "stg_ga4_traffic", "stg_ga4_pages", "stg_ga4_audience", "stg_ga4_purchases"] {
            let rows = try await warehouse.query(SQLStatement("SELECT * FROM \(table)"))
            result += rows.map { row in [table] + zip(row.columns, row.values).filter { $0.0 != "_ingested_at" }.map { "\($0.0)=\($0.1)" } }
        }
        return result.sorted { $0.lexicographicallyPrecedes($1) }
    }

    static func sessionID(day: Int, user: String) -> Int64 {
        BusinessCalendar.bangkok.startOfDay(days[day]) + 10 * 3_600 + Int64(user.prefix(3))!
    }

    /// A session's events as `bq extract` writes them: session_start (and first_visit), two page views, the purchase.
    static func session(user: String, day: Int, number: Int, firstUser: Source?, collected: Source?, lastClick: Source? = nil,
                        purchase: (id: String, revenue: String)? = nil) -> [String] {
        let start = sessionID(day: day, user: user)
        var names = ["session_start"] + (number == 1 ? ["first_visit"] : []) + ["page_view", "page_view"]
        if purchase != nil { names.append("purchase") }
        return names.enumerated().map { index, name in
            let micros = (start + Int64(index) * 20) * 1_000_000
            var params: [[String: Any]] = [
                ["key": "ga_session_id", "value": ["int_value": String(start)]],
                ["key": "ga_session_number", "value": ["int_value": String(number)]],
                ["key": "page_location", "value": ["string_value": "https://www.sukhonbeauty.co.th/" + (index < 3 ? "" : "collections/serums")]],
            ]
            var event: [String: Any] = [
                "event_date": days[day].description.replacingOccurrences(of: "-", with: ""), "event_timestamp": String(micros),
                "event_name": name, "user_pseudo_id": user, "stream_id": "5208731946", "platform": "WEB",
                "batch_event_index": String(index), "device": ["category": "mobile"], "geo": ["country": "Thailand", "city": "Bangkok"],
            ]
            if let firstUser {
                event["traffic_source"] = ["source": firstUser.source, "medium": firstUser.medium, "name": firstUser.campaign ?? "(organic)"]
            } else {
                event["traffic_source"] = ["source": "(direct)", "medium": "(none)", "name": "(direct)"]
            }
            if let collected, index < names.count - (purchase == nil ? 1 : 2) {
                var record: [String: Any] = ["manual_source": collected.source, "manual_medium": collected.medium]
                if let campaign = collected.campaign { record["manual_campaign_name"] = campaign }
                if let id = collected.id { record["manual_campaign_id"] = id }
                event["collected_traffic_source"] = record
            }
            if let lastClick {
                event["session_traffic_source_last_click"] = ["manual_campaign": [
                    "source": lastClick.source, "medium": lastClick.medium, "campaign_name": lastClick.campaign ?? "(not set)"]]
            }
            if let purchase, name == "purchase" {
                params.append(["key": "transaction_id", "value": ["string_value": purchase.id]])
                event["ecommerce"] = ["transaction_id": purchase.id, "purchase_revenue": purchase.revenue, "total_item_quantity": "2"]
            }
            event["event_params"] = params
            let data = try! JSONSerialization.data(withJSONObject: event, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }

    static func importer(_ warehouse: any Warehouse) -> GA4EventsFileImport {
        GA4EventsFileImport(sink: RawSink(warehouse: warehouse, runID: "test-\(UUID().uuidString.prefix(6))"),
                            parser: GA4EventParser(hasher: PIIHasher(secret: piiKey)))
    }
}
