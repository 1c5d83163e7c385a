import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
@testable import Transform
import Warehouse

@Suite("Google Ads landing URLs", .serialized)
struct GoogleAdsLandingURLTests {
    @Test("after a Sandbox sync, every Google ad (and each Performance Max campaign) has the UTM campaign and id its world landing URL says",
          arguments: WarehouseEngine.allCases)
    func adsCarryTheirWorldUTMs(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 7)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.googleAds), .fx])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            #expect(report.rejects == 0)
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()

            let rows = try await fixture.warehouse.query(SQLStatement("""
                SELECT level, entity_id, landing_url, utm_source, utm_medium, utm_campaign, utm_id FROM stg_ad_entities
                WHERE platform = 'google' AND level IN ('ad', 'campaign')
                """))
            let staged = Dictionary(rows.map { ("\($0.text("level"))/\($0.text("entity_id"))", $0) }, uniquingKeysWith: { first, _ in first })
            let campaigns = sandbox.server.world.adAccounts(on: .googleAds).flatMap(\.campaigns)
            #expect(campaigns.contains { !$0.hasAdGroups } && campaigns.contains(where: \.hasAdGroups))
            var checked = 0
            for campaign in campaigns {
                let ads = campaign.adSets.flatMap(\.ads)
                let campaignRow = staged["campaign/\(campaign.id)"]
                if campaign.hasAdGroups {
                    #expect(campaignRow?.optionalText("landing_url") == nil, "\(campaign.name): its ads carry the URLs")
                    for ad in ads {
                        let expected = UTMParameters(url: ad.landingURL)
                        let row = staged["ad/\(ad.id)"]
                        #expect(row?.optionalText("landing_url") == ad.landingURL, "\(engine): \(ad.name): final URL + suffix")
                        #expect(row?.optionalText("utm_campaign") == expected.campaign && row?.optionalText("utm_id") == expected.id
                                    && row?.optionalText("utm_source") == expected.source,
                                "\(engine): \(ad.name) staged \(String(describing: row?.optionalText("utm_campaign")))")
                        checked += 1
                    }
                } else {
                    // Performance Max reports no ads: the campaign carries its page and the suffix all its ads share.
                    let expected = try #require(ads.first.map { UTMParameters(url: $0.landingURL) })
                    #expect(campaignRow?.optionalText("utm_campaign") == expected.campaign && campaignRow?.optionalText("utm_id") == expected.id
                                && campaignRow?.optionalText("utm_medium") == expected.medium,
                            "\(engine): \(campaign.name) staged \(String(describing: campaignRow?.optionalText("landing_url")))")
                    #expect(campaignRow?.optionalText("landing_url")?.hasPrefix("https://") == true)
                    #expect(ads.allSatisfy { staged["ad/\($0.id)"] == nil })
                    checked += 1
                }
            }
            #expect(checked > 0 && campaigns.allSatisfy { campaign in
                campaign.adSets.flatMap(\.ads).allSatisfy { UTMParameters(url: $0.landingURL).campaign != nil }
            })
        }
    }

    @Test("the final URL suffix joins the final URL with ? or &, and no suffix leaves the URL alone")
    func suffixJoinsTheFinalURL() {
        #expect(GoogleAdsEntityStaging.landingURL(finalURL: "https://shop.example/p", suffix: "utm_source=google")
            == "https://shop.example/p?utm_source=google")
        #expect(GoogleAdsEntityStaging.landingURL(finalURL: "https://shop.example/p?a=1", suffix: "utm_source=google")
            == "https://shop.example/p?a=1&utm_source=google")
        #expect(GoogleAdsEntityStaging.landingURL(finalURL: "https://shop.example/p", suffix: nil) == "https://shop.example/p")
        #expect(GoogleAdsEntityStaging.landingURL(finalURL: "https://shop.example/p", suffix: "") == "https://shop.example/p")
    }
}
