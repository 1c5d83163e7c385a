import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
@testable import Transform
import Warehouse

@Suite("Meta ad landing URLs", .serialized)
struct FacebookLandingURLTests {
    @Test("after a Sandbox sync, every Meta ad's staged UTM campaign and id are what its landing URL in the world says",
          arguments: WarehouseEngine.allCases)
    func adsCarryTheirWorldUTMs(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 7)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location,
                                                sources: [.platform(.facebookAds), .fx])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            #expect(report.rejects == 0)
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()

            let rows = try await fixture.warehouse.query(SQLStatement("""
                SELECT entity_id, landing_url, utm_source, utm_medium, utm_campaign, utm_id FROM stg_ad_entities
                WHERE platform = 'facebook' AND level = 'ad'
                """))
            let staged = Dictionary(rows.map { ($0.text("entity_id"), $0) }, uniquingKeysWith: { first, _ in first })
            let ads = sandbox.server.world.adAccounts(on: .facebookAds).flatMap(\.campaigns).flatMap(\.adSets).flatMap(\.ads)
            #expect(staged.count == ads.count)
            for ad in ads {
                let expected = UTMParameters(url: ad.landingURL)
                let row = staged[ad.id]
                #expect(row?.optionalText("landing_url") == ad.landingURL, "\(engine): \(ad.name): link + url_tags is the world's URL")
                #expect(row?.optionalText("utm_source") == expected.source && row?.optionalText("utm_medium") == expected.medium)
                #expect(row?.optionalText("utm_campaign") == expected.campaign && row?.optionalText("utm_id") == expected.id,
                        "\(engine): \(ad.name) staged \(String(describing: row?.optionalText("utm_campaign"))) / \(String(describing: row?.optionalText("utm_id")))")
            }
            #expect(ads.allSatisfy { UTMParameters(url: $0.landingURL).campaign != nil }, "every Meta ad is tagged")
            let untagged = try await fixture.warehouse.scalar(SQLStatement(
                "SELECT count(*) FROM stg_ad_entities WHERE platform = 'facebook' AND level <> 'ad' AND landing_url IS NOT NULL")).int64
            #expect(untagged == 0, "campaigns and ad sets have no landing URL of their own")
        }
    }

    @Test("Meta appends URL tags after the link's own query; tags without a link still carry the UTMs")
    func urlTagsJoinTheLinkAsMetaAppendsThem() {
        #expect(FacebookAdEntityStaging.landingURL(link: "https://shop.example/p", urlTags: "utm_source=facebook&utm_campaign=a")
            == "https://shop.example/p?utm_source=facebook&utm_campaign=a")
        #expect(FacebookAdEntityStaging.landingURL(link: "https://shop.example/p?ref=1", urlTags: "utm_campaign=a")
            == "https://shop.example/p?ref=1&utm_campaign=a")
        #expect(FacebookAdEntityStaging.landingURL(link: "https://shop.example/p", urlTags: nil) == "https://shop.example/p")
        #expect(FacebookAdEntityStaging.landingURL(link: nil, urlTags: "utm_campaign=a").map { UTMParameters(url: $0).campaign } == "a")
        #expect(FacebookAdEntityStaging.landingURL(link: nil, urlTags: nil) == nil)
    }
}
