import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// Google's URL options: ads' final URLs, suffixes on ads and campaigns, Performance Max asset groups' final URLs.
@Suite("Google Ads emulator landing URLs")
struct GoogleAdsLandingURLEmulatorTests {
    @Test func finalURLsAndSuffixesRebuildEveryAdsLandingURL() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGoogleAdsClient(credentials: server.credentials.google)
            let token = try await client.accessToken()
            for (index, account) in server.world.adAccounts(on: .googleAds).enumerated() {
                let customer = client.credentials.customerIDs[index]
                let campaignRows = try await client.call(
                    "search", customer: customer, query: "SELECT campaign.id, campaign.final_url_suffix, campaign.tracking_url_template FROM campaign",
                    token: token).object["results"] as? [[String: Any]] ?? []
                var suffixes: [String: String] = [:]
                for row in campaignRows {
                    let campaign = row["campaign"] as? [String: Any] ?? [:]
                    #expect(campaign["trackingUrlTemplate"] == nil, "an unset string is left out")
                    if let id = campaign["id"] as? String { suffixes[id] = campaign["finalUrlSuffix"] as? String }
                }
                let adReply = try await client.call(
                    "search", customer: customer,
                    query: "SELECT campaign.id, ad_group.id, ad_group_ad.ad.id, ad_group_ad.ad.final_urls, ad_group_ad.ad.final_url_suffix, "
                        + "ad_group_ad.status FROM ad_group_ad",
                    token: token)
                #expect(adReply.status == 200)
                var landing: [String: String] = [:]
                for row in adReply.object["results"] as? [[String: Any]] ?? [] {
                    let adGroupAd = row["adGroupAd"] as? [String: Any] ?? [:]
                    let ad = adGroupAd["ad"] as? [String: Any] ?? [:]
                    #expect((adGroupAd["resourceName"] as? String)?.contains("/adGroupAds/") == true)
                    let campaignID = (row["campaign"] as? [String: Any])?["id"] as? String ?? ""
                    let finalURL = try #require((ad["finalUrls"] as? [String])?.first)
                    #expect(!finalURL.contains("?"), "the final URL is the page; tracking goes in the suffix")
                    let suffix = ad["finalUrlSuffix"] as? String ?? suffixes[campaignID]
                    landing[ad["id"] as? String ?? ""] = suffix.map { finalURL + "?" + $0 } ?? finalURL
                }
                let withAdGroups = account.campaigns.filter(\.hasAdGroups)
                let ads = withAdGroups.flatMap(\.adSets).flatMap(\.ads)
                #expect(landing.count == ads.count)
                for ad in ads { #expect(landing[ad.id] == ad.landingURL, "\(ad.name)") }

                // Performance Max: no ads, an asset group with the page, and the campaign's suffix with the shared tags.
                let groups = try await client.call(
                    "search", customer: customer, query: "SELECT campaign.id, asset_group.id, asset_group.final_urls FROM asset_group",
                    token: token).object["results"] as? [[String: Any]] ?? []
                let automated = account.campaigns.filter { !$0.hasAdGroups }
                #expect(groups.count == automated.reduce(0) { $0 + $1.adSets.count })
                for campaign in automated {
                    let row = try #require(groups.first { ($0["campaign"] as? [String: Any])?["id"] as? String == campaign.id })
                    let page = try #require(((row["assetGroup"] as? [String: Any])?["finalUrls"] as? [String])?.first)
                    let world = try #require(campaign.adSets.first?.ads.first?.landingURL)
                    #expect(world.hasPrefix(page + "?"))
                    let suffix = try #require(suffixes[campaign.id])
                    #expect(suffix.contains("utm_campaign="))
                    #expect(suffix.split(separator: "&").allSatisfy { world.contains(String($0)) })
                }
            }
        }
    }

    @Test func adMetricsAddUpToTheirAdGroup() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGoogleAdsClient(credentials: server.credentials.google)
            let token = try await client.accessToken()
            let day = server.world.asOf.adding(days: -3)
            func clicks(_ resource: String, _ id: String) async throws -> [String: Int64] {
                let reply = try await client.call(
                    "search", customer: client.credentials.customerIDs[0],
                    query: "SELECT ad_group.id, segments.date, metrics.clicks FROM \(resource) WHERE segments.date = '\(day)'", token: token)
                #expect(reply.status == 200, "\(String(decoding: reply.body, as: UTF8.self).prefix(600))")
                var totals: [String: Int64] = [:]
                for row in reply.object["results"] as? [[String: Any]] ?? [] {
                    let group = (row["adGroup"] as? [String: Any])?[id] as? String ?? ""
                    totals[group, default: 0] += Int64((row["metrics"] as? [String: Any])?["clicks"] as? String ?? "0") ?? 0
                }
                return totals
            }
            let byAd = try await clicks("ad_group_ad", "id"), byGroup = try await clicks("ad_group", "id")
            #expect(!byGroup.isEmpty && byAd == byGroup)
        }
    }
}
