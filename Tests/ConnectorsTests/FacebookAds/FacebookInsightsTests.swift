@testable import Connectors
import Foundation
import OmnidashCore
import Testing

@Suite("Meta insights")
struct FacebookInsightsTests {
    @Test func documentedRowsParseAndCountOnePurchaseAlias() throws {
        let scanner = JSONScanner([UInt8](try Fixtures.data("FacebookAds", "facebook_insights_ad_level")))
        let data = try #require(try scanner.value(at: ["data"]))
        let rows = try scanner.elements(of: data).map { FacebookInsightParser(accountID: "123456789012345").parse(scanner, $0) }
        let values = try #require(rows[0].row)
        #expect(values["_date"] == "2025-06-01")
        #expect(values["spend"] == "48210")
        #expect(values["account_currency"] == "JPY")
        // purchase, offsite_conversion.fb_pixel_purchase, omni_purchase and onsite_web_purchase each say 6.
        #expect(values["conversions"] == 6)
        #expect(values["conversion_value"] == "83400")
        #expect(values["impressions"] == 15234)
        #expect(try #require(rows[1].row)["conversions"] == 3)
    }

    @Test func insightRequestsAskForDailyAdRowsWithAProof() throws {
        let request = FacebookAds.Requests.insights(
            baseURL: "https://graph.facebook.com", version: "v23.0", accountID: "act_42", since: BusinessDate("2026-11-01")!,
            until: BusinessDate("2026-11-07")!, after: "QVFI", accessToken: "token", appSecret: "secret")
        let components = try #require(URLComponents(string: request.url))
        let query = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        #expect(components.path == "/v23.0/act_42/insights")
        #expect(query["level"] == "ad")
        #expect(query["time_increment"] == "1")
        #expect(query["time_range"] == #"{"since":"2026-11-01","until":"2026-11-07"}"#)
        #expect(query["after"] == "QVFI")
        // appsecret_proof = hex(HMAC-SHA256(key: app secret, message: access token)).
        #expect(query["appsecret_proof"] == "e941110e3d2bfe82621f0e3e1434730d7305d106c5f68c87165d0b27a4611a4a")
        #expect(query["fields"]?.contains("action_values") == true)
    }

    @Test func throttlingHonoursTheUsageHeaders() throws {
        let fixture = try Fixtures.response("FacebookAds", "facebook_error_rate_limit_80000")
        let verdict = FacebookAds.classify(HTTPResponseValue(status: fixture.status, headers: fixture.headers, body: fixture.body), endpoint: "/x")
        guard case .throttled(let reason, let after) = verdict else {
            Issue.record("code 80000 should be throttling")
            return
        }
        #expect(reason.contains("80000"))
        #expect(after == .seconds(7 * 60), "estimated_time_to_regain_access is in minutes")
    }

    @Test("error codes map to what a sync should do", arguments: [
        ("facebook_error_token_expired_190", "fail"),
        ("facebook_error_transient_2", "transient"),
        ("facebook_error_reduce_data_500", "transient"),
    ])
    func errorCodes(fixture: String, expected: String) throws {
        let response = try Fixtures.response("FacebookAds", fixture)
        let verdict = FacebookAds.classify(HTTPResponseValue(status: response.status, headers: response.headers, body: response.body), endpoint: "/x")
        switch (verdict, expected) {
        case (.fail(let error), "fail"): #expect(error.code == "190/463")
        case (.transient, "transient"): break
        default: Issue.record("\(fixture): unexpected verdict \(verdict)")
        }
    }

    @Test("every Meta throttling code is retried with back-off", arguments: [4, 17, 32, 613, 80000, 80004])
    func throttlingCodes(code: Int) {
        let body = Data(#"{"error":{"message":"(#\#(code)) too many calls","type":"OAuthException","code":\#(code),"fbtrace_id":"x"}}"#.utf8)
        let headers = ["x-ad-account-usage": #"{"acc_id_util_pct":100,"reset_time_duration":120}"#]
        guard case .throttled(_, let after) = FacebookAds.classify(HTTPResponseValue(status: 400, headers: headers, body: body), endpoint: "/x") else {
            Issue.record("code \(code) should be throttling")
            return
        }
        #expect(after == .seconds(120), "reset_time_duration is in seconds")
    }

    @Test("a malformed insight row is rejected with the field and the reason, and its neighbours load", arguments: [
        (#""impressions":"12x""#, "impressions: expected a number, found '12x'"),
        (#""clicks":"3.5""#, "clicks: '3.5' is not a whole number"),
        (#""actions":[{"action_type":"purchase"}]"#, "actions[0]: action_type and value are required"),
        (#""spend":"-4.00""#, "spend: -4.00 is negative"),
        (#""date_stop":"2026-11-02""#, "date_stop: 2026-11-02 differs from date_start"),
        (#""ad_id":12"#, "ad_id: expected a string"),
    ])
    func malformedRows(member: String, reason: String) throws {
        let good = #"{"account_id":"42","account_currency":"THB","ad_id":"7","date_start":"2026-11-01","date_stop":"2026-11-01","impressions":"100","clicks":"4","spend":"12.50","actions":[{"action_type":"omni_purchase","value":"2"}],"action_values":[{"action_type":"omni_purchase","value":"990.00"}]}"#
        // The broken member comes last, so it replaces the good one of the same name.
        let bad = String(good.dropLast()) + "," + member + "}"
        let scanner = JSONScanner(Array("[\(good),\(bad)]".utf8))
        let rows = try scanner.elements(of: try scanner.root()).map { FacebookInsightParser(accountID: "42").parse(scanner, $0) }
        let first = try #require(rows[0].row)
        #expect(first["conversions"] == 2)
        #expect(first["conversion_value"] == "990.00")
        #expect(first["spend"] == "12.50")
        guard case .reject(let reject) = rows[1] else {
            Issue.record("\(member) should be rejected")
            return
        }
        #expect(reject.reason.hasPrefix(reason), "\(reject.reason)")
        #expect(!reject.reason.contains("\n"))
        #expect(reject.recordKey?.hasPrefix("7") == true || member.hasPrefix(#""ad_id""#))
    }
}
