import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

/// What each marketplace says about when the seller's authorisation ends lands in `oauth_tokens.refresh_expires_at`,
/// over a real sync against the Sandbox.
@Suite("Authorization expiry from the marketplaces", .serialized)
struct AuthorizationExpiryTests {
    @Test("Lazada's refresh_expires_in, TikTok Shop's refresh_token_expire_in and Shopee's shop expire_time are stored",
          arguments: WarehouseEngine.allCases)
    func marketplacesStateWhenTheAuthorisationEnds(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let before = Int64(Date().timeIntervalSince1970)
            _ = try await sandbox.sync(sandbox.window(days: 1), into: fixture.warehouse, location: fixture.location,
                                       sources: [.platform(.lazada), .platform(.tiktokShop), .platform(.shopee)])
            let after = Int64(Date().timeIntervalSince1970)
            let vault = TokenVault(warehouse: fixture.warehouse, secret: "")
            let configuration = sandbox.configuration(warehouse: fixture.location)
            let lazada = try #require(configuration.sources[LazadaSettings.self]?.sellers.first)
            let tiktok = try #require(configuration.sources[TikTokShopSettings.self]?.shops.first)
            let shopee = try #require(configuration.sources[ShopeeSettings.self]?.shops.first)

            // The Sandbox's Lazada refresh token lives 30 days from the refresh that first issued it.
            let lazadaEnds = try #require(try await vault.authorizationExpiry(source: "lazada", accountID: String(lazada.sellerID)))
            #expect((before + 30 * 86_400...after + 30 * 86_400).contains(lazadaEnds), "\(lazadaEnds - before)")
            // TikTok Shop states an absolute time; the Sandbox's published authorisation runs far beyond a year.
            let tiktokEnds = try #require(try await vault.authorizationExpiry(source: Platform.tiktokShop.rawValue, accountID: tiktok.shopID))
            #expect(tiktokEnds > after + 365 * 86_400)
            // Shopee's shop authorisation lasts a year from when the seller granted it.
            let shopeeEnds = try #require(try await vault.authorizationExpiry(source: "shopee", accountID: String(shopee.shopID)))
            #expect((before...after + 365 * 86_400).contains(shopeeEnds))
        }
    }
}
