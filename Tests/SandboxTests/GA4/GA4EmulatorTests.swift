import _CryptoExtras
import AsyncHTTPClient
import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// A GA4 Data API client of the tests' own, written from Google's documentation (ads-apis.md §2, §4).
struct TestGA4Client {
    let credentials: GA4SandboxCredentials

    func token() async throws -> String {
        let form = SandboxTest.query([("grant_type", "refresh_token"), ("client_id", credentials.clientID),
                                      ("client_secret", credentials.clientSecret), ("refresh_token", credentials.refreshToken)])
        let reply = try await SandboxTest.postForm(credentials.tokenURL, body: form)
        return try #require(try reply.json["access_token"] as? String)
    }

    /// An RS256 JWT-bearer assertion signed with `key`, as google-auth builds it.
    static func assertion(key: _RSA.Signing.PrivateKey, keyID: String, email: String, audience: String, iat: Int64,
                          lifetime: Int64 = 3_600, scope: String = "https://www.googleapis.com/auth/analytics.readonly") throws -> String {
        func encode(_ data: Data) -> String {
            data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
        let header = try JSONSerialization.data(withJSONObject: ["alg": "RS256", "typ": "JWT", "kid": keyID], options: [.sortedKeys])
        let claims = try JSONSerialization.data(withJSONObject: ["iss": email, "aud": audience, "scope": scope, "iat": iat,
                                                                 "exp": iat + lifetime], options: [.sortedKeys])
        let input = encode(header) + "." + encode(claims)
        let signature = try key.signature(for: Data(input.utf8), padding: .insecurePKCS1v1_5)
        return input + "." + encode(signature.rawRepresentation)
    }

    func jwtGrant(_ assertion: String) async throws -> SandboxTest.Reply {
        try await SandboxTest.postForm(credentials.serviceAccount.tokenURI, body: SandboxTest.query([
            ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", assertion)]))
    }

    func runReport(_ body: [String: Any], token: String, property: String? = nil, method: String = "runReport",
                   headers: [String: String] = [:]) async throws -> SandboxTest.Reply {
        let url = "\(credentials.baseURL)/v1beta/properties/\(property ?? credentials.propertyIDs[0]):\(method)"
        return try await SandboxTest.sendJSON(url, json: body, headers: headers.merging(["Authorization": "Bearer \(token)"]) { $1 })
    }

    static func body(_ dimensions: [String], _ metrics: [String], from: BusinessDate, to: BusinessDate,
                     extra: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = ["dateRanges": [["startDate": from.description, "endDate": to.description]],
                                   "dimensions": dimensions.map { ["name": $0] }, "metrics": metrics.map { ["name": $0] }]
        body.merge(extra) { $1 }
        return body
    }
}

extension SandboxTest {
    /// A JSON POST with extra headers.
    static func sendJSON(_ url: String, json: [String: Any], headers: [String: String]) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers.merging(["Content-Type": "application/json"], uniquingKeysWith: { $1 }) {
            request.headers.add(name: name, value: value)
        }
        request.body = .bytes(Array(try JSONSerialization.data(withJSONObject: json)))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        return Reply(status: Int(response.status.code), headers: [:], body: Data(buffer.readableBytesView))
    }
}

/// A report answer read back: rows as dimension and metric values by header name.
struct GA4Answer {
    let json: [String: Any]
    var rows: [(dimensions: [String: String], metrics: [String: String])] {
        let dimensionNames = ((json["dimensionHeaders"] as? [[String: Any]]) ?? []).map { $0["name"] as? String ?? "" }
        let metricNames = ((json["metricHeaders"] as? [[String: Any]]) ?? []).map { $0["name"] as? String ?? "" }
        return ((json["rows"] as? [[String: Any]]) ?? []).map { row in
            let dimensions = ((row["dimensionValues"] as? [[String: Any]]) ?? []).map { $0["value"] as? String ?? "" }
            let metrics = ((row["metricValues"] as? [[String: Any]]) ?? []).map { $0["value"] as? String ?? "" }
            return (Dictionary(uniqueKeysWithValues: zip(dimensionNames, dimensions)), Dictionary(uniqueKeysWithValues: zip(metricNames, metrics)))
        }
    }
    var rowCount: Int { SandboxTest.int64(json["rowCount"]).map(Int.init) ?? 0 }
    func total(_ metric: String) -> Int64 { rows.reduce(0) { $0 + (Int64($1.metrics[metric] ?? "") ?? 0) } }
}

@Suite("GA4 emulator")
struct GA4EmulatorTests {
    static let last = SandboxTest.asOf.adding(days: -1)
    static let first = SandboxTest.asOf.adding(days: -7)

    @Test func aServiceAccountAssertionIsAcceptedAndOneSignedWithAnotherKeyIsRefused() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGA4Client(credentials: server.credentials.ga4)
            let account = client.credentials.serviceAccount
            #expect(account.type == "service_account" && account.privateKey.hasPrefix("-----BEGIN PRIVATE KEY-----"))
            #expect(account.tokenURI == client.credentials.tokenURL)
            let key = try _RSA.Signing.PrivateKey(pemRepresentation: account.privateKey)
            let now = Int64(Date().timeIntervalSince1970)
            let good = try TestGA4Client.assertion(key: key, keyID: account.privateKeyID, email: account.clientEmail,
                                                   audience: account.tokenURI, iat: now)
            let granted = try await client.jwtGrant(good)
            #expect(granted.status == 200)
            let token = try #require(try granted.json["access_token"] as? String)
            #expect(try granted.json["expires_in"] as? Int == 3_599)
            let report = try await client.runReport(TestGA4Client.body(["date"], ["sessions"], from: Self.last, to: Self.last), token: token)
            #expect(report.status == 200, "the service account's token reads the property")

            let stranger = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            let forged = try TestGA4Client.assertion(key: stranger, keyID: account.privateKeyID, email: account.clientEmail,
                                                     audience: account.tokenURI, iat: now)
            let refused = try await client.jwtGrant(forged)
            #expect(refused.status == 400)
            #expect(try refused.json["error"] as? String == "invalid_grant")
            #expect(try refused.json["error_description"] as? String == "Invalid JWT Signature.")

            let wrongAudience = try await client.jwtGrant(try TestGA4Client.assertion(
                key: key, keyID: account.privateKeyID, email: account.clientEmail, audience: "https://oauth2.googleapis.com/token", iat: now))
            #expect(try wrongAudience.json["error_description"] as? String ?? "" == "Invalid JWT: Failed audience check. The right audience is \(account.tokenURI)")
            let tooLong = try await client.jwtGrant(try TestGA4Client.assertion(
                key: key, keyID: account.privateKeyID, email: account.clientEmail, audience: account.tokenURI, iat: now, lifetime: 7_200))
            let tooLongReason = try tooLong.json["error_description"] as? String ?? ""
            #expect(tooLong.status == 400 && tooLongReason.contains("short-lived"))
            let expired = try await client.jwtGrant(try TestGA4Client.assertion(
                key: key, keyID: account.privateKeyID, email: account.clientEmail, audience: account.tokenURI, iat: now - 7_200))
            #expect(expired.status == 400)
            let adwords = try await client.jwtGrant(try TestGA4Client.assertion(
                key: key, keyID: account.privateKeyID, email: account.clientEmail, audience: account.tokenURI, iat: now,
                scope: "https://www.googleapis.com/auth/adwords"))
            #expect(try adwords.json["error"] as? String == "invalid_scope")
        }
    }

    @Test func usersAreDistinctWithinARowSoAWeekIsNotTheSumOfItsDays() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGA4Client(credentials: server.credentials.ga4)
            let token = try await client.token()
            let metrics = ["sessions", "engagedSessions", "engagementRate", "bounceRate", "totalUsers", "activeUsers", "newUsers",
                           "screenPageViews", "transactions", "purchaseRevenue"]
            let week = GA4Answer(json: try await client.runReport(TestGA4Client.body([], metrics, from: Self.first, to: Self.last),
                                                                   token: token).json)
            let days = GA4Answer(json: try await client.runReport(TestGA4Client.body(["date"], metrics, from: Self.first, to: Self.last),
                                                                   token: token).json)
            #expect(days.rows.count == 7 && days.rows.first?.dimensions["date"] == Self.compact(Self.first), "rows sorted by date")
            let sessions = (0..<7).flatMap { server.world.websiteSessions(on: Self.first.adding(days: $0)) }
            #expect(week.total("sessions") == Int64(sessions.count) && days.total("sessions") == Int64(sessions.count))
            #expect(week.total("totalUsers") == Int64(Set(sessions.map(\.userPseudoID)).count))
            #expect(week.total("totalUsers") < days.total("totalUsers"), "returning visitors count once in the week, once a day by day")
            #expect(week.total("transactions") == Int64(sessions.filter { $0.purchase != nil }.count))
            let revenue = sessions.compactMap(\.purchase).reduce(Int64(0)) { $0 + $1.valueMinor }
            #expect(week.rows[0].metrics["purchaseRevenue"] == AmountText.jsonNumber(minor: revenue))
            for row in days.rows + week.rows {
                let rowSessions = try #require(Double(row.metrics["sessions"]!)), engaged = try #require(Double(row.metrics["engagedSessions"]!))
                let rate = try #require(Double(row.metrics["engagementRate"]!)), bounce = try #require(Double(row.metrics["bounceRate"]!))
                #expect(abs(rate * rowSessions - engaged) < 1e-6 && abs(rate + bounce - 1) < 1e-9)
                #expect(Int64(row.metrics["activeUsers"]!)! <= Int64(row.metrics["totalUsers"]!)!)
                #expect(Int64(row.metrics["newUsers"]!)! <= Int64(row.metrics["totalUsers"]!)!)
            }
            #expect(try week.json["metadata"] as? [String: Any] != nil)
            let metadata = try #require(week.json["metadata"] as? [String: Any])
            #expect(metadata["currencyCode"] as? String == "THB" && metadata["timeZone"] as? String == "Asia/Bangkok")
        }
    }

    @Test func pageAndEventScopesSplitSessionsAsGA4Does() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGA4Client(credentials: server.credentials.ga4)
            let token = try await client.token()
            let sessions = server.world.websiteSessions(on: Self.last)
            let pages = GA4Answer(json: try await client.runReport(TestGA4Client.body(["pagePath"], ["screenPageViews", "sessions"],
                                                                                     from: Self.last, to: Self.last), token: token).json)
            #expect(pages.total("screenPageViews") == Int64(sessions.reduce(0) { $0 + $1.pageViews.count }))
            let home = sessions.filter { $0.pageViews.contains { $0.path == "/" } }.count
            #expect(pages.rows.first { $0.dimensions["pagePath"] == "/" }?.metrics["sessions"] == String(home), "sessions that viewed it")
            let events = GA4Answer(json: try await client.runReport(
                TestGA4Client.body(["eventName", "transactionId"], ["eventCount", "purchaseRevenue"], from: Self.last, to: Self.last,
                                   extra: ["orderBys": [["metric": ["metricName": "eventCount"], "desc": true]]]), token: token).json)
            #expect(events.rows.first { $0.dimensions["eventName"] == "page_view" }?.metrics["eventCount"] == String(pages.total("screenPageViews")))
            #expect(events.rows.first { $0.dimensions["eventName"] == "session_start" }?.metrics["eventCount"] == String(sessions.count))
            let counts = events.rows.map { Int64($0.metrics["eventCount"]!)! }
            #expect(counts == counts.sorted(by: >), "ordered by eventCount descending")
            let purchases = events.rows.filter { $0.dimensions["eventName"] == "purchase" }
            #expect(purchases.count == sessions.filter { $0.purchase != nil }.count && purchases.allSatisfy { $0.dimensions["transactionId"] != "(not set)" })
        }
    }

    @Test func pagingByOffsetCoversTheReportOnceAndEmptyRowsAreDropped() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGA4Client(credentials: server.credentials.ga4)
            let token = try await client.token()
            let dimensions = ["date", "sessionSource", "sessionMedium", "deviceCategory"]
            let whole = GA4Answer(json: try await client.runReport(TestGA4Client.body(dimensions, ["sessions"], from: Self.first, to: Self.last),
                                                                    token: token).json)
            var paged: [[String: String]] = []
            var offset = 0
            repeat {
                let page = GA4Answer(json: try await client.runReport(TestGA4Client.body(
                    dimensions, ["sessions"], from: Self.first, to: Self.last, extra: ["limit": "25", "offset": String(offset)]), token: token).json)
                #expect(page.rowCount == whole.rowCount && page.rows.count <= 25)
                paged += page.rows.map(\.dimensions)
                offset += 25
            } while offset < whole.rowCount
            #expect(whole.rowCount > 25 && paged == whole.rows.map(\.dimensions), "limit as a string; every row once, in order")
            let numeric = GA4Answer(json: try await client.runReport(TestGA4Client.body(
                dimensions, ["sessions"], from: Self.first, to: Self.last, extra: ["limit": 10, "offset": 10]), token: token).json)
            #expect(numeric.rows.map(\.dimensions) == Array(whole.rows.map(\.dimensions)[10..<20]), "limit and offset as numbers")

            let buyers = GA4Answer(json: try await client.runReport(TestGA4Client.body(dimensions, ["transactions"], from: Self.first, to: Self.last),
                                                                     token: token).json)
            #expect(buyers.rowCount < whole.rowCount && buyers.rows.allSatisfy { $0.metrics["transactions"] != "0" })
            let kept = GA4Answer(json: try await client.runReport(TestGA4Client.body(
                dimensions, ["transactions"], from: Self.first, to: Self.last, extra: ["keepEmptyRows": true]), token: token).json)
            #expect(kept.rowCount == whole.rowCount, "keepEmptyRows keeps the all-zero rows")
        }
    }

    @Test func pastTheCardinalityLimitADayFoldsIntoAnOtherRow() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGA4Client(credentials: server.credentials.ga4)
            let token = try await client.token()
            let body = TestGA4Client.body(["date", "sessionSource", "city"], ["sessions", "totalUsers"], from: Self.first, to: Self.last)
            let full = GA4Answer(json: try await client.runReport(body, token: token).json)
            let limited = GA4Answer(json: try await client.runReport(body, token: token, headers: [GA4Emulator.cardinalityHeader: "4"]).json)
            #expect(full.json["metadata"].flatMap { ($0 as? [String: Any])?["dataLossFromOtherRow"] } == nil)
            #expect((limited.json["metadata"] as? [String: Any])?["dataLossFromOtherRow"] as? Bool == true)
            let byDay = Dictionary(grouping: limited.rows) { $0.dimensions["date"]! }
            #expect(byDay.count == 7 && byDay.values.allSatisfy { $0.count <= 4 })
            let others = limited.rows.filter { $0.dimensions["sessionSource"] == "(other)" }
            #expect(others.count == 7 && others.allSatisfy { $0.dimensions["city"] == "(other)" })
            #expect(limited.total("sessions") == full.total("sessions"), "no session is lost, only its dimensions")
            #expect(limited.total("totalUsers") <= full.total("totalUsers"), "users folded together count once")
        }
    }

    @Test func errorsComeInGooglesEnvelope() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGA4Client(credentials: server.credentials.ga4)
            let token = try await client.token()
            func error(_ reply: SandboxTest.Reply) throws -> (Int, String, String) {
                let error = try #require(try reply.json["error"] as? [String: Any])
                #expect(SandboxTest.int64(error["code"]) == Int64(reply.status))
                return (reply.status, error["status"] as? String ?? "", error["message"] as? String ?? "")
            }
            let unknown = try error(try await client.runReport(TestGA4Client.body(["date", "customEvent:game_slug"], ["sessions"],
                                                                                 from: Self.last, to: Self.last), token: token))
            #expect(unknown.0 == 400 && unknown.1 == "INVALID_ARGUMENT" && unknown.2.hasPrefix("Field customEvent:game_slug is not a valid dimension."))
            let metric = try error(try await client.runReport(TestGA4Client.body(["date"], ["conversions"], from: Self.last, to: Self.last), token: token))
            #expect(metric.0 == 400 && metric.2.hasPrefix("Field conversions is not a valid metric."))
            let other = try error(try await client.runReport(TestGA4Client.body(["date"], ["sessions"], from: Self.last, to: Self.last),
                                                             token: token, property: "123456789"))
            #expect(other.0 == 403 && other.1 == "PERMISSION_DENIED")
            let anonymous = try error(try await client.runReport(TestGA4Client.body(["date"], ["sessions"], from: Self.last, to: Self.last),
                                                                 token: "ya29.c.nonsense"))
            #expect(anonymous.0 == 401 && anonymous.1 == "UNAUTHENTICATED")
            let throttled = try error(try await client.runReport(TestGA4Client.body(["date"], ["sessions"], from: Self.last, to: Self.last),
                                                                 token: token, headers: ["X-Sandbox-Fault": "throttle"]))
            #expect(throttled.0 == 429 && throttled.1 == "RESOURCE_EXHAUSTED" && throttled.2.hasPrefix("Exhausted property tokens per hour."))
            let request = TestGA4Client.body(["date"], ["sessions"], from: Self.last, to: Self.last)
            let six = try error(try await client.runReport(["requests": Array(repeating: request, count: 6)], token: token, method: "batchRunReports"))
            #expect(six.0 == 400 && six.1 == "INVALID_ARGUMENT")
            let tooBig = try error(try await client.runReport(TestGA4Client.body(["date"], ["sessions"], from: Self.last, to: Self.last,
                                                                                 extra: ["limit": "250001"]), token: token))
            #expect(tooBig.0 == 400)
        }
    }

    @Test func aBatchAnswersEachReportWithRelativeDatesAndTheQuota() async throws {
        try await SandboxTest.withServer { server in
            let client = TestGA4Client(credentials: server.credentials.ga4)
            let token = try await client.token()
            let yesterday: [String: Any] = ["dateRanges": [["startDate": "yesterday", "endDate": "yesterday"]],
                                            "dimensions": [["name": "date"]], "metrics": [["name": "sessions"]], "returnPropertyQuota": true]
            let week: [String: Any] = ["dateRanges": [["startDate": "7daysAgo", "endDate": "yesterday"]],
                                       "dimensions": [["name": "sessionDefaultChannelGroup"]], "metrics": [["name": "sessions"]]]
            let reply = try await client.runReport(["requests": [yesterday, week]], token: token, method: "batchRunReports")
            let kind = try reply.json["kind"] as? String
            #expect(reply.status == 200 && kind == "analyticsData#batchRunReports")
            let reports = try #require(try reply.json["reports"] as? [[String: Any]]).map(GA4Answer.init)
            #expect(reports.count == 2)
            #expect(reports[0].rows.map { $0.dimensions["date"] } == [Self.compact(Self.last)])
            #expect(reports[0].total("sessions") == Int64(server.world.websiteSessions(on: Self.last).count))
            let quota = try #require(reports[0].json["propertyQuota"] as? [String: Any])
            #expect(SandboxTest.int64((quota["tokensPerDay"] as? [String: Any])?["consumed"]).map { $0 > 0 } == true)
            #expect(reports[1].json["propertyQuota"] == nil)
            let weekSessions = (0..<7).reduce(0) { $0 + server.world.websiteSessions(on: Self.first.adding(days: $1)).count }
            #expect(reports[1].total("sessions") == Int64(weekSessions))
            let twoRanges: [String: Any] = ["dateRanges": [["startDate": "yesterday", "endDate": "yesterday", "name": "last"],
                                                           ["startDate": "7daysAgo", "endDate": "yesterday"]],
                                            "metrics": [["name": "sessions"]]]
            let compared = GA4Answer(json: try await client.runReport(twoRanges, token: token).json)
            #expect(Dictionary(uniqueKeysWithValues: compared.rows.map { ($0.dimensions["dateRange"] ?? "", $0.metrics["sessions"] ?? "") })
                    == ["last": String(reports[0].total("sessions")), "date_range_1": String(weekSessions)],
                    "several ranges add the dateRange dimension")
            let metadata = try await SandboxTest.get("\(client.credentials.baseURL)/v1beta/properties/\(client.credentials.propertyIDs[0])/metadata",
                                                     headers: ["Authorization": "Bearer \(token)"])
            let dimensions = try #require(try metadata.json["dimensions"] as? [[String: Any]]).compactMap { $0["apiName"] as? String }
            #expect(dimensions.contains("sessionDefaultChannelGroup") && dimensions.contains("transactionId"))
        }
    }

    static func compact(_ day: BusinessDate) -> String { day.description.replacingOccurrences(of: "-", with: "") }
}
