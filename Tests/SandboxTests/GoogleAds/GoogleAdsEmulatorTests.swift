import AsyncHTTPClient
import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// A Google Ads client of the tests' own, written from the REST documentation (ads-apis.md §2–3).
struct TestGoogleAdsClient {
    let credentials: GoogleAdsSandboxCredentials

    struct Reply {
        let status: Int
        let body: Data
        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var array: [[String: Any]] { (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? [] }
        /// The first `GoogleAdsFailure` error's `errorCode` as `category.NAME`, from a bare or array-wrapped error.
        var errorCode: String? {
            let envelope = object["error"] != nil ? object : array.first ?? [:]
            let error = envelope["error"] as? [String: Any]
            let failure = (error?["details"] as? [[String: Any]])?.first
            let first = (failure?["errors"] as? [[String: Any]])?.first
            return (first?["errorCode"] as? [String: Any])?.first.map { "\($0.key).\($0.value)" }
        }
        var errorMessage: String? {
            let envelope = object["error"] != nil ? object : array.first ?? [:]
            let failure = ((envelope["error"] as? [String: Any])?["details"] as? [[String: Any]])?.first
            return ((failure?["errors"] as? [[String: Any]])?.first)?["message"] as? String
        }
    }

    static func send(_ url: String, post: Bool, headers: [String: String], body: Data?) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = post ? .POST : .GET
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(Array(body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        return Reply(status: Int(response.status.code), body: Data(buffer.readableBytesView))
    }

    /// The refresh-token grant, form-encoded.
    func token(refreshToken: String? = nil, clientSecret: String? = nil) async throws -> Reply {
        let form = SandboxTest.query([("grant_type", "refresh_token"), ("client_id", credentials.clientID),
                                      ("client_secret", clientSecret ?? credentials.clientSecret),
                                      ("refresh_token", refreshToken ?? credentials.refreshToken)])
        return try await Self.send(credentials.tokenURL, post: true,
                                   headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(form.utf8))
    }

    func accessToken() async throws -> String {
        try #require(try await token().object["access_token"] as? String)
    }

    func headers(_ token: String, login: String?? = .none, developerToken: String?? = .none) -> [String: String] {
        var headers = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
        if let developer = developerToken ?? credentials.developerToken { headers["developer-token"] = developer }
        if let login = login ?? credentials.loginCustomerID { headers["login-customer-id"] = login }
        return headers
    }

    func call(_ method: String, customer: String, query: String, token: String, pageToken: String? = nil,
              extraHeaders: [String: String] = [:], headers: [String: String]? = nil, body: [String: Any] = [:]) async throws -> Reply {
        var json = body
        json["query"] = query
        if let pageToken { json["pageToken"] = pageToken }
        return try await Self.send("\(credentials.baseURL)/\(credentials.apiVersion)/customers/\(customer)/googleAds:\(method)",
                                   post: true, headers: (headers ?? self.headers(token)).merging(extraHeaders) { $1 },
                                   body: try JSONSerialization.data(withJSONObject: json))
    }
}

@Suite("Google Ads emulator")
struct GoogleAdsEmulatorTests {
    static let campaignQuery = "SELECT customer.id, campaign.id, campaign.advertising_channel_type, segments.date, metrics.impressions, "
        + "metrics.clicks, metrics.cost_micros, metrics.conversions, metrics.conversions_value FROM campaign "

    @Test func theTokenEndpointRefreshesAndRefusesAsGoogleDoes() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGoogleAdsClient(credentials: server.credentials.google)
            let granted = try await client.token()
            #expect(granted.status == 200)
            #expect((granted.object["access_token"] as? String)?.hasPrefix("ya29.") == true)
            #expect(SandboxTest.int64(granted.object["expires_in"]) == 3599)
            #expect(granted.object["token_type"] as? String == "Bearer")
            #expect(granted.object["refresh_token"] == nil, "Google keeps the refresh token")

            let revoked = try await client.token(refreshToken: "1//0gNotTheSellersToken")
            #expect(revoked.status == 400)
            #expect(revoked.object["error"] as? String == "invalid_grant")
            #expect(revoked.object["error_description"] as? String == "Token has been expired or revoked.")
            let wrongClient = try await client.token(clientSecret: "GOCSPX-wrong")
            #expect(wrongClient.status == 401)
            #expect(wrongClient.object["error"] as? String == "invalid_client")
        }
    }

    @Test func callsNeedABearerTokenADeveloperTokenAndTheManagerAsLoginCustomer() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGoogleAdsClient(credentials: server.credentials.google)
            let token = try await client.accessToken()
            let customer = client.credentials.customerIDs[0]
            let query = Self.campaignQuery + "WHERE segments.date DURING LAST_7_DAYS"

            let accessible = try await TestGoogleAdsClient.send(
                "\(client.credentials.baseURL)/\(client.credentials.apiVersion)/customers:listAccessibleCustomers", post: false,
                headers: client.headers(token, login: .some(nil)), body: Optional<Data>.none)
            #expect(accessible.status == 200)
            #expect(accessible.object["resourceNames"] as? [String] == ["customers/\(client.credentials.loginCustomerID)"])

            let noBearer = try await client.call("search", customer: customer, query: query, token: token,
                                                 headers: ["developer-token": client.credentials.developerToken])
            #expect(noBearer.status == 401)
            #expect((noBearer.object["error"] as? [String: Any])?["status"] as? String == "UNAUTHENTICATED")
            let forged = try await client.call("search", customer: customer, query: query, token: "ya29.a0forged")
            #expect(forged.status == 401)
            #expect(forged.errorCode == "authenticationError.OAUTH_TOKEN_INVALID")

            let noDeveloperToken = try await client.call("search", customer: customer, query: query, token: token,
                                                         headers: client.headers(token, developerToken: .some(nil)))
            #expect(noDeveloperToken.status == 400)
            #expect(noDeveloperToken.errorCode == "requestError.DEVELOPER_TOKEN_PARAMETER_MISSING")

            let noManager = try await client.call("searchStream", customer: customer, query: query, token: token,
                                                  headers: client.headers(token, login: .some(nil)))
            #expect(noManager.status == 403)
            #expect(noManager.array.count == 1, "searchStream wraps the error in an array")
            #expect(noManager.errorCode == "authorizationError.USER_PERMISSION_DENIED")

            let oldVersion = try await TestGoogleAdsClient.send(
                "\(client.credentials.baseURL)/v19/customers/\(customer)/googleAds:search", post: true, headers: client.headers(token),
                body: try JSONSerialization.data(withJSONObject: ["query": query]))
            #expect(oldVersion.errorCode == "requestError.UNSUPPORTED_VERSION")
            let served = try await TestGoogleAdsClient.send(
                "\(client.credentials.baseURL)/v23/customers/\(customer)/googleAds:search", post: true, headers: client.headers(token),
                body: try JSONSerialization.data(withJSONObject: ["query": query]))
            #expect(served.status == 200)
        }
    }

    @Test("bad GAQL is answered INVALID_ARGUMENT with Google's QueryError", arguments: [
        ("SELECT campaign.id, campaign.colour FROM campaign", "queryError.UNRECOGNIZED_FIELD", "campaign.colour"),
        ("SELECT campaign.id, segments.date, metrics.clicks FROM campaign WHERE segments.date DURING LAST_90_DAYS",
         "queryError.INVALID_VALUE_WITH_DURING_OPERATOR", "LAST_90_DAYS"),
        ("SELECT campaign.id, segments.date, metrics.clicks FROM campaign", "queryError.EXPECTED_FILTERS_ON_DATE_RANGE", "segments.date"),
        ("SELECT ad_group.id FROM campaign", "queryError.PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE", "ad_group.id"),
        ("SELECT campaign.id FROM campaigns", "queryError.BAD_RESOURCE_TYPE_IN_FROM_CLAUSE", "campaigns"),
        ("SELECT campaign.id FROM campaign WHERE segments.date BETWEEN '2026-11-10' AND '2026-11-01'", "queryError.DATE_RANGE_TOO_NARROW", "2026-11-10"),
        ("SELECT campaign.id FROM campaign WHERE campaign.status ~ 'ENABLED'", "queryError.BAD_SYMBOL", "~"),
    ])
    func badQueries(query: String, code: String, named: String) async throws {
        try await SandboxTest.withServer { server in
            let client = TestGoogleAdsClient(credentials: server.credentials.google)
            let token = try await client.accessToken()
            for method in ["search", "searchStream"] {
                let reply = try await client.call(method, customer: client.credentials.customerIDs[0], query: query, token: token)
                #expect(reply.status == 400)
                let envelope = method == "search" ? reply.object : reply.array.first ?? [:]
                #expect((envelope["error"] as? [String: Any])?["status"] as? String == "INVALID_ARGUMENT")
                #expect(reply.errorCode == code)
                #expect(reply.errorMessage?.contains(named) == true, "\(reply.errorMessage ?? "")")
            }
        }
    }

    @Test func campaignStreamAddsUpToTheWorldsTruthIncludingPerformanceMax() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGoogleAdsClient(credentials: server.credentials.google)
            let token = try await client.accessToken()
            let since = SandboxTest.asOf.adding(days: -10), until = SandboxTest.asOf.adding(days: -1)
            var seen: [String: (cost: Int64, clicks: Int64, impressions: Int64, conversions: Decimal)] = [:]
            var channels = Set<String>()
            for customer in client.credentials.customerIDs {
                let reply = try await client.call(
                    "searchStream", customer: customer,
                    query: Self.campaignQuery + "WHERE segments.date BETWEEN '\(since)' AND '\(until)' ORDER BY segments.date ASC", token: token,
                    extraHeaders: [GoogleAdsEmulator.pageSizeHeader: "7"])
                #expect(reply.status == 200)
                let batches = reply.array
                #expect(batches.count > 1, "7 rows a batch")
                #expect(batches.dropLast().allSatisfy { $0["queryResourceConsumption"] == nil })
                #expect(batches.last?["queryResourceConsumption"] != nil)
                #expect(batches.allSatisfy { ($0["fieldMask"] as? String)?.contains("metrics.costMicros") == true })
                var previousDate = ""
                for batch in batches {
                    for row in batch["results"] as? [[String: Any]] ?? [] {
                        let campaign = try #require(row["campaign"] as? [String: Any])
                        let metrics = try #require(row["metrics"] as? [String: Any])
                        let date = try #require((row["segments"] as? [String: Any])?["date"] as? String)
                        #expect(date >= previousDate, "ORDER BY segments.date ASC")
                        previousDate = date
                        #expect(metrics["costMicros"] is String, "int64 as a JSON string")
                        channels.insert(campaign["advertisingChannelType"] as? String ?? "")
                        let conversions = (metrics["conversions"] as? NSNumber).map { Decimal(string: $0.stringValue)! } ?? 0
                        seen["\(date)/\(campaign["id"] as! String)"] = (
                            Int64(metrics["costMicros"] as? String ?? "0")!, Int64(metrics["clicks"] as? String ?? "0")!,
                            Int64(metrics["impressions"] as? String ?? "0")!, conversions)
                    }
                }
            }
            #expect(channels == ["SEARCH", "SHOPPING", "PERFORMANCE_MAX"])
            let truth = server.world.campaignTruth(from: since, to: until).filter { $0.platform == .googleAds }
            #expect(seen.count == truth.count)
            for expected in truth {
                let row = try #require(seen["\(expected.date)/\(expected.campaignID)"])
                let currency = server.world.adAccounts(on: .googleAds).first { $0.id == expected.accountID }!.currency
                if currency == "THB" { #expect(row.cost / 10_000 == expected.spendMinor, "\(expected.campaignName) \(expected.date)") }
                #expect(row.clicks == expected.clicks)
                #expect(row.impressions == expected.impressions)
                #expect(row.conversions == Decimal(expected.conversions))
            }
        }
    }

    @Test func searchPagesWithTokensAndKeywordsAddUpToTheirAdGroups() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGoogleAdsClient(credentials: server.credentials.google)
            let token = try await client.accessToken()
            let customer = client.credentials.customerIDs[0]
            let range = "WHERE segments.date BETWEEN '\(SandboxTest.asOf.adding(days: -5))' AND '\(SandboxTest.asOf.adding(days: -1))'"
            let keywordQuery = "SELECT ad_group.id, ad_group_criterion.criterion_id, ad_group_criterion.keyword.text, "
                + "ad_group_criterion.keyword.match_type, segments.date, metrics.cost_micros, metrics.clicks FROM keyword_view " + range
            var pageToken: String?
            var pages = 0
            var keywordCost: [String: Int64] = [:]
            var keys = Set<String>()
            var rows = 0
            repeat {
                let reply = try await client.call("search", customer: customer, query: keywordQuery, token: token, pageToken: pageToken,
                                                  extraHeaders: [GoogleAdsEmulator.pageSizeHeader: "40"],
                                                  body: ["searchSettings": ["returnTotalResultsCount": true]])
                #expect(reply.status == 200)
                let page = reply.object
                pages += 1
                for row in page["results"] as? [[String: Any]] ?? [] {
                    let adGroup = (row["adGroup"] as? [String: Any])?["id"] as? String ?? ""
                    let criterion = row["adGroupCriterion"] as? [String: Any] ?? [:]
                    let keyword = criterion["keyword"] as? [String: Any] ?? [:]
                    #expect(["EXACT", "PHRASE", "BROAD"].contains(keyword["matchType"] as? String ?? ""))
                    #expect((criterion["resourceName"] as? String)?.hasSuffix("\(adGroup)~\(criterion["criterionId"] as? String ?? "")") == true)
                    let date = (row["segments"] as? [String: Any])?["date"] as? String ?? ""
                    keys.insert("\(adGroup)/\(criterion["criterionId"] ?? "")/\(date)")
                    keywordCost["\(adGroup)/\(date)", default: 0] += Int64((row["metrics"] as? [String: Any])?["costMicros"] as? String ?? "0")!
                    rows += 1
                }
                #expect(Int64(page["totalResultsCount"] as? String ?? "") != nil)
                pageToken = page["nextPageToken"] as? String
            } while pageToken != nil
            #expect(pages > 1)
            #expect(keys.count == rows, "every keyword day exactly once")

            let adGroups = try await client.call("searchStream", customer: customer,
                                                 query: "SELECT ad_group.id, campaign.advertising_channel_type, segments.date, metrics.cost_micros FROM ad_group " + range,
                                                 token: token)
            var searchGroups = 0
            for row in adGroups.array.flatMap({ $0["results"] as? [[String: Any]] ?? [] }) {
                #expect((row["campaign"] as? [String: Any])?["advertisingChannelType"] as? String != "PERFORMANCE_MAX",
                        "Performance Max reports no ad groups")
                guard (row["campaign"] as? [String: Any])?["advertisingChannelType"] as? String == "SEARCH" else { continue }
                let key = "\((row["adGroup"] as? [String: Any])?["id"] as? String ?? "")/\((row["segments"] as? [String: Any])?["date"] as? String ?? "")"
                #expect(keywordCost[key] == Int64((row["metrics"] as? [String: Any])?["costMicros"] as? String ?? "0"), "\(key)")
                searchGroups += 1
            }
            #expect(searchGroups > 0)

            let stale = try await client.call("search", customer: customer, query: keywordQuery + " LIMIT 5", token: token,
                                              pageToken: Data("40|0".utf8).base64EncodedString())
            #expect(stale.errorCode == "requestError.INVALID_PAGE_TOKEN")
            let sized = try await client.call("search", customer: customer, query: keywordQuery, token: token, body: ["pageSize": 100])
            #expect(sized.errorCode == "requestError.PAGE_SIZE_NOT_SUPPORTED")
        }
    }

    @Test func entitiesCarryBudgetsAndTheManagerListsItsClients() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGoogleAdsClient(credentials: server.credentials.google)
            let token = try await client.accessToken()
            let campaigns = try await client.call(
                "search", customer: client.credentials.customerIDs[0],
                query: "SELECT campaign.id, campaign.status, campaign_budget.amount_micros, campaign_budget.period FROM campaign WHERE campaign.status = 'ENABLED'",
                token: token)
            let rows = campaigns.object["results"] as? [[String: Any]] ?? []
            let account = server.world.adAccounts(on: .googleAds)[0]
            #expect(rows.count == account.campaigns.count)
            for (row, campaign) in zip(rows, account.campaigns) {
                let budget = row["campaignBudget"] as? [String: Any] ?? [:]
                #expect(budget["amountMicros"] as? String == String(campaign.effectiveDailyBudgetMinor * 10_000))
                #expect(budget["period"] as? String == "DAILY")
            }
            let clients = try await client.call(
                "search", customer: client.credentials.loginCustomerID,
                query: "SELECT customer_client.id, customer_client.manager, customer_client.currency_code FROM customer_client WHERE customer_client.level <= 1",
                token: token, headers: client.headers(token, login: .some(nil)))
            let listed = (clients.object["results"] as? [[String: Any]] ?? []).compactMap { ($0["customerClient"] as? [String: Any])?["id"] as? String }
            #expect(Set(listed) == Set(client.credentials.customerIDs + [client.credentials.loginCustomerID]))
            let managerMetrics = try await client.call(
                "search", customer: client.credentials.loginCustomerID,
                query: "SELECT customer.id, metrics.clicks FROM customer", token: token, headers: client.headers(token, login: .some(nil)))
            #expect(managerMetrics.errorCode == "queryError.REQUESTED_METRICS_FOR_MANAGER")
        }
    }

    @Test func throttlingAndExpiredTokensAnswerInGooglesEnvelope() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGoogleAdsClient(credentials: server.credentials.google)
            let token = try await client.accessToken()
            let customer = client.credentials.customerIDs[0]
            let query = Self.campaignQuery + "WHERE segments.date DURING YESTERDAY"
            let throttled = try await client.call("searchStream", customer: customer, query: query, token: token,
                                                  extraHeaders: ["X-Sandbox-Fault": "throttle"])
            #expect(throttled.status == 429)
            #expect(throttled.errorCode == "quotaError.RESOURCE_EXHAUSTED")
            let error = (throttled.array.first?["error"] as? [String: Any]) ?? [:]
            #expect(error["status"] as? String == "RESOURCE_EXHAUSTED")
            let failure = ((error["details"] as? [[String: Any]])?.first?["errors"] as? [[String: Any]])?.first
            #expect(((failure?["details"] as? [String: Any])?["quotaErrorDetails"] as? [String: Any])?["retryDelay"] as? String == "1s")

            let expired = try await client.call("search", customer: customer, query: query, token: token,
                                                extraHeaders: ["X-Sandbox-Fault": "expired-token"])
            #expect(expired.status == 401)
            #expect(expired.errorCode == "authenticationError.OAUTH_TOKEN_EXPIRED")
            let again = try await client.call("search", customer: customer, query: query, token: token)
            #expect(again.status == 401, "the expired token stays refused")
            let fresh = try await client.call("search", customer: customer, query: query, token: try await client.accessToken())
            #expect(fresh.status == 200)
        }
    }
}
