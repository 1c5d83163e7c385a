@testable import Connectors
import Foundation
import OmnidashCore
import Testing
import Warehouse

@Suite("Google Ads connector")
struct GoogleAdsConnectorTests {
    /// The campaign batches of `payloads/ads/google_ads_searchstream_campaign.json` (generated from the v26 protos).
    static let streamBatch = #"""
    [{"results":[{"customer":{"resourceName":"customers/1234567890","id":"1234567890","currencyCode":"JPY","timeZone":"Asia/Tokyo"},
    "campaign":{"resourceName":"customers/1234567890/campaigns/20123456789","status":"ENABLED","advertisingChannelType":"SEARCH","name":"Brand - Search","id":"20123456789"},
    "metrics":{"clicks":"212","conversionsValue":186400.0,"conversions":14.0,"costMicros":"15230000000","impressions":"1843"},"segments":{"date":"2025-06-01"}}],
    "requestId":"q9T3mZ7kX2bC4dE5fG6hJ","fieldMask":"customer.id,campaign.id,segments.date,metrics.costMicros"},
    {"results":[{"customer":{"resourceName":"customers/1234567890","id":"1234567890","currencyCode":"JPY","timeZone":"Asia/Tokyo"},
    "campaign":{"resourceName":"customers/1234567890/campaigns/20987654321","status":"ENABLED","advertisingChannelType":"PERFORMANCE_MAX","name":"PMax - All Products","id":"20987654321"},
    "metrics":{"clicks":"655","conversionsValue":402310.5,"conversions":22.333333,"costMicros":"48510000000","impressions":"40211"},"segments":{"date":"2025-06-01"}}],
    "requestId":"q9T3mZ7kX2bC4dE5fG6hJ","queryResourceConsumption":"412","fieldMask":"customer.id,campaign.id,segments.date,metrics.costMicros"}]
    """#

    static func rows(_ json: String, _ report: GoogleAds.Report = .campaign, customer: String = "1234567890") throws -> [ParsedRecord] {
        let scanner = JSONScanner(Array(json.utf8))
        let parser = GoogleAdsRowParser(customerID: customer, stream: report.streamName)
        return try scanner.elements(of: try scanner.root()).flatMap { batch in
            try scanner.elements(of: try #require(try scanner.members(of: batch).first { $0.key == "results" }?.value))
                .map { parser.report(report, scanner, $0) }
        }
    }

    @Test func documentedStreamRowsKeepMicrosAndDoublesExactly() throws {
        let rows = try Self.rows(Self.streamBatch).map { try #require($0.row) }
        #expect(rows.count == 2)
        #expect(rows[0]["cost_micros"] == 15_230_000_000)
        #expect(rows[0]["conversions"] == "14.0")
        #expect(rows[0]["conversion_value"] == "186400.0")
        #expect(rows[0]["customer_currency"] == "JPY")
        #expect(rows[0]["customer_time_zone"] == "Asia/Tokyo")
        #expect(rows[1]["campaign_type"] == "PERFORMANCE_MAX")
        #expect(rows[1]["conversions"] == "22.333333", "a fractional count is kept as sent")
        #expect(rows[1]["conversion_value"] == "402310.5")
        #expect(rows[1]["_date"] == "2025-06-01")
    }

    @Test("a malformed row is rejected naming the field, and its neighbours load", arguments: [
        (#""costMicros":"12.5""#, "metrics.costMicros: '12.5' is not a whole number"),
        (#""costMicros":"-100""#, "metrics.costMicros: -100 is negative"),
        (#""conversions":"many""#, "metrics.conversions: 'many' is not a number"),
        (#""impressions":"1e3""#, "metrics.impressions: '1e3' is not a whole number"),
    ])
    func malformedMetrics(member: String, reason: String) throws {
        let good = #"{"campaign":{"id":"111"},"segments":{"date":"2026-11-01"},"metrics":{"clicks":"4","costMicros":"1500000","impressions":"100"}}"#
        let bad = good.replacingOccurrences(of: #""impressions":"100"}"#, with: #""impressions":"100","# + member + "}")
        let rows = try Self.rows(#"[{"results":[\#(good),\#(bad)]}]"#, customer: "42")
        let first = try #require(rows[0].row)
        #expect(first["conversions"] == "0", "a missing metric is zero (proto3 leaves defaults out)")
        #expect(first["cost_micros"] == 1_500_000)
        guard case .reject(let reject) = rows[1] else {
            Issue.record("\(member) should be rejected")
            return
        }
        #expect(reject.reason == reason)
        #expect(reject.recordKey == "111@2026-11-01")
        #expect(reject.stream == "campaign_daily")
    }

    @Test func rowsMissingTheirIdsOrDatesOrFromAnotherCustomerAreRejected() throws {
        let rows = try Self.rows(#"""
        [{"results":[{"segments":{"date":"2026-11-01"},"metrics":{}},
                     {"campaign":{"id":"7"},"metrics":{}},
                     {"campaign":{"id":"7"},"segments":{"date":"01/11/2026"}},
                     {"customer":{"id":"999"},"campaign":{"id":"7"},"segments":{"date":"2026-11-01"}}]}]
        """#, customer: "42")
        let reasons = rows.compactMap { record -> String? in
            if case .reject(let reject) = record { return reject.reason }
            return nil
        }
        #expect(reasons == ["campaign.id: missing or not a numeric id", "segments.date: is required",
                            "segments.date: '01/11/2026' is not YYYY-MM-DD",
                            "customer.id: 999 differs from the requested customer 42"])
    }

    @Test func requestsCarryGooglesHeadersAndTheSeedsQuery() throws {
        let refresh = GoogleAds.Requests.refreshToken(tokenURL: "https://oauth2.googleapis.com/token", clientID: "123.apps.googleusercontent.com",
                                                      clientSecret: "GOCSPX-s/e+cret", refreshToken: "1//0gAbc")
        #expect(refresh.method == .post)
        #expect(refresh.headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(String(decoding: refresh.body ?? Data(), as: UTF8.self)
                == "grant_type=refresh_token&client_id=123.apps.googleusercontent.com&client_secret=GOCSPX-s%2Fe%2Bcret&refresh_token=1%2F%2F0gAbc")

        let headers = GoogleAds.Requests.headers(accessToken: "ya29.x", developerToken: "devtoken", loginCustomerID: "512-990-4417")
        #expect(headers["authorization"] == "Bearer ya29.x")
        #expect(headers["developer-token"] == "devtoken")
        #expect(headers["login-customer-id"] == "5129904417", "digits only, no dashes")
        let query = GoogleAds.Report.campaign.query(from: BusinessDate("2026-11-01")!, through: BusinessDate("2026-11-07")!)
        #expect(query.hasSuffix("FROM campaign WHERE segments.date BETWEEN '2026-11-01' AND '2026-11-07' ORDER BY segments.date ASC"))
        #expect(query.contains("segments.date, metrics.impressions"))
        let stream = GoogleAds.Requests.searchStream(baseURL: "https://googleads.googleapis.com/", version: "v26", customerID: "3861047295",
                                                     query: query, headers: headers)
        #expect(stream.url == "https://googleads.googleapis.com/v26/customers/3861047295/googleAds:searchStream")
        let body = try #require(try JSONSerialization.jsonObject(with: stream.body ?? Data()) as? [String: String])
        #expect(body == ["query": query], "never pageSize")
    }

    @Test("Google's errors map to what a sync should do", arguments: [
        (429, #"[{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure","errors":[{"errorCode":{"quotaError":"RESOURCE_EXHAUSTED"},"message":"Too many requests. Retry in 27 seconds.","details":{"quotaErrorDetails":{"rateScope":"DEVELOPER","rateName":"Number of operations for basic access","retryDelay":"27s"}}}],"requestId":"Zq1"}]}}]"#, "throttled 27s"),
        (403, #"[{"error":{"code":403,"message":"The caller does not have permission","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure","errors":[{"errorCode":{"authorizationError":"USER_PERMISSION_DENIED"},"message":"User doesn't have permission to access customer."}],"requestId":"ct"}]}}]"#, "fail authorizationError.USER_PERMISSION_DENIED"),
        (400, #"{"error":{"code":400,"message":"Request contains an invalid argument.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure","errors":[{"errorCode":{"queryError":"INVALID_VALUE_WITH_DURING_OPERATOR"},"message":"Invalid date literal supplied for DURING operator: LAST_90_DAYS."}],"requestId":"FAk"}]}}"#, "fail queryError.INVALID_VALUE_WITH_DURING_OPERATOR"),
        (401, #"{"error":{"code":401,"message":"Request had invalid authentication credentials.","status":"UNAUTHENTICATED","details":[{"@type":"type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure","errors":[{"errorCode":{"authenticationError":"OAUTH_TOKEN_EXPIRED"},"message":"Oauth token is expired."}]}]}}"#, "refresh"),
        (401, #"{"error":{"code":401,"message":"Request had invalid authentication credentials.","status":"UNAUTHENTICATED"}}"#, "refresh"),
        (401, #"{"error":{"code":401,"message":"x","status":"UNAUTHENTICATED","details":[{"errors":[{"errorCode":{"authenticationError":"DEVELOPER_TOKEN_INVALID"},"message":"The developer token is not valid."}]}]}}"#, "fail authenticationError.DEVELOPER_TOKEN_INVALID"),
        (503, #"{"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}"#, "transient"),
    ])
    func errorVerdicts(status: Int, body: String, expected: String) {
        let verdict = GoogleAds.classify(HTTPResponseValue(status: status, body: Data(body.utf8)), endpoint: "/v26/customers/1/googleAds:search")
        switch verdict {
        case .throttled(_, let after): #expect(expected == "throttled \(after.map { "\($0.components.seconds)s" } ?? "-")")
        case .fail(let error): #expect(expected == "fail \(error.code ?? "")")
        case .refreshCredentials: #expect(expected == "refresh")
        case .transient: #expect(expected == "transient")
        case .success: Issue.record("\(status) is not a success")
        }
    }

    @Test func aRevokedRefreshTokenEndsTheSyncWithGooglesReason() {
        let body = Data(#"{"error":"invalid_grant","error_description":"Token has been expired or revoked."}"#.utf8)
        guard case .fail(let error) = GoogleAds.classifyToken(HTTPResponseValue(status: 400, body: body), endpoint: "/token") else {
            Issue.record("invalid_grant is final")
            return
        }
        #expect(error.kind == .authentication)
        #expect(error.code == "invalid_grant")
        #expect(error.description.contains("Token has been expired or revoked."))
    }

    @Test func settingsNameEveryProblemByPath() {
        var settings = GoogleAdsSettings(clientID: "", clientSecret: "s", refreshToken: "r", developerToken: "d",
                                         loginCustomerID: "512-990-441", customerIDs: ["386-104-7295", "12345"], lookbackDays: 120)
        settings.apiVersion = "26"
        #expect(settings.accountIDs == ["3861047295", "12345"])
        #expect(settings.problems(at: "sources.google") == [
            "sources.google.client_id: is empty",
            "sources.google.api_version: '26' is not a version like v26",
            "sources.google.customer_ids[1]: '12345' is not a ten-digit customer id",
            "sources.google.login_customer_id: '512-990-441' is not a ten-digit customer id",
            "sources.google.lookback_days: must be 1…90 (Google's longest conversion window)",
        ])
    }
}
