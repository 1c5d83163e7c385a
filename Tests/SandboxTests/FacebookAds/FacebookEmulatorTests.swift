import Crypto
import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

@Suite("Meta insights emulator")
struct FacebookEmulatorTests {
    static let fields = "account_id,account_currency,campaign_id,campaign_name,adset_id,ad_id,ad_name,impressions,reach,"
        + "clicks,inline_link_clicks,spend,cpc,cpm,ctr,actions,action_values,purchase_roas"

    /// The tests' own appsecret_proof: lowercase hex HMAC-SHA256(app secret, access token) (ads-apis.md §1.1).
    static func proof(_ credentials: FacebookSandboxCredentials) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(credentials.accessToken.utf8),
                                                   using: SymmetricKey(data: Data(credentials.appSecret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }

    static func insightsURL(_ credentials: FacebookSandboxCredentials, account: String, since: BusinessDate,
                            until: BusinessDate, limit: Int = 25, token: String? = nil, proof: String? = nil,
                            extra: [(String, String)] = []) -> String
    {
        credentials.baseURL + "/\(credentials.apiVersion)/\(account)/insights?" + SandboxTest.query([
            ("access_token", token ?? credentials.accessToken),
            ("appsecret_proof", proof ?? Self.proof(credentials)),
            ("level", "ad"), ("time_increment", "1"), ("fields", fields),
            ("time_range", "{\"since\":\"\(since)\",\"until\":\"\(until)\"}"),
            ("action_attribution_windows", "[\"1d_click\",\"7d_click\",\"28d_click\",\"1d_view\"]"),
            ("limit", String(limit)),
        ] + extra)
    }

    /// Every row of a query, following `paging.next` until it is absent.
    static func allRows(from url: String) async throws -> (rows: [[String: Any]], pages: Int) {
        var rows: [[String: Any]] = []
        var next: String? = url
        var pages = 0
        while let url = next {
            let reply = try await SandboxTest.get(url)
            #expect(reply.status == 200)
            #expect(reply.headers["x-fb-ads-insights-throttle"] != nil)
            #expect(reply.headers["x-business-use-case-usage"] != nil)
            let json = try reply.json
            rows += try json.array("data")
            next = (json["paging"] as? [String: Any])?["next"] as? String
            pages += 1
        }
        return (rows, pages)
    }

    @Test func pagingReturnsEveryRowExactlyOnceAndSpendMatchesTheTruth() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            let since = SandboxTest.asOf.adding(days: -10), until = SandboxTest.asOf.adding(days: -1)
            var spend: [BusinessDate: Int64] = [:], clicks: [BusinessDate: Int64] = [:]
            var impressions: [BusinessDate: Int64] = [:], conversions: [BusinessDate: Int64] = [:]
            let fx = try await SandboxTest.get(server.credentials.fx.url + "?from=\(since)&to=\(until)").json.array("rates")
            let usd = try Dictionary(uniqueKeysWithValues: fx.map {
                (try #require(BusinessDate(try $0.string("date"))), try #require(Decimal(string: try $0.string("rate"))))
            })
            var totalRows = 0
            for account in credentials.accountIDs {
                let (rows, pages) = try await Self.allRows(from: Self.insightsURL(credentials, account: account, since: since, until: until))
                #expect(pages > 1)
                let keys = try rows.map { "\(try $0.string("ad_id"))/\(try $0.string("date_start"))" }
                #expect(Set(keys).count == rows.count)
                totalRows += rows.count
                for row in rows {
                    let day = try #require(BusinessDate(try row.string("date_start")))
                    #expect(try row.string("date_stop") == day.description)
                    let amount = try #require(Decimal(string: try row.string("spend")))
                    // Spend × that day's rate, rounded half away from zero to the satang, summed per row.
                    let rate: Decimal = try row.string("account_currency") == "USD" ? try #require(usd[day]) : 1
                    var thb = amount * rate * 100, rounded = Decimal()
                    NSDecimalRound(&rounded, &thb, 0, .plain)
                    spend[day, default: 0] += NSDecimalNumber(decimal: rounded).int64Value
                    clicks[day, default: 0] += try #require(Int64(try row.string("clicks")))
                    impressions[day, default: 0] += try #require(Int64(try row.string("impressions")))
                    let actions = try row.array("actions")
                    let omni = actions.first { $0["action_type"] as? String == "omni_purchase" }
                    let purchase = actions.first { $0["action_type"] as? String == "purchase" }
                    #expect(omni?["value"] as? String == purchase?["value"] as? String)
                    conversions[day, default: 0] += Int64(omni?["value"] as? String ?? "0") ?? 0
                }
            }
            // The world delivers on every ad platform; Meta's rows are those of its accounts.
            let plan = server.world.adsPlan
            let expectedRows = (0..<10).reduce(0) { total, offset in
                total + server.world.adPerformance(on: since.adding(days: offset))
                    .filter { plan.account(of: plan.ads[$0.adIndex]).platform == .facebookAds }.count
            }
            #expect(totalRows == expectedRows)
            let truths = server.world.campaignTruth(from: since, to: until).filter { $0.platform == .facebookAds }
            for (day, campaigns) in Dictionary(grouping: truths, by: \.date) {
                #expect(spend[day] == campaigns.reduce(0) { $0 + $1.spendMinor })
                #expect(clicks[day] == campaigns.reduce(0) { $0 + $1.clicks })
                #expect(impressions[day] == campaigns.reduce(0) { $0 + $1.impressions })
                #expect(conversions[day] == campaigns.reduce(0) { $0 + $1.conversions })
            }
            #expect(Set(truths.map(\.date)).count == 10)
        }
    }

    @Test func anInvalidTokenGetsCode190() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            let day = SandboxTest.asOf.adding(days: -1)
            let reply = try await SandboxTest.get(Self.insightsURL(credentials, account: credentials.accountIDs[0], since: day,
                                                              until: day, token: "EAAnotatoken"))
            #expect(reply.status == 400)
            let error = try reply.json.object("error")
            #expect(SandboxTest.int64(error["code"]) == 190)
            #expect(error["message"] as? String == "Invalid OAuth access token - Cannot parse access token")
            #expect(error["type"] as? String == "OAuthException")
            #expect(error["fbtrace_id"] is String)
        }
    }

    @Test func aBadAppSecretProofIsRefused() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            let day = SandboxTest.asOf.adding(days: -1)
            let reply = try await SandboxTest.get(Self.insightsURL(credentials, account: credentials.accountIDs[0], since: day,
                                                              until: day, proof: String(repeating: "a", count: 64)))
            #expect(reply.status == 400)
            let error = try reply.json.object("error")
            #expect(SandboxTest.int64(error["code"]) == 100)
            #expect(error["message"] as? String == "Invalid appsecret_proof provided in the API argument")
        }
    }

    @Test func aThrottleFaultAnswersCode80000WithUsageHeaders() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            let day = SandboxTest.asOf.adding(days: -1)
            let url = Self.insightsURL(credentials, account: credentials.accountIDs[1], since: day, until: day)
            let reply = try await SandboxTest.get(url, headers: ["X-Sandbox-Fault": "throttle"])
            #expect(reply.status == 400)
            let error = try reply.json.object("error")
            #expect(SandboxTest.int64(error["code"]) == 80_000)
            #expect(SandboxTest.int64(error["error_subcode"]) == 2_446_079)
            let usage = try #require(reply.headers["x-business-use-case-usage"])
            let perAccount = try #require(try JSONSerialization.jsonObject(with: Data(usage.utf8)) as? [String: Any])
            let entry = try #require((perAccount[String(credentials.accountIDs[1].dropFirst(4))] as? [[String: Any]])?.first)
            #expect(entry["type"] as? String == "ads_insights")
            #expect((SandboxTest.int64(entry["estimated_time_to_regain_access"]) ?? 0) >= 1)
            #expect(reply.headers["x-fb-ads-insights-throttle"]?.contains("100") == true)
            // The next throttles rotate through codes 17 and 4.
            let codes = try await (0..<2).asyncMap { _ in
                SandboxTest.int64(try await SandboxTest.get(url, headers: ["X-Sandbox-Fault": "throttle"]).json.object("error")["code"])
            }
            #expect(codes == [17, 4])
        }
    }

    @Test func anExpiredTokenFaultGetsSubcode463() async throws {
        try await SandboxTest.withServer(faults: SandboxFaults(expireTokensEvery: 2)) { server in
            let credentials = server.credentials.facebook
            let day = SandboxTest.asOf.adding(days: -1)
            let url = Self.insightsURL(credentials, account: credentials.accountIDs[0], since: day, until: day)
            #expect(try await SandboxTest.get(url).status == 200)
            let error = try await SandboxTest.get(url).json.object("error")
            #expect(SandboxTest.int64(error["code"]) == 190)
            #expect(SandboxTest.int64(error["error_subcode"]) == 463)
            #expect(try await SandboxTest.get(url).status == 200)
        }
    }

    @Test func badParametersGetCode100() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            let day = SandboxTest.asOf.adding(days: -1)
            let account = credentials.accountIDs[0]
            let backwards = try await SandboxTest.get(Self.insightsURL(credentials, account: account, since: day, until: day.adding(days: -2)))
            #expect(SandboxTest.int64(try backwards.json.object("error")["code"]) == 100)
            let ancient = try await SandboxTest.get(Self.insightsURL(credentials, account: account, since: day.adding(months: -40), until: day))
            #expect(try ancient.json.object("error").string("message").contains("37 months"))
            let unknown = try await SandboxTest.get(Self.insightsURL(credentials, account: "act_123", since: day, until: day))
            #expect(SandboxTest.int64(try unknown.json.object("error")["code"]) == 100)
        }
    }

    @Test func theAccountNodeDescribesTheAccount() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.facebook
            let account = credentials.accountIDs[1]
            let url = credentials.baseURL + "/v25.0/\(account)?" + SandboxTest.query([
                ("fields", "name,currency,timezone_name,account_status"), ("access_token", credentials.accessToken),
                ("appsecret_proof", Self.proof(credentials)),
            ])
            let json = try await SandboxTest.get(url).json
            #expect(json["id"] as? String == account)
            #expect(json["currency"] as? String == "USD")
            #expect(json["timezone_name"] as? String == "Asia/Bangkok")
            #expect(SandboxTest.int64(json["account_status"]) == 1)
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
