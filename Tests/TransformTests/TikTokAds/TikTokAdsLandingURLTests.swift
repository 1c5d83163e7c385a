import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
@testable import Transform
import Warehouse

@Suite("TikTok ad landing URLs", .serialized)
struct TikTokAdsLandingURLTests {
    @Test("after a Sandbox sync, every TikTok ad's staged UTM campaign and id are what its landing URL in the world says",
          arguments: WarehouseEngine.allCases)
    func adsCarryTheirWorldUTMs(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 7)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location,
                                                sources: [.platform(.tiktokAds), .fx])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            #expect(report.rejects == 0)
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()

            let rows = try await fixture.warehouse.query(SQLStatement(
                "SELECT entity_id, landing_url, utm_source, utm_campaign, utm_id FROM stg_ad_entities WHERE platform = 'tiktok_ads' AND level = 'ad'"))
            let staged = Dictionary(rows.map { ($0.text("entity_id"), $0) }, uniquingKeysWith: { first, _ in first })
            let ads = sandbox.server.world.adAccounts(on: .tiktokAds).flatMap(\.campaigns).flatMap(\.adSets).flatMap(\.ads)
            #expect(staged.count == ads.count)
            for ad in ads {
                let expected = UTMParameters(url: ad.landingURL)
                let row = staged[ad.id]
                #expect(row?.optionalText("landing_url") == ad.landingURL, "\(engine): \(ad.name)")
                #expect(row?.optionalText("utm_source") == expected.source)
                #expect(row?.optionalText("utm_campaign") == expected.campaign && row?.optionalText("utm_id") == expected.id,
                        "\(engine): \(ad.name) staged \(String(describing: row?.optionalText("utm_campaign")))")
            }
            #expect(ads.allSatisfy { UTMParameters(url: $0.landingURL).campaign != nil }, "every TikTok ad is tagged")
        }
    }
}
