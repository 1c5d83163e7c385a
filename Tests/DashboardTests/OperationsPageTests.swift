@testable import Dashboard
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Testing
import Warehouse

/// The Operations page over a warehouse holding what syncs leave behind (a succeeded and a failed stream, rejected
/// records, a stored token), on both engines: the failed stream's error, the rejects' reasons, each source's
/// freshness, the provisional days and the timetable's next runs are on the page, and its CSV and JSON carry the same
/// rows.
@Suite("Operations page")
struct OperationsPageTests {
    static let failure = "Shopee /api/v2/order/get_order_list: error_auth — Invalid access_token (HTTP 403)"
    static let badQuantity = "item_list[0].model_quantity_purchased: expected a number"
    static let badDate = "create_time: not a Unix time"

    /// Two runs: the earlier one synced Shopee's orders, the later one failed them and synced Lazada's with retries.
    static func seed(_ warehouse: any Warehouse, now: Date) async throws {
        let log = SyncRunLog(warehouse: warehouse)
        let older = "20261130T000000Z-aaaaaa", newer = "20261201T000000Z-bbbbbb"
        for var entry in [
            SyncRunLog.Entry(runID: older, source: "shopee", accountID: "822451903", stream: "orders", status: .succeeded, records: 40,
                             requests: 3),
            SyncRunLog.Entry(runID: newer, source: "shopee", accountID: "822451903", stream: "orders", status: .failed, requests: 1,
                             error: failure),
            SyncRunLog.Entry(runID: newer, source: "lazada", accountID: "100234", stream: "orders", status: .succeeded, records: 12,
                             rejects: 3, requests: 6, retries: 2),
        ] {
            let outcome = entry.status
            entry.status = .running
            try await log.started(entry)
            entry.status = outcome
            try await log.finished(entry)
        }
        let rejectedAt = Timestamp.string(now.addingTimeInterval(-600))
        try await warehouse.write([.insert(RowSet(
            table: "raw_rejects",
            columns: ["reject_id", "source", "stream", "account_id", "record_key", "reason", "payload", "_sync_run_id", "rejected_at"],
            rows: [("r1", "2611250001", badQuantity), ("r2", "2611250002", badQuantity), ("r3", "2611250003", badDate)].map { id, key, reason in
                [.text(id), .text("lazada"), .text("orders"), .text("100234"), .text(key), .text(reason), .text("{}"), .text(newer),
                 .text(rejectedAt)]
            })),
            // Lazada states when the seller's authorisation ends; the other token's platform does not.
            .insert(RowSet(table: "oauth_tokens",
                           columns: ["source", "account_id", "sealed_tokens", "access_expires_at", "refresh_expires_at", "updated_at"],
                           rows: [[.text("lazada"), .text("100234"), .text("sealed"),
                                   .text(Timestamp.string(now.addingTimeInterval(3 * 86_400))),
                                   .text(Timestamp.string(now.addingTimeInterval(150 * 86_400))), .text(Timestamp.string(now))],
                                  [.text("shopee"), .text("822451903"), .text("sealed"),
                                   .text(Timestamp.string(now.addingTimeInterval(4 * 3_600))), .null, .text(Timestamp.string(now))]])),
        ])
    }

    @Test("the page, its CSV and its JSON show runs, errors, rejects, freshness and the next runs", arguments: WarehouseEngine.allCases)
    func pageShowsWhatTheSyncsLeft(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            // Two hours after the runs the seed writes now: each source's freshness is about two hours old. (Taken
            // here, not before the warehouse starts, which can take a while on a busy machine.)
            let now = Date().addingTimeInterval(7200)
            try await Self.seed(fixture.warehouse, now: now)
            let environment = DashboardEnvironment(warehouse: fixture.warehouse, now: { now }, restatementDays: [.facebookAds: 28])
            let filters = try DashboardFilters(query: [:], today: environment.today)
            let model = try await Operations.query(environment, filters: filters)
            let planned = environment.schedule.nextRuns(after: now, limit: 8)
            #expect(!planned.isEmpty, "the default timetable plans runs")

            // The model: the latest run of each stream, the failed one with its error.
            #expect(model.streams.map { "\($0.source)/\($0.stream)/\($0.status)" } == ["lazada/orders/succeeded", "shopee/orders/failed"])
            #expect(model.streams.first { $0.source == "shopee" }?.error == Self.failure)
            #expect(model.rejects.map { "\($0.reason):\($0.count)" } == ["\(Self.badQuantity):2", "\(Self.badDate):1"])
            #expect(model.rejects[0].examples == ["2611250001", "2611250002"], "newest first, then by key")
            let shopee = try #require(model.freshness.first { $0.source == "shopee" })
            #expect(shopee.lastStatus == "failed" && shopee.lastSuccessAt != nil)
            #expect((7100...7300).contains(shopee.ageSeconds ?? 0), "\(shopee.ageSeconds ?? -1)")
            // Configured or synced; the window is the platform's own or the alerts' default of 7 days.
            #expect(Set(model.provisional.map { "\($0.platform):\($0.days)" }) == ["shopee:7", "lazada:7", "facebook:28"])
            #expect(model.tokens.first?.secondsLeft.map { (259_100...259_200).contains($0) } == true)
            let authorisationEnds = model.tokens.map { $0.authorizationExpiresAt.flatMap(Timestamp.unixSeconds) }
            #expect(authorisationEnds == [Int64(now.timeIntervalSince1970) + 150 * 86_400, nil], "\(authorisationEnds)")
            #expect(model.nextRuns.map(\.job) == planned.map(\.job))
            #expect(model.nextRuns.map(\.at) == planned.map { Timestamp.string($0.at) })

            // The HTML, in English and Thai.
            let html = Operations.view(model, language: .en).render()
            // The runs were logged just now (the log keeps the wall clock), two hours before the page's clock.
            #expect(html.contains("2 h 0 min") || html.contains("1 h 59 min"))
            for text in [Self.failure, Self.badQuantity, Self.badDate, "Shopee", "Lazada", "failed",
                         "Next scheduled runs", planned[0].job, "Asia/Bangkok", "Authorization ends", "not stated"] {
                #expect(html.contains(text), "the page shows \(text)")
            }
            let thai = Operations.view(model, language: .th).render()
            #expect(thai.contains("การทำงานของระบบ") && thai.contains("รอบที่กำหนดไว้ถัดไป") && thai.contains(Self.failure))
            #expect(thai.contains("สิทธิ์การเชื่อมต่อสิ้นสุด") && thai.contains("ไม่ระบุ"))
            // Outside the data (sources, streams, errors, reasons, jobs, the time zone, commands), nothing is left in English.
            let data = ["Shopee", "Lazada", "Facebook Ads", "orders", Self.failure, Self.badQuantity, Self.badDate, "Asia/Bangkok",
                        "omnidash run", "omnidash sync", "schedule"] + planned.map(\.job)
            #expect(VisibleText.englishWords(in: thai, data: data).isEmpty, "\(VisibleText.englishWords(in: thai, data: data))")

            // The CSV: one line per row of every table, in the same order.
            let csv = Operations.csv(model)
            let lines = csv.split(separator: "\r\n").map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            #expect(header.first == "section")
            func rows(_ section: String) -> [[String: String]] {
                lines.dropFirst().map(Self.csvFields).filter { $0.first == section }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
            }
            #expect(rows("sync_runs").map { $0["error"] ?? "" } == model.streams.map { $0.error ?? "" })
            #expect(rows("raw_rejects").map { "\($0["reason"] ?? ""):\($0["count"] ?? "")" } == model.rejects.map { "\($0.reason):\($0.count)" })
            #expect(rows("freshness").map { $0["source"] ?? "" } == model.freshness.map(\.source))
            #expect(rows("next_runs").map { $0["at"] ?? "" } == model.nextRuns.map(\.at))
            #expect(rows("tokens").map { $0["refresh_expires_at"] ?? "" } == model.tokens.map { $0.authorizationExpiresAt ?? "" })
            #expect(rows("tokens").count == 2 && rows("provisional_days").count == model.provisional.count)

            // The JSON: the same rows again.
            let json = try #require(try JSONSerialization.jsonObject(with: Operations.json(model, currency: .thb)) as? [String: Any])
            let runs = try #require(json["sync_runs"] as? [[String: Any]])
            #expect(runs.map { $0["error"] as? String ?? "" } == model.streams.map { $0.error ?? "" })
            #expect(runs.map { $0["retries"] as? Int } == model.streams.map { Int($0.retries) })
            let rejects = try #require(json["raw_rejects"] as? [[String: Any]])
            #expect(rejects.map { $0["reason"] as? String ?? "" } == model.rejects.map(\.reason))
            let next = try #require(json["next_runs"] as? [[String: Any]])
            #expect(next.map { $0["at"] as? String ?? "" } == model.nextRuns.map(\.at))
            #expect((json["freshness"] as? [[String: Any]])?.count == model.freshness.count)
            let tokens = try #require(json["tokens"] as? [[String: Any]])
            #expect(tokens.map { $0["refresh_expires_at"] as? String } == model.tokens.map(\.authorizationExpiresAt))
        }
    }

    @Test func anEmptyWarehouseSaysThereIsNothingYet() async throws {
        try await withTestWarehouse(.sqlite) { fixture in
            let environment = DashboardEnvironment(warehouse: fixture.warehouse, schedule: ScheduleSettings(jobs: [:]))
            let model = try await Operations.query(environment, filters: try DashboardFilters(query: [:], today: environment.today))
            #expect(model.streams.isEmpty && model.rejects.isEmpty && model.tokens.isEmpty && model.nextRuns.isEmpty)
            let html = Operations.view(model, language: .en).render()
            #expect(html.contains("No sync has run yet") && html.contains("No record has been rejected.") && html.contains("Nothing is scheduled."))
            #expect(Operations.csv(model).split(separator: "\r\n").count == 1, "the header alone")
        }
    }

    @Test func theRouteIsRegisteredInEveryFormAndInTheNavigation() {
        #expect(SiteRoute.allPaths.contains("/operations") && SiteRoute.allPaths.contains("/operations.csv")
                && SiteRoute.allPaths.contains("/operations.json"))
        let navigation = Layout.navigation(current: nil, filters: LocalizedPagesTests.filters, language: .th)
        #expect(navigation.contains { $0.title == "การทำงานของระบบ" })
    }

    @Test func durationsReadAsAPersonSaysThem() {
        #expect(Operations.durationText(42, .en) == "42 s")
        #expect(Operations.durationText(185, .en) == "3 min 5 s")
        #expect(Operations.durationText(7_800, .en) == "2 h 10 min")
        #expect(Operations.durationText(3 * 86_400 + 4 * 3600, .th) == "3 วัน 4 ชม.")
        #expect(Operations.durationText(nil, .en) == "–")
    }

    /// A CSV line's fields, quotes undone.
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch (character, quoted) {
            case ("\"", true): quoted = false
            case ("\"", false) where field.isEmpty || field.hasSuffix("\""): quoted = true; if !field.isEmpty { field.append("\"") }
            case (",", false): fields.append(field); field = ""
            default: field.append(character)
            }
        }
        return fields + [field]
    }
}
