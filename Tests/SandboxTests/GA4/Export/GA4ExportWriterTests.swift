import Foundation
import OmnidashCore
import Sandbox
import Testing

@Suite("GA4 export writer")
struct GA4ExportWriterTests {
    @Test("each day's table holds that day's events as bq extract writes them: INT64 as strings, FLOAT64 as numbers, UTMs on the landing only")
    func exportRows() throws {
        let world = SandboxWorld(seed: 11, asOf: BusinessDate("2026-11-20")!)
        var tables: [BusinessDate: Data] = [:]
        try world.exportGA4Events(days: 2) { day, chunk in tables[day, default: Data()].append(chunk) }
        let first = BusinessDate("2026-11-18")!, second = BusinessDate("2026-11-19")!
        #expect(Set(tables.keys).isSubset(of: [first, second, world.asOf]) && tables[first] != nil && tables[second] != nil)

        var sessions: [BusinessDate: Set<String>] = [:]
        var landingNames: Set<String> = []
        var purchases = 0
        for (day, data) in tables {
            for line in data.split(separator: UInt8(ascii: "\n")) {
                let event = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
                let dateText = day.description.replacingOccurrences(of: "-", with: "")
                #expect(event["event_date"] as? String == dateText, "an event in another day's table")
                #expect(event["event_timestamp"] is String && event["batch_event_index"] is String, "INT64 not written as a string")
                #expect(event["stream_id"] as? String == SandboxWebsite.streamID && event["platform"] as? String == "WEB")
                let params = try #require(event["event_params"] as? [[String: Any]])
                let values = Dictionary(params.map { ($0["key"] as! String, $0["value"] as! [String: Any]) }, uniquingKeysWith: { a, _ in a })
                let sessionID = try #require(values["ga_session_id"]?["int_value"] as? String)
                let name = try #require(event["event_name"] as? String)
                if event["collected_traffic_source"] != nil { landingNames.insert(name) }
                #expect(event["user_first_touch_timestamp"] is String)
                #expect(event["traffic_source"] is [String: Any] && event["session_traffic_source_last_click"] is [String: Any])
                #expect(event.values.allSatisfy { !($0 is NSNull) }, "a NULL field was written instead of left out")
                if name == "session_start", day != world.asOf {
                    sessions[day, default: []].insert("\(event["user_pseudo_id"] as! String).\(sessionID)")
                }
                if name == "purchase" {
                    purchases += 1
                    let ecommerce = try #require(event["ecommerce"] as? [String: Any])
                    #expect(ecommerce["purchase_revenue"] is NSNumber && !(ecommerce["purchase_revenue"] is String))
                    #expect(ecommerce["total_item_quantity"] is String && ecommerce["transaction_id"] is String)
                    let value = try #require(values["value"])
                    #expect(value["int_value"] is String || value["double_value"] is NSNumber)
                }
            }
        }
        #expect(purchases > 0)
        #expect(landingNames.isSubset(of: ["session_start", "first_visit", "page_view"]))
        for day in [first, second] {
            let truth = world.websiteTruth(from: day, to: day).reduce(0) { $0 + $1.sessions }
            #expect(Int64(sessions[day]?.count ?? 0) == truth, "\(day): sessions in the table differ from the world's")
        }
    }
}
