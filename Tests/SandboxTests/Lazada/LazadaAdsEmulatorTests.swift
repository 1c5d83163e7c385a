import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

@Suite("Lazada Sponsored Solutions emulator")
struct LazadaAdsEmulatorTests {
    static let reportPath = "/sponsor/solutions/report/getDiscoveryReportCampaign"

    @Test func oneDaysCampaignReportPagesAndEqualsTheTruth() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.lazada
            let client = TestLazadaClient(credentials: credentials, accessToken: credentials.accessToken)
            let day = SandboxTest.asOf.adding(days: -2)
            let truth = server.world.campaignTruth(from: day, to: day).filter { $0.platform == .lazadaAds }
            #expect(truth.count == 3)
            var rows: [[String: Any]] = []
            for pageNo in 1...4 {
                let reply = try await client.call(Self.reportPath, [
                    ("startDate", day.description), ("endDate", day.description), ("pageNo", String(pageNo)), ("pageSize", "1"),
                ], post: pageNo % 2 == 0)
                let json = try reply.json
                #expect(json["code"] as? String == "0")
                let result = try json.object("result")
                #expect(result["success"] as? String == "true")
                #expect(result["totalCount"] as? String == "3")
                rows += try result.array("result")
            }
            #expect(rows.count == 3, "the fourth page is empty")
            for expected in truth {
                let row = try #require(rows.first { $0["campaignId"] as? String == expected.campaignID })
                // Metrics are strings, amounts with two decimals.
                let spend = try #require(Decimal(string: try row.string("spend")))
                #expect(NSDecimalNumber(decimal: spend * 100).int64Value == expected.spendMinor)
                #expect(try row.string("clicks") == String(expected.clicks))
                #expect(try row.string("impressions") == String(expected.impressions))
                #expect(try row.string("storeOrders") == String(expected.conversions))
                let revenue = try #require(Decimal(string: try row.string("storeRevenue")))
                #expect(NSDecimalNumber(decimal: revenue * 100).int64Value == expected.conversionValueMinor)
            }
        }
    }

    @Test("bad parameters are refused in Sponsored Solutions' own fields", arguments: [
        [("startDate", "2026-11-10"), ("endDate", "2026-11-10"), ("pageNo", "1"), ("pageSize", "101")],
        [("startDate", "2026-11-12"), ("endDate", "2026-11-10"), ("pageNo", "1"), ("pageSize", "10")],
        [("startDate", "10-11-2026"), ("endDate", "2026-11-10"), ("pageNo", "1"), ("pageSize", "10")],
    ])
    func refusals(parameters: [(String, String)]) async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.lazada
            let client = TestLazadaClient(credentials: credentials, accessToken: credentials.accessToken)
            let json = try await client.call(Self.reportPath, parameters).json
            #expect(json["code"] as? String == "0", "the gateway passed it")
            #expect(json["success"] as? String == "false")
            #expect(try json.object("result")["errorCode"] as? String == "INVALID_PARAM")
            #expect((json["errorMsg"] as? String)?.hasPrefix("Invalid param.") == true)
        }
    }

    @Test func theOverviewSeriesIsDailyAtBangkokMidnight() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.lazada
            let client = TestLazadaClient(credentials: credentials, accessToken: credentials.accessToken)
            let first = SandboxTest.asOf.adding(days: -3), last = SandboxTest.asOf.adding(days: -1)
            let json = try await client.call("/sponsor/solutions/report/getReportOverviewMetric", [
                ("bizCode", "sponsoredSearch"), ("metricType", "3"), ("startDate", first.description), ("endDate", last.description),
            ]).json
            let result = try json.object("result")
            let dates = try #require(result["dateList"] as? [NSNumber]).map(\.int64Value)
            #expect(dates == (0..<3).map { BusinessCalendar.bangkok.startOfDay(first.adding(days: $0)) * 1_000 })
            let clicks = try #require(result["metricList"] as? [NSNumber]).map(\.int64Value)
            let truth = server.world.campaignTruth(from: first, to: last).filter { $0.platform == .lazadaAds }
            #expect(clicks == (0..<3).map { offset in truth.filter { $0.date == first.adding(days: offset) }.reduce(0) { $0 + $1.clicks } })
            let overview = try await client.call("/sponsor/solutions/report/getReportOverview", [
                ("bizCode", "sponsoredSearch"), ("startDate", first.description), ("endDate", last.description),
            ]).json
            let totals = try overview.object("result").object("reportOverviewDetailDTO")
            #expect(try totals.string("clicks") == String(clicks.reduce(0, +)))
            let throttled = try await client.call(Self.reportPath, [("startDate", last.description), ("endDate", last.description),
                                                                    ("pageNo", "1"), ("pageSize", "10")],
                                                  headers: ["X-Sandbox-Fault": "throttle"]).json
            #expect(throttled["code"] as? String == "ApiCallLimit")
        }
    }
}
