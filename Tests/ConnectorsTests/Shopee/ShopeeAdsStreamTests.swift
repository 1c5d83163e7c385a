@testable import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

@Suite("Shopee Ads streams", .serialized)
struct ShopeeAdsStreamTests {
    @Test func theDocumentedCampaignSampleParsesExactly() throws {
        let scanner = JSONScanner([UInt8](try Fixtures.data("Shopee", "shopee_ads_get_product_campaign_daily_performance")))
        let list = try #require(try scanner.value(at: ["response"]).map { try scanner.elements(of: $0)[0] })
        let entries = try #require(try scanner.members(of: list).first { $0.key == "campaign_list" }?.value)
        let records = try scanner.elements(of: entries).flatMap {
            ShopeeAdsCampaignDailyStream.parse(scanner, $0, region: "SG", shopID: "123")
        }
        let row = try #require(records.first?.row)
        #expect(row["_date"] == "2023-12-12")
        #expect(row["campaign_id"] == "12121")
        #expect(row["expense"] == "11.22", "the number's own text, never through Double")
        #expect(row["broad_gmv"] == "1.2")
        #expect(row["broad_order"] == 100)
        #expect(row["direct_gmv"] == "12.23")
        #expect(row["direct_order"] == 999)
    }

    @Test func theDocumentedRateLimitIsThrottling() throws {
        let body = try Fixtures.data("Shopee", "shopee_ads_error_rate_limit")
        guard case .throttled(let reason, _) = Shopee.classify(HTTPResponseValue(status: 200, body: body), endpoint: "/api/v2/ads/x") else {
            Issue.record("ads.rate_limit.exceed_shop_api should be throttling")
            return
        }
        #expect(reason.hasPrefix("ads.rate_limit.exceed_shop_api"))
    }

    @Test("a malformed day is rejected naming its field, and the campaign's other days load", arguments: [
        (#""expense":"12x""#, "expense: '12x' is not a number"),
        (#""clicks":3.5"#, "clicks: '3.5' is not a whole number"),
        (#""broad_gmv":-4"#, "broad_gmv: -4 is negative"),
        (#""date":"2026/11/02""#, "date: '2026/11/02' is not DD-MM-YYYY"),
        (#""impression":null"#, "impression: is required"),
    ])
    func malformedDays(member: String, reason: String) throws {
        let good = #"{"date":"01-11-2026","impression":100,"clicks":4,"ctr":4.0,"expense":12.5,"broad_gmv":990,"broad_order":2,"direct_gmv":450.5,"direct_order":1}"#
        let bad = String(good.dropLast()) + "," + member + "}"
        let json = #"{"campaign_id":77,"ad_name":"x","metrics_list":[\#(good),\#(bad)]}"#
        let scanner = JSONScanner(Array(json.utf8))
        let records = ShopeeAdsCampaignDailyStream.parse(scanner, try scanner.root(), region: "TH", shopID: "9")
        #expect(records.count == 2)
        #expect(records[0].row?["expense"] == "12.5")
        guard case .reject(let reject) = records[1] else {
            Issue.record("\(member) should be rejected")
            return
        }
        #expect(reject.reason == reason)
        #expect(reject.stream == "ads_campaign_daily" && reject.accountID == "9")
    }

    @Test("throttling, server errors and expired tokens in Shopee's envelope are survived", arguments: [WarehouseEngine.sqlite])
    func survivesFaults(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start(faults: SandboxFaults(throttleEvery: 4, serverErrorEvery: 9, expireTokensEvery: 6))
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 5)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.shopee)])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            let truth = sandbox.server.world.campaignTruth(from: window.start, to: window.end).filter { $0.platform == .shopeeAds }
            let rows = try await fixture.warehouse.query(SQLStatement(
                "SELECT _date, campaign_id, expense FROM raw_shopee_ads_campaign_daily WHERE _date BETWEEN :from AND :to",
                ["from": .text(window.start.description), "to": .text(window.end.description)]))
            #expect(rows.count == truth.count)
            let spend = Dictionary(rows.map { ("\($0.text("_date"))/\($0.text("campaign_id"))", $0.text("expense")) }, uniquingKeysWith: { a, _ in a })
            for day in truth {
                #expect(spend["\(day.date)/\(day.campaignID)"].flatMap { Decimal(exactly: $0) } == Decimal(day.spendMinor) / 100)
            }
        }
    }
}
