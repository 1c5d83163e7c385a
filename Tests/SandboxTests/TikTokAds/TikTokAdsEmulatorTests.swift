import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

@Suite("TikTok Ads emulator")
struct TikTokAdsEmulatorTests {
    static func credentials(_ server: SandboxServer) throws -> TikTokAdsSandboxCredentials {
        try #require(server.credentials[TikTokAdsSandboxCredentials.self])
    }

    static func get(_ credentials: TikTokAdsSandboxCredentials, _ path: String, _ parameters: [(String, String)],
                    token: String?? = .none, fault: String? = nil) async throws -> [String: Any] {
        var headers: [String: String] = [:]
        switch token {
        case .none: headers["Access-Token"] = credentials.accessToken
        case .some(.some(let value)): headers["Access-Token"] = value
        case .some(.none): break
        }
        if let fault { headers["X-Sandbox-Fault"] = fault }
        let reply = try await SandboxTest.get(credentials.baseURL + "/open_api/v1.3" + path + "?" + SandboxTest.query(parameters),
                                              headers: headers)
        // TikTok answers business errors with HTTP 200 too; the envelope always carries a request id.
        #expect(reply.status == 200)
        let json = try reply.json
        #expect((json["request_id"] as? String)?.isEmpty == false)
        return json
    }

    static func report(advertiser: String, grain: String, start: BusinessDate, end: BusinessDate, page: Int = 1, pageSize: Int = 1000,
                       metrics: String = #"["spend","impressions","clicks","reach","complete_payment","total_complete_payment_rate","campaign_id"]"#)
        -> [(String, String)] {
        [("advertiser_id", advertiser), ("report_type", "BASIC"), ("service_type", "AUCTION"), ("data_level", "AUCTION_AD"),
         ("dimensions", #"["ad_id","\#(grain)"]"#), ("metrics", metrics), ("start_date", start.description),
         ("end_date", end.description), ("page", String(page)), ("page_size", String(pageSize))]
    }

    /// Minor units from TikTok's two-decimal text.
    static func minor(_ value: Any?) throws -> Int64 {
        let text = try #require(value as? String)
        let parts = text.split(separator: ".")
        #expect(parts.count == 2 && parts[1].count == 2, "\(text)")
        return try #require(Int64(parts[0])) * 100 + (try #require(Int64(parts[1])))
    }

    @Test func theAccessTokenHeaderIsRequiredAndChecked() async throws {
        try await SandboxTest.withServer { server in
            let credentials = try Self.credentials(server)
            let advertiser = credentials.advertiserIDs[0]
            let info = [("advertiser_ids", #"["\#(advertiser)"]"#)]
            let missing = try await Self.get(credentials, "/advertiser/info/", info, token: .some(nil))
            #expect(SandboxTest.int64(missing["code"]) == 40104)
            let wrong = try await Self.get(credentials, "/advertiser/info/", info, token: "0123456789abcdef0123456789abcdef01234567")
            #expect(SandboxTest.int64(wrong["code"]) == 40105)
            #expect(wrong["message"] as? String == "Access token is incorrect or has been revoked.")
            // The token in the query string, as some clients try, is not TikTok's way.
            let inQuery = try await Self.get(credentials, "/advertiser/info/", info + [("access_token", credentials.accessToken)],
                                             token: .some(nil))
            #expect(SandboxTest.int64(inQuery["code"]) == 40104)
            let good = try await Self.get(credentials, "/advertiser/info/", info)
            #expect(SandboxTest.int64(good["code"]) == 0)
            let list = try good.object("data").array("list")
            #expect(try list[0].string("currency") == "THB")
            #expect(try list[0].string("timezone") == "Asia/Bangkok")
            let other = try await Self.get(credentials, "/advertiser/info/", [("advertiser_ids", #"["\#(credentials.advertiserIDs[1])"]"#)])
            let second = try other.object("data").array("list")[0]
            #expect(try second.string("currency") == "USD")
            #expect(try second.string("timezone") == "UTC")
            let stranger = try await Self.get(credentials, "/advertiser/info/", [("advertiser_ids", #"["7000000000000000001"]"#)])
            #expect(SandboxTest.int64(stranger["code"]) == 40001)
        }
    }

    @Test func faultsAnswerInTikToksEnvelope() async throws {
        try await SandboxTest.withServer { server in
            let credentials = try Self.credentials(server)
            let info = [("advertiser_ids", #"["\#(credentials.advertiserIDs[0])"]"#)]
            let throttled = try await Self.get(credentials, "/advertiser/info/", info, fault: "throttle")
            #expect(SandboxTest.int64(throttled["code"]) == 40100)
            #expect(throttled["message"] as? String == "Too many requests. Please retry in some time.")
            let failed = try await Self.get(credentials, "/advertiser/info/", info, fault: "5xx")
            #expect(SandboxTest.int64(failed["code"]) == 50000)
            let expired = try await Self.get(credentials, "/advertiser/info/", info, fault: "expired-token")
            #expect(SandboxTest.int64(expired["code"]) == 40102)
        }
    }

    @Test func parameterErrorsAre40002WithTheFieldNamed() async throws {
        try await SandboxTest.withServer { server in
            let credentials = try Self.credentials(server)
            let advertiser = credentials.advertiserIDs[0]
            let end = SandboxTest.asOf.adding(days: -1)
            let cases: [([(String, String)], String)] = [
                (Self.report(advertiser: advertiser, grain: "stat_time_day", start: end.adding(days: -30), end: end), "30 days"),
                (Self.report(advertiser: advertiser, grain: "stat_time_hour", start: end.adding(days: -1), end: end), "1 day"),
                (Self.report(advertiser: advertiser, grain: "stat_time_day", start: end, end: end, metrics: #"["spend","purchase_value_x"]"#),
                 "Invalid metric: purchase_value_x"),
                (Self.report(advertiser: advertiser, grain: "stat_time_day", start: end, end: end, pageSize: 1001), "page_size"),
                (Self.report(advertiser: advertiser, grain: "stat_time_day", start: end, end: end.adding(days: -1)), "end_date"),
            ]
            for (parameters, words) in cases {
                let json = try await Self.get(credentials, "/report/integrated/get/", parameters)
                #expect(SandboxTest.int64(json["code"]) == 40002, "\(words)")
                #expect((json["message"] as? String)?.contains(words) == true, "\(json["message"] ?? "") lacks \(words)")
            }
        }
    }

    @Test func dailyPagesCoverEveryRowOnceAndMatchTheWorld() async throws {
        try await SandboxTest.withServer { server in
            let credentials = try Self.credentials(server)
            let world = server.world
            let account = try #require(world.adAccounts(on: .tiktokAds).first { $0.currency == "THB" })
            let end = SandboxTest.asOf.adding(days: -1), start = end.adding(days: -4)
            var rows: [[String: Any]] = []
            var page = 1, totalPages = 0
            repeat {
                let json = try await Self.get(credentials, "/report/integrated/get/",
                                              Self.report(advertiser: account.id, grain: "stat_time_day", start: start, end: end, page: page, pageSize: 7))
                #expect(SandboxTest.int64(json["code"]) == 0)
                let data = try json.object("data")
                rows += try data.array("list")
                totalPages = Int(SandboxTest.int64(try data.object("page_info")["total_page"]) ?? 0)
                page += 1
            } while page <= totalPages
            #expect(totalPages > 3)
            let keys = try rows.map { "\(try $0.object("dimensions").string("ad_id"))@\(try $0.object("dimensions").string("stat_time_day"))" }
            #expect(Set(keys).count == rows.count)
            // A Bangkok advertiser's days are the world's days: spend and purchases per day equal the world's rows.
            for day in start...end {
                let expected = world.adPerformance(on: day).filter { world.adsPlan.account(of: world.adsPlan.ads[$0.adIndex]).id == account.id }
                let served = try rows.filter { try $0.object("dimensions").string("stat_time_day") == "\(day) 00:00:00" }
                #expect(served.count == expected.count)
                let spend = try served.reduce(Int64(0)) { $0 + (try Self.minor(try $1.object("metrics")["spend"])) }
                #expect(spend == expected.reduce(0) { $0 + $1.spendMinor })
                let purchases = try served.reduce(Int64(0)) { $0 + (Int64(try $1.object("metrics").string("complete_payment")) ?? -1) }
                #expect(purchases == expected.reduce(0) { $0 + $1.conversions(age: world.age(of: day)).purchases })
            }
        }
    }

    @Test func aUTCAdvertisersHoursAddUpToItsDaysAndToTheWorldsBangkokDays() async throws {
        try await SandboxTest.withServer { server in
            let credentials = try Self.credentials(server)
            let world = server.world
            let account = try #require(world.adAccounts(on: .tiktokAds).first { $0.utcOffsetHours == 0 })
            let day = SandboxTest.asOf.adding(days: -3)
            func fetch(_ grain: String, _ date: BusinessDate) async throws -> [[String: Any]] {
                let json = try await Self.get(credentials, "/report/integrated/get/",
                                              Self.report(advertiser: account.id, grain: grain, start: date, end: date))
                #expect(SandboxTest.int64(json["code"]) == 0)
                return try json.object("data").array("list")
            }
            let daily = try await fetch("stat_time_day", day)
            let hourly = try await fetch("stat_time_hour", day)
            #expect(hourly.count > daily.count * 20)
            var hourSpend: [String: Int64] = [:]
            for row in hourly {
                let time = try row.object("dimensions").string("stat_time_hour")
                #expect(time.hasPrefix("\(day) ") && time.hasSuffix(":00:00"))
                hourSpend[try row.object("dimensions").string("ad_id"), default: 0] += try Self.minor(try row.object("metrics")["spend"])
            }
            for row in daily {
                #expect(hourSpend[try row.object("dimensions").string("ad_id")] == (try Self.minor(try row.object("metrics")["spend"])))
            }
            // Bangkok day D+1 is UTC D 17:00–23:00 and UTC D+1 00:00–16:00; its spend is the world's row for D+1.
            let next = try await fetch("stat_time_hour", day.adding(days: 1))
            var bangkok: Int64 = 0
            for row in hourly + next {
                let time = try row.object("dimensions").string("stat_time_hour")
                let hour = try #require(Int(time.dropFirst(11).prefix(2)))
                let isNextBangkokDay = time.hasPrefix("\(day) ") ? hour >= 17 : hour < 17
                if isNextBangkokDay { bangkok += try Self.minor(try row.object("metrics")["spend"]) }
            }
            let truth = world.adPerformance(on: day.adding(days: 1))
                .filter { world.adsPlan.account(of: world.adsPlan.ads[$0.adIndex]).id == account.id }
                .reduce(0) { $0 + $1.spendMinor }
            #expect(bangkok == truth && truth > 0)
        }
    }

    @Test func entitiesCarryBudgetModesAndStatus() async throws {
        try await SandboxTest.withServer { server in
            let credentials = try Self.credentials(server)
            let account = try #require(server.world.adAccounts(on: .tiktokAds).first)
            let campaigns = try await Self.get(credentials, "/campaign/get/", [("advertiser_id", account.id), ("page_size", "2")])
            let data = try campaigns.object("data")
            #expect(SandboxTest.int64(try data.object("page_info")["total_number"]) == Int64(account.campaigns.count))
            let first = try data.array("list")[0]
            #expect(try first.string("budget_mode") == "BUDGET_MODE_DAY")
            #expect((first["budget"] as? NSNumber)?.int64Value == (account.campaigns[0].dailyBudgetMinor ?? 0) / 100)
            let shared = try data.array("list")[1]
            #expect(try shared.string("budget_mode") == "BUDGET_MODE_INFINITE")
            let groups = try await Self.get(credentials, "/adgroup/get/", [
                ("advertiser_id", account.id), ("filtering", #"{"campaign_ids":["\#(account.campaigns[1].id)"]}"#),
                ("fields", #"["adgroup_id","budget_mode","budget","schedule_start_time"]"#),
            ])
            let list = try groups.object("data").array("list")
            #expect(list.count == account.campaigns[1].adSets.count)
            #expect(try list.allSatisfy { try $0.string("budget_mode") == "BUDGET_MODE_DAY" })
            #expect(Set(list[0].keys) == ["adgroup_id", "budget_mode", "budget", "schedule_start_time"])
            let ads = try await Self.get(credentials, "/ad/get/", [("advertiser_id", account.id), ("page_size", "100")])
            let statuses = Set(try ads.object("data").array("list").map { try $0.string("operation_status") })
            #expect(statuses.isSubset(of: ["ENABLE", "DISABLE"]) && statuses.contains("ENABLE"))
        }
    }
}
