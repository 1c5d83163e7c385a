import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// The Meta emulator's ad creatives: where each ad sends people, by field expansion on ads and on `/adcreatives`.
@Suite("Meta creatives emulator")
struct FacebookCreativesEmulatorTests {
    typealias Entities = FacebookEntitiesEmulatorTests

    @Test func theCreativesLinkAndURLTagsRebuildEachAdsLandingURL() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            for (index, account) in server.world.adAccounts(on: .facebookAds).enumerated() {
                let actID = credentials.accountIDs[index]
                let (ads, _) = try await FacebookEmulatorTests.allRows(fromEntities: Entities.edgeURL(
                    credentials, account: actID, edge: "ads", fields: "id,name,creative{id,url_tags,object_story_spec{link_data{link}}}"))
                let worldAds = account.campaigns.flatMap(\.adSets).flatMap(\.ads)
                #expect(ads.count == worldAds.count)
                var creativeIDs: [String] = []
                for ad in worldAds {
                    let row = try #require(ads.first { $0["id"] as? String == ad.id })
                    let creative = try #require(row["creative"] as? [String: Any])
                    let spec = creative["object_story_spec"] as? [String: Any]
                    let link = try #require((spec?["link_data"] as? [String: Any])?["link"] as? String)
                    #expect(!link.contains("?"), "the link is the page; the tags are apart")
                    let tags = creative["url_tags"] as? String
                    #expect((tags.map { link + "?" + $0 } ?? link) == ad.landingURL, "\(ad.name)")
                    creativeIDs.append(try #require(creative["id"] as? String))
                }
                #expect(Set(creativeIDs).count == worldAds.count, "one creative per ad")

                // Without braces the creative is its id; the account's creatives list the same ones with their tags.
                let (bare, _) = try await FacebookEmulatorTests.allRows(fromEntities: Entities.edgeURL(
                    credentials, account: actID, edge: "ads", fields: "id,creative"))
                #expect(bare.allSatisfy { ($0["creative"] as? [String: Any])?.keys.sorted() == ["id"] })
                let (creatives, _) = try await FacebookEmulatorTests.allRows(fromEntities: Entities.edgeURL(
                    credentials, account: actID, edge: "adcreatives", fields: "id,url_tags,object_story_spec"))
                #expect(creatives.compactMap { $0["id"] as? String } == creativeIDs)
            }
        }
    }

    @Test func unknownCreativeFieldsAndUnbalancedBracesAreRefused() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            let actID = credentials.accountIDs[0]
            let unknown = try await SandboxTest.get(Entities.edgeURL(credentials, account: actID, edge: "ads", fields: "id,creative{id,landing}"))
            #expect(unknown.status == 400)
            #expect(try FacebookGraphTests.error(unknown).message == "(#100) Tried accessing nonexisting field (landing) on node type (AdCreative)")
            let unbalanced = try await SandboxTest.get(Entities.edgeURL(credentials, account: actID, edge: "ads", fields: "id,creative{id"))
            #expect(unbalanced.status == 400)
            #expect(try FacebookGraphTests.error(unbalanced).code == 100)
        }
    }

    @Test func fieldSelectionsParseNestedBraces() throws {
        let selection = try #require(GraphFieldSelection("id, name,creative{id,object_story_spec{link_data{link}}},adset_id"))
        #expect(selection.names == ["id", "name", "creative", "adset_id"])
        #expect(selection.inside("creative")?.names == ["id", "object_story_spec"])
        #expect(selection.inside("creative")?.inside("object_story_spec")?.inside("link_data")?.names == ["link"])
        #expect(GraphFieldSelection("id,creative{id") == nil)
        #expect(GraphFieldSelection("id}") == nil)
        #expect(GraphFieldSelection("")?.names == [])
    }
}
