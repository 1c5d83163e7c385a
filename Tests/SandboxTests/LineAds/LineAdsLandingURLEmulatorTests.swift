import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

@Suite("LINE Ads emulator landing URLs")
struct LineAdsLandingURLEmulatorTests {
    @Test func everyListedAdCarriesItsLandingPageURL() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.line
            let signer = TestLineSigner(accessKey: credentials.accessKey, secretKey: credentials.secretKey)
            let account = try #require(credentials.adAccountIDs.first)
            let reply = try await signer.get(credentials.baseURL, "/api/v3/adaccounts/\(account)/ads", query: [("size", "100")])
            #expect(reply.status == 200, "\(reply.text)")
            let listed = try reply.json.array("datas")
            let ads = server.world.adAccounts(on: .lineAds).flatMap(\.campaigns).flatMap(\.adSets).flatMap(\.ads)
            #expect(listed.count == ads.count)
            for ad in ads {
                let row = listed.first { SandboxTest.int64($0["id"]).map(String.init) == ad.id }
                #expect(row?["landingPageUrl"] as? String == ad.landingURL, "\(ad.name)")
            }
            #expect(ads.contains { !$0.landingURL.contains("utm_") }, "the world's untagged campaign is listed as it is")
        }
    }
}
