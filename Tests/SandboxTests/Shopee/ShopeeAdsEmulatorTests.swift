import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

@Suite("Shopee Ads emulator")
struct ShopeeAdsEmulatorTests {
    static func date(_ day: BusinessDate) -> String { ShopeeEmulator.shopeeDate(day) }

    @Test func documentedSignatureVectorOfTheAdsPathHolds() {
        // ecommerce-apis.md §1.3, worked example 2: the ads endpoints are signed as any shop API.
        let signer = TestShopeeSigner(
            partnerID: 2_001_887, partnerKey: "shpk4e6f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7")
        #expect(signer.shopSign(path: "/api/v2/ads/get_all_cpc_ads_daily_performance", timestamp: 1_717_261_200,
                                accessToken: "4c6d5a4b4f6e4d7a6f4a4b4c4d4e4f50", shopID: 600_000_001)
            == "0f42c648d1bbac27f64719a2470fcf19cfafe9042fc1736cfa1207b291f0c751")
    }

    @Test("date ranges are refused with the documented ads codes in Shopee's envelope", arguments: [
        (-3, -3, "ads.performance.error_same_start_end_dates"),
        (-40, -1, "ads.performance.error_date_range_too_long"),
        (-2, 1, "ads.performance.error_date_in_future"),
        (-200, -190, "ads.performance.error_date_too_old"),
        (-2, -5, "ads.performance.error_start_later_than_end"),
    ])
    func dateRules(start: Int, end: Int, code: String) async throws {
        try await SandboxTest.withServer { server in
            var client = TestShopeeClient(server.credentials.shopee)
            _ = try await client.refresh()
            let asOf = SandboxTest.asOf
            let reply = try await client.get("/api/v2/ads/get_all_cpc_ads_daily_performance", [
                ("start_date", Self.date(asOf.adding(days: start))), ("end_date", Self.date(asOf.adding(days: end))),
            ])
            let json = try reply.json
            #expect(json["error"] as? String == code)
            #expect((json["message"] as? String)?.isEmpty == false)
            #expect(json["request_id"] is String)
            #expect(json["response"] == nil)
        }
    }

    @Test func shopTotalsAndCampaignDaysEqualTheTruth() async throws {
        try await SandboxTest.withServer { server in
            var client = TestShopeeClient(server.credentials.shopee)
            _ = try await client.refresh()
            let first = SandboxTest.asOf.adding(days: -5), last = SandboxTest.asOf.adding(days: -1)
            let truth = server.world.campaignTruth(from: first, to: last).filter { $0.platform == .shopeeAds }
            #expect(truth.count == 20)

            // The id list pages one campaign at a time until has_next_page is false.
            var ids: [String] = []
            var offset = 0
            while true {
                let reply = try await client.get("/api/v2/ads/get_product_level_campaign_id_list",
                                                 [("ad_type", "all"), ("offset", String(offset)), ("limit", "1")])
                let response = try reply.json.object("response")
                let list = try response.array("campaign_list")
                #expect(list.count == 1)
                ids += list.compactMap { SandboxTest.int64($0["campaign_id"]).map(String.init) }
                offset += list.count
                if response["has_next_page"] as? Bool != true { break }
            }
            #expect(ids == server.world.adAccounts(on: .shopeeAds)[0].campaigns.map(\.id))

            // A single day is accepted by the campaign endpoint; amounts are JSON numbers read exactly.
            let reply = try await client.get("/api/v2/ads/get_product_campaign_daily_performance", [
                ("start_date", Self.date(first)), ("end_date", Self.date(last)), ("campaign_id_list", ids.joined(separator: ",")),
            ])
            let campaigns = try JSONDecoder().decode(CampaignEnvelope.self, from: reply.body).response[0].campaign_list
            var served: [String: [Int64]] = [:]
            for campaign in campaigns {
                for metric in campaign.metrics_list {
                    let day = try #require(BusinessDate(year: Int(metric.date.suffix(4))!, month: Int(metric.date.dropFirst(3).prefix(2))!,
                                                        day: Int(metric.date.prefix(2))!))
                    served["\(day)/\(campaign.campaign_id)"] = [
                        NSDecimalNumber(decimal: metric.expense * 100).int64Value, metric.clicks, metric.impression, metric.broad_order,
                        NSDecimalNumber(decimal: metric.broad_gmv * 100).int64Value,
                    ]
                    #expect(metric.direct_order <= metric.broad_order && metric.direct_gmv <= metric.broad_gmv)
                }
            }
            #expect(served.count == truth.count)
            for day in truth {
                #expect(served["\(day.date)/\(day.campaignID)"] == [day.spendMinor, day.clicks, day.impressions, day.conversions,
                                                                  day.conversionValueMinor])
            }
            let oneDay = try await client.get("/api/v2/ads/get_product_campaign_daily_performance", [
                ("start_date", Self.date(last)), ("end_date", Self.date(last)), ("campaign_id_list", ids[0]),
            ])
            #expect(try oneDay.json["error"] as? String == "")

            // The settings carry each campaign's daily budget in baht.
            let settings = try await client.get("/api/v2/ads/get_product_level_campaign_setting_info", [
                ("campaign_id_list", ids.joined(separator: ",")), ("info_type_list", "1"),
            ])
            let list = try settings.json.object("response").array("campaign_list")
            let budgets = try list.map { try $0.object("common_info")["campaign_budget"] as? NSNumber }
            #expect(budgets.map { $0.map { Int64(truncating: $0) * 100 } }
                == server.world.adAccounts(on: .shopeeAds)[0].campaigns.map(\.effectiveDailyBudgetMinor))
        }
    }

    @Test func throttlingOnAnAdsPathAnswersWithTheAdsRateLimitCode() async throws {
        try await SandboxTest.withServer { server in
            var client = TestShopeeClient(server.credentials.shopee)
            _ = try await client.refresh()
            let reply = try await client.get("/api/v2/ads/get_product_level_campaign_id_list", [("ad_type", "all")],
                                             headers: ["X-Sandbox-Fault": "throttle"])
            #expect(reply.status == 429)
            #expect(try reply.json["error"] as? String == "ads.rate_limit.exceed_shop_api")
            let tooMany = try await client.get("/api/v2/ads/get_product_level_campaign_setting_info", [
                ("campaign_id_list", (1...101).map(String.init).joined(separator: ",")), ("info_type_list", "1"),
            ])
            #expect(try tooMany.json["error"] as? String == "error_param")
        }
    }

    struct CampaignEnvelope: Decodable {
        struct Shop: Decodable { let campaign_list: [Campaign] }
        struct Campaign: Decodable {
            let campaign_id: Int64
            let metrics_list: [Metric]
        }
        struct Metric: Decodable {
            let date: String
            let impression: Int64
            let clicks: Int64
            let expense: Decimal
            let broad_gmv: Decimal
            let broad_order: Int64
            let direct_gmv: Decimal
            let direct_order: Int64
        }
        let response: [Shop]
    }
}
