@testable import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

@Suite("TikTok Ads connector")
struct TikTokAdsConnectorTests {
    static let bangkokAdvertiser = TikTokAdvertiser(id: "7301845290016273409", name: "TH", currency: "THB",
                                                    timeZone: TimeZone(identifier: "Asia/Bangkok")!, status: nil, rawJSON: "{}")
    static let utcAdvertiser = TikTokAdvertiser(id: "7301845290016273522", name: "SEA", currency: "USD",
                                                timeZone: TimeZone(identifier: "UTC")!, status: nil, rawJSON: "{}")

    static func parse(_ json: String, advertiser: TikTokAdvertiser = bangkokAdvertiser,
                      grain: TikTokAds.Grain = .day) throws -> [TikTokReportParser.Parsed] {
        let scanner = JSONScanner(Array(json.utf8))
        let parser = TikTokReportParser(advertiser: advertiser, grain: grain, calendar: .bangkok)
        return try scanner.elements(of: try scanner.root()).map { parser.parse(scanner, $0) }
    }

    @Test func reportRequestsCarryTheTokenInTheHeaderAndJSONArrays() throws {
        let request = TikTokAds.Requests.report(baseURL: "https://business-api.tiktok.com/", accessToken: "tok", advertiserID: "42",
                                                grain: .hour, start: BusinessDate("2026-11-01")!, end: BusinessDate("2026-11-01")!, page: 3)
        let components = try #require(URLComponents(string: request.url))
        let query = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        #expect(components.host == "business-api.tiktok.com")
        #expect(components.path == "/open_api/v1.3/report/integrated/get/")
        #expect(request.headers["Access-Token"] == "tok")
        #expect(query["access_token"] == nil)
        #expect(query["dimensions"] == #"["ad_id","stat_time_hour"]"#)
        #expect(query["data_level"] == "AUCTION_AD" && query["report_type"] == "BASIC" && query["service_type"] == "AUCTION")
        #expect(query["metrics"]?.contains(#""total_complete_payment_rate""#) == true)
        #expect(query["metrics"]?.contains("reach") == false, "reach does not add across hours")
        #expect(query["start_date"] == "2026-11-01" && query["end_date"] == "2026-11-01" && query["page"] == "3")
    }

    @Test("TikTok's codes map to what a sync should do", arguments: [
        (#"{"code":40100,"message":"Too many requests. Please retry in some time.","request_id":"r","data":{}}"#, "throttled"),
        (#"{"code":40132,"message":"Request frequency limited.","request_id":"r","data":{}}"#, "throttled"),
        (#"{"code":50000,"message":"System error.","data":{}}"#, "transient"),
        (#"{"code":51003,"message":"Internal service error.","data":{}}"#, "transient"),
        (#"{"code":40105,"message":"Access token is incorrect or has been revoked.","request_id":"r","data":{}}"#, "authentication"),
        (#"{"code":40104,"message":"Access token is null.","request_id":"r","data":{}}"#, "authentication"),
        (#"{"code":40002,"message":"metrics: Invalid metric: x.","request_id":"r","data":{}}"#, "rejected"),
        (#"{"code":0,"message":"OK","request_id":"r","data":{"list":[]}}"#, "success"),
    ])
    func classification(body: String, expected: String) {
        let verdict = TikTokAds.classify(HTTPResponseValue(status: 200, body: Data(body.utf8)), endpoint: "/x")
        switch (verdict, expected) {
        case (.success, "success"), (.throttled, "throttled"), (.transient, "transient"): break
        case (.fail(let error), "authentication"):
            #expect(error.kind == .authentication && error.code != nil && error.message.contains("request_id") == body.contains("request_id"))
        case (.fail(let error), "rejected"): #expect(error.kind == .rejected && error.code == "40002")
        default: Issue.record("\(body): unexpected verdict \(verdict)")
        }
    }

    @Test func anHTMLErrorPageIsNotSuccess() {
        guard case .fail(let error) = TikTokAds.classify(HTTPResponseValue(status: 200, body: Data("<html>".utf8)), endpoint: "/x") else {
            Issue.record("a body without TikTok's envelope must not pass")
            return
        }
        #expect(error.kind == .invalidResponse)
    }

    @Test func documentedRowsParseWithExactAmountsAndIDsSentAsNumbers() throws {
        let rows = try Self.parse(#"""
            [{"dimensions":{"ad_id":"1700000000000001","stat_time_day":"2026-11-01 00:00:00"},
              "metrics":{"campaign_id":1714125042508817,"campaign_name":"C","spend":"15230.07","impressions":"98231","clicks":1204,
                         "reach":"70110","complete_payment":"18","total_complete_payment_rate":"41200.50","video_play_actions":"5",
                         "likes":"3","comments":null,"shares":"-"}}]
            """#)
        let row = try #require(rows[0].record.row)
        #expect(rows[0].date == BusinessDate("2026-11-01"))
        #expect(row["spend"] == "15230.07")
        #expect(row["conversion_value"] == "41200.50")
        #expect(row["conversions"] == 18)
        #expect(row["clicks"] == 1204)
        #expect(row["campaign_id"] == "1714125042508817")
        #expect(row["currency"] == "THB")
        #expect(row["comments"] == .null && row["shares"] == .null, "null and '-' are not reported, not zero")
    }

    @Test func hourlyRowsOfAUTCAdvertiserAreDatedByTheBangkokDayTheyFallOn() throws {
        let rows = try Self.parse(#"""
            [{"dimensions":{"ad_id":"1","stat_time_hour":"2026-11-01 16:00:00"},"metrics":{"spend":"1.00"}},
             {"dimensions":{"ad_id":"1","stat_time_hour":"2026-11-01 17:00:00"},"metrics":{"spend":"2.00"}},
             {"dimensions":{"ad_id":"1","stat_time_hour":"2026-11-01 23:00:00"},"metrics":{"spend":"3.00"}}]
            """#, advertiser: Self.utcAdvertiser, grain: .hour)
        // 16:00 UTC is 23:00 in Bangkok; 17:00 UTC is already the next Bangkok day.
        #expect(rows.map(\.date) == [BusinessDate("2026-11-01"), BusinessDate("2026-11-02"), BusinessDate("2026-11-02")])
        #expect(try #require(rows[1].record.row)["grain"] == "hour")
        #expect(!Self.utcAdvertiser.sharesDays(with: .bangkok))
        #expect(Self.bangkokAdvertiser.sharesDays(with: .bangkok))
        #expect(TikTokAdvertiser(id: "1", name: nil, currency: "THB", timeZone: TimeZone(identifier: "Asia/Jakarta")!, status: nil,
                                 rawJSON: "{}").sharesDays(with: .bangkok), "Jakarta keeps Bangkok's offset all year")
    }

    @Test("a malformed report row is rejected with the field named, and its neighbours load", arguments: [
        (#""spend":"12x""#, "spend: '12x' is not a number"),
        (#""spend":"-4.00""#, "spend: -4.00 is negative"),
        (#""impressions":"3.5""#, "impressions: '3.5' is not a whole number"),
        (#""total_complete_payment_rate":"n/a""#, "total_complete_payment_rate: 'n/a' is not a number"),
        (#""campaign_id":"abc""#, "campaign_id: 'abc' is not an id"),
    ])
    func malformedRows(member: String, reason: String) throws {
        let good = #"{"dimensions":{"ad_id":"7","stat_time_day":"2026-11-01 00:00:00"},"metrics":{"spend":"12.50","impressions":"100"}}"#
        let bad = #"{"dimensions":{"ad_id":"8","stat_time_day":"2026-11-01 00:00:00"},"metrics":{"spend":"1.00","impressions":"1",\#(member)}}"#
        let rows = try Self.parse("[\(good),\(bad)]")
        #expect(try #require(rows[0].record.row)["spend"] == "12.50")
        guard case .reject(let reject) = rows[1].record else {
            Issue.record("\(member) should be rejected")
            return
        }
        #expect(reject.reason.hasPrefix(reason), "\(reject.reason)")
        #expect(reject.recordKey == "8@2026-11-01 00:00:00")
        #expect(reject.source == "tiktok_ads" && reject.stream == "report")
    }

    @Test func rowsWithoutTheirDimensionsAreRejected() throws {
        let rows = try Self.parse(#"""
            [{"dimensions":{"stat_time_day":"2026-11-01 00:00:00"},"metrics":{"spend":"1.00"}},
             {"dimensions":{"ad_id":"1","stat_time_day":"2026-11-01 05:00:00"},"metrics":{"spend":"1.00"}},
             {"dimensions":{"ad_id":"1","stat_time_day":"2026-11-01 00:00:00"},"metrics":{"impressions":"1"}}]
            """#)
        let reasons = rows.compactMap { row -> String? in
            if case .reject(let reject) = row.record { return reject.reason }
            return nil
        }
        #expect(reasons.count == 3)
        #expect(reasons[0].hasPrefix("dimensions.ad_id"))
        #expect(reasons[1].hasPrefix("dimensions.stat_time_day"))
        #expect(reasons[2].hasPrefix("metrics.spend"))
    }

    @Test func settingsProblemsNameTheirKeys() {
        let settings = TikTokAdsSettings(baseURL: "nowhere", accessToken: "", advertiserIDs: ["12a"], lookbackDays: 0, pageSize: 5000)
        let problems = settings.problems(at: "sources.tiktok_ads")
        for key in ["base_url", "access_token", "advertiser_ids[0]", "lookback_days", "page_size"] {
            #expect(problems.contains { $0.hasPrefix("sources.tiktok_ads.\(key):") }, "\(key) in \(problems)")
        }
        #expect(problems.allSatisfy { !$0.contains("\n") })
    }

    @Test("small pages load the same rows as full pages", arguments: [WarehouseEngine.sqlite])
    func pagingLoadsEveryRowOnce(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        let window = sandbox.window(days: 3)
        func sync(pageSize: Int) async throws -> (rows: Int64, spend: [String], requests: Int) {
            try await withTestWarehouse(engine) { fixture in
                var configuration = sandbox.configuration(warehouse: fixture.location)
                var settings = try #require(configuration.sources[TikTokAdsSettings.self])
                settings.pageSize = pageSize
                configuration.sources[TikTokAdsSettings.self] = settings
                let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location,
                                                    sources: [.platform(.tiktokAds)], configuration: configuration)
                #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
                #expect(report.rejects == 0)
                let rows = try await fixture.warehouse.scalar("SELECT count(*) FROM raw_tiktok_ads").int64 ?? 0
                let spend = try await fixture.warehouse.query(SQLStatement(
                    "SELECT advertiser_id, ad_id, grain, stat_time, spend FROM raw_tiktok_ads ORDER BY advertiser_id, ad_id, grain, stat_time"))
                    .map { "\($0.text("ad_id"))@\($0.text("stat_time"))=\($0.text("spend"))" }
                return (rows, spend, report.requests.requests)
            }
        }
        let small = try await sync(pageSize: 25)
        let full = try await sync(pageSize: 1000)
        #expect(full.rows > 100)
        #expect(small.rows == full.rows && small.spend == full.spend)
        #expect(small.requests > full.requests * 2, "25-row pages take many more requests")
    }
}
