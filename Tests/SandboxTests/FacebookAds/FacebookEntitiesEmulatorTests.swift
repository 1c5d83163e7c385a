import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// The Meta emulator's campaigns, ad sets and ads with their budgets, and its age × gender breakdown.
@Suite("Meta entities and breakdowns emulator")
struct FacebookEntitiesEmulatorTests {
    typealias Base = FacebookEmulatorTests

    static func edgeURL(_ credentials: FacebookSandboxCredentials, account: String, edge: String, fields: String,
                        limit: Int = 25, extra: [(String, String)] = []) -> String {
        credentials.baseURL + "/\(credentials.apiVersion)/\(account)/\(edge)?" + SandboxTest.query([
            ("access_token", credentials.accessToken), ("fields", fields), ("limit", String(limit)),
        ] + extra)
    }

    @Test func budgetsSitOnTheCampaignOrOnItsAdSetsAsTheWorldHasThem() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            let world = server.world
            for (index, account) in world.adAccounts(on: .facebookAds).enumerated() {
                let actID = credentials.accountIDs[index]
                let (campaigns, campaignPages) = try await Base.allRows(
                    fromEntities: Self.edgeURL(credentials, account: actID, edge: "campaigns",
                                               fields: "id,name,status,effective_status,objective,daily_budget,lifetime_budget,start_time",
                                               limit: 2))
                #expect(campaignPages == 2, "three campaigns two to a page")
                #expect(campaigns.map { $0["id"] as? String } == account.campaigns.map(\.id))
                let (adSets, _) = try await Base.allRows(
                    fromEntities: Self.edgeURL(credentials, account: actID, edge: "adsets",
                                               fields: "id,campaign_id,daily_budget,lifetime_budget,end_time", limit: 5))
                let (ads, _) = try await Base.allRows(
                    fromEntities: Self.edgeURL(credentials, account: actID, edge: "ads", fields: "id,adset_id,campaign_id"))
                #expect(ads.count == account.campaigns.reduce(0) { $0 + $1.adSets.reduce(0) { $0 + $1.ads.count } })
                var sawCampaignBudget = false, sawAdSetBudget = false
                for (campaign, row) in zip(account.campaigns, campaigns) {
                    #expect(row["effective_status"] as? String == "ACTIVE" && row["objective"] as? String == "OUTCOME_SALES")
                    #expect(row["start_time"] as? String == "\(campaign.startDate)T00:00:00+0700")
                    let sets = adSets.filter { $0["campaign_id"] as? String == campaign.id }
                    #expect(sets.count == campaign.adSets.count)
                    if let budget = campaign.dailyBudgetMinor {
                        sawCampaignBudget = true
                        #expect(row["daily_budget"] as? String == String(budget) && row["lifetime_budget"] as? String == "0")
                        #expect(sets.allSatisfy { $0["daily_budget"] == nil }, "an ad set under a campaign budget has none")
                    } else {
                        sawAdSetBudget = true
                        #expect(row["daily_budget"] == nil)
                        let total = sets.compactMap { ($0["daily_budget"] as? String).flatMap { Int64($0) } }.reduce(0, +)
                        #expect(total == campaign.effectiveDailyBudgetMinor && total > 0)
                    }
                }
                #expect(sawCampaignBudget && sawAdSetBudget, "each account has both kinds")
            }
        }
    }

    @Test func unknownFieldsAndStatusFiltersAnswerAsMetaDoes() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            let actID = credentials.accountIDs[0]
            let unknown = try await SandboxTest.get(Self.edgeURL(credentials, account: actID, edge: "adsets", fields: "id,stop_time"))
            #expect(unknown.status == 400)
            let error = try FacebookGraphTests.error(unknown)
            #expect(error.code == 100)
            #expect(error.message == "(#100) Tried accessing nonexisting field (stop_time) on node type (AdSet)")
            let bare = try await SandboxTest.get(credentials.baseURL + "/\(credentials.apiVersion)/\(actID)/campaigns?access_token="
                + SandboxTest.encode(credentials.accessToken)).json.array("data")
            #expect(bare.allSatisfy { $0.keys.sorted() == ["id"] }, "without fields Meta sends ids only")
            let paused = try await SandboxTest.get(Self.edgeURL(credentials, account: actID, edge: "ads", fields: "id",
                                                                extra: [("effective_status", #"["PAUSED"]"#)])).json.array("data")
            #expect(paused.isEmpty, "every simulated object is active")
            let expired = try await SandboxTest.get(Self.edgeURL(credentials, account: actID, edge: "ads", fields: "id"),
                                                    headers: ["X-Sandbox-Fault": "expired-token"])
            #expect(try FacebookGraphTests.error(expired).code == 190)
        }
    }

    @Test func ageAndGenderRowsAddUpExactlyToTheUnbrokenRows() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            let since = SandboxTest.asOf.adding(days: -3), until = SandboxTest.asOf.adding(days: -1)
            for account in credentials.accountIDs {
                let plain = try await Base.allRows(from: Base.insightsURL(credentials, account: account, since: since, until: until,
                                                                          limit: 500)).rows
                let split = try await Base.allRows(from: Base.insightsURL(credentials, account: account, since: since, until: until,
                                                                          limit: 500, extra: [("breakdowns", "age,gender")])).rows
                #expect(Set(split.compactMap { $0["age"] as? String }) == ["18-24", "25-34", "35-44", "45-54", "55-64", "65+", "Unknown"])
                #expect(Set(split.compactMap { $0["gender"] as? String }) == ["female", "male", "unknown"])
                func sums(_ rows: [[String: Any]]) -> [String: [Int64]] {
                    var result: [String: [Int64]] = [:]
                    for row in rows {
                        let key = "\(row["ad_id"] ?? "")@\(row["date_start"] ?? "")"
                        // Counts and two-decimal amounts as whole numbers (cents for amounts); -1 when unreadable.
                        func whole(_ value: Any?) -> Int64 { Int64(((value as? String) ?? "0").replacingOccurrences(of: ".", with: "")) ?? -1 }
                        let purchases = (row["actions"] as? [[String: Any]])?.first { $0["action_type"] as? String == "omni_purchase" }
                        let values = (row["action_values"] as? [[String: Any]])?.first { $0["action_type"] as? String == "omni_purchase" }
                        let metrics: [Int64] = [whole(row["spend"]), whole(row["impressions"]), whole(row["clicks"]),
                                                whole(purchases?["value"]), whole(values?["value"])]
                        result[key] = zip(result[key] ?? [0, 0, 0, 0, 0], metrics).map { $0 + $1 }
                    }
                    return result
                }
                #expect(!plain.isEmpty && split.count > plain.count * 10)
                #expect(sums(split) == sums(plain), "\(account)")
            }
            let unsupported = try await SandboxTest.get(Base.insightsURL(credentials, account: credentials.accountIDs[0], since: since,
                                                                         until: until, extra: [("breakdowns", "country")]))
            #expect(try FacebookGraphTests.error(unsupported).code == 100)
        }
    }
}

extension FacebookEmulatorTests {
    /// Every object of an entity edge, following `paging.next`.
    static func allRows(fromEntities url: String) async throws -> (rows: [[String: Any]], pages: Int) {
        var rows: [[String: Any]] = []
        var next: String? = url
        var pages = 0
        while let url = next {
            let reply = try await SandboxTest.get(url)
            #expect(reply.status == 200, "\(reply.text)")
            let json = try reply.json
            rows += try json.array("data")
            next = (json["paging"] as? [String: Any])?["next"] as? String
            pages += 1
        }
        return (rows, pages)
    }
}
