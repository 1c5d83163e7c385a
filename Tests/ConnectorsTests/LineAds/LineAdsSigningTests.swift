@testable import Connectors
import Foundation
import OmnidashCore
import Testing
import Warehouse

@Suite("LINE Ads connector")
struct LineAdsSigningTests {
    static let accessKey = "LINEADSAMPLE"
    static let secretKey = "LINEADSECRETKEYSAMPLE"
    static let midnight = Date(timeIntervalSince1970: 1_640_131_200) // 2021-12-22 00:00:00 UTC
    static let reportPath = "/api/v3/adaccounts/A12345678901/reports/online/campaign"

    /// The worked example of ads-apis.md §7.1, GET variant: the Python sample's spaced header JSON, padded.
    @Test func theWorkedGETVectorIsReproducedByteForByte() {
        let payload = LineAds.Signing.payload(body: Data(), contentType: "", utcDate: "20211222", path: Self.reportPath)
        #expect(payload == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n\n20211222\n" + Self.reportPath)
        let header = #"{"alg": "HS256", "kid": "LINEADSAMPLE", "typ": "text/plain"}"#
        let token = LineAds.Signing.token(headerJSON: header, payload: payload, secretKey: Self.secretKey)
        #expect(token == "eyJhbGciOiAiSFMyNTYiLCAia2lkIjogIkxJTkVBRFNBTVBMRSIsICJ0eXAiOiAidGV4dC9wbGFpbiJ9."
            + "ZTNiMGM0NDI5OGZjMWMxNDlhZmJmNGM4OTk2ZmI5MjQyN2FlNDFlNDY0OWI5MzRjYTQ5NTk5MWI3ODUyYjg1NQoKMjAyMTEyMjIKL2FwaS92My9hZGFjY291bnRzL0ExMjM0NTY3ODkwMS9yZXBvcnRzL29ubGluZS9jYW1wYWlnbg==."
            + "kyYZfqnP9z1nwfMNIgx0R4cQ9B4sxZtslzjtZd0D5wQ=")
        let unpadded = LineAds.Signing.token(headerJSON: header, payload: payload, secretKey: Self.secretKey, padded: false)
        #expect(unpadded == "eyJhbGciOiAiSFMyNTYiLCAia2lkIjogIkxJTkVBRFNBTVBMRSIsICJ0eXAiOiAidGV4dC9wbGFpbiJ9."
            + "ZTNiMGM0NDI5OGZjMWMxNDlhZmJmNGM4OTk2ZmI5MjQyN2FlNDFlNDY0OWI5MzRjYTQ5NTk5MWI3ODUyYjg1NQoKMjAyMTEyMjIKL2FwaS92My9hZGFjY291bnRzL0ExMjM0NTY3ODkwMS9yZXBvcnRzL29ubGluZS9jYW1wYWlnbg."
            + "7PU1m9FZ0hxR59urnLY8wUxhAHXFu-WQBFbmF6BEJlA")
    }

    /// The POST variant: compact header, a JSON body, its digest and content type in the payload.
    @Test func theWorkedPOSTVectorIsReproducedThroughTheHeaders() {
        let body = Data(#"{"name":"test","campaignObjective":"VISIT_MY_WEBSITE"}"#.utf8)
        let headers = LineAds.Signing.headers(accessKey: Self.accessKey, secretKey: Self.secretKey, body: body,
                                              contentType: "application/json", path: "/api/v3/adaccounts/A1/campaigns", now: Self.midnight)
        #expect(headers["Date"] == "Wed, 22 Dec 2021 00:00:00 GMT")
        #expect(headers["Authorization"] == "Bearer eyJhbGciOiJIUzI1NiIsImtpZCI6IkxJTkVBRFNBTVBMRSIsInR5cCI6InRleHQvcGxhaW4ifQ==."
            + "NDljODdjMWViNmU1NTg4NTgyYzEzYjE1MjEyOTczZjZhM2VmNjQ0ODcyZDQ4ZmNhMzI1MmY2OTA0MzUyMmIxYQphcHBsaWNhdGlvbi9qc29uCjIwMjExMjIyCi9hcGkvdjMvYWRhY2NvdW50cy9BMS9jYW1wYWlnbnM=."
            + "Krh1Xh-kWldS-MkOmNH6dmMdkWDTBVmnkDCZHlMRUoo=")
    }

    @Test func reportRequestsAskForOneDayAndSignOnlyThePath() throws {
        let request = LineAds.Requests.onlineReport(baseURL: "https://ads.line.me/", accountID: "A12345678901", level: .campaign,
                                                    day: BusinessDate("2021-12-22")!, page: 2, accessKey: Self.accessKey,
                                                    secretKey: Self.secretKey, now: Self.midnight)
        let components = try #require(URLComponents(string: request.url))
        let query = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        #expect(components.path == Self.reportPath)
        #expect(query == ["since": "2021-12-22", "until": "2021-12-22", "page": "2", "size": "100"])
        // The compact header signs the same payload as the worked example; the query is not part of it.
        let payload = LineAds.Signing.payload(body: Data(), contentType: "", utcDate: "20211222", path: Self.reportPath)
        let expected = LineAds.Signing.token(headerJSON: LineAds.Signing.headerJSON(accessKey: Self.accessKey), payload: payload,
                                             secretKey: Self.secretKey)
        #expect(request.headers["Authorization"] == "Bearer " + expected)
        #expect(request.headers["Content-Type"] == nil, "a GET has no body and no content type")
    }

    @Test func statusesMapToWhatASyncShouldDo() {
        func verdict(_ status: Int, _ body: String = "", headers: [String: String] = [:]) -> ResponseVerdict {
            LineAds.classify(HTTPResponseValue(status: status, headers: headers, body: Data(body.utf8)), endpoint: "/api/v3/x")
        }
        guard case .throttled(_, let after) = verdict(429, #"{"errors":[{"reason":"TOO_MANY_REQUESTS","message":"Rate limit exceeded."}]}"#,
                                                      headers: ["Retry-After": "2"]) else {
            Issue.record("429 is throttling")
            return
        }
        #expect(after == .seconds(2))
        guard case .transient = verdict(500, "oops") else { Issue.record("500 is transient"); return }
        guard case .refreshCredentials(let refused) = verdict(401, #"{"errors":[{"reason":"UNAUTHORIZED","message":"Invalid signature."}]}"#) else {
            Issue.record("401 is signed again once")
            return
        }
        #expect(refused.description == "LINE Ads /api/v3/x: UNAUTHORIZED: Invalid signature. (HTTP 401)")
        guard case .fail(let forbidden) = verdict(403, "<html>no permission</html>") else { Issue.record("403 is permanent"); return }
        #expect(forbidden.kind == .authentication && forbidden.message == "<html>no permission</html>")
    }

    static let goodRow = #"{"adaccount":{"id":"A1","currency":"THB"},"campaign":{"id":173010000,"name":"C"},"adgroup":{"id":273010100,"campaignId":173010000},"ad":{"id":373010101,"name":"Ad"},"statistics":{"currency":"THB","cost":1234.56,"imp":5000,"click":40,"cv":3,"cvPurchaseValue":2100.5,"reach":4100}}"#

    @Test func aReportRowKeepsExactMoneyAndItsDay() throws {
        let scanner = JSONScanner(Array(Self.goodRow.utf8))
        let row = try #require(LineAdsReportParser(accountID: "A1", level: .ad, day: BusinessDate("2026-11-02")!).parse(scanner, try scanner.root()).row)
        #expect(row["cost"] == "1234.56" && row["cv_purchase_value"] == "2100.5")
        #expect(row["entity_id"] == "373010101" && row["campaign_id"] == "173010000" && row["adgroup_id"] == "273010100")
        #expect(row["_date"] == "2026-11-02" && row["imp"] == 5000 && row["cv"] == 3 && row["video_view_3s"] == .null)
    }

    @Test("a malformed report row is rejected naming the field", arguments: [
        (#"{"currency":"THB","cost":"12.5","imp":1,"click":0}"#, "statistics.cost: '12.5' is not an amount"),
        (#"{"currency":"THB","cost":-4,"imp":1,"click":0}"#, "statistics.cost: -4 is negative"),
        (#"{"currency":"THB","cost":4,"imp":12.5,"click":0}"#, "statistics.imp: '12.5' is not a whole number"),
        (#"{"currency":"BAHT","cost":4,"imp":1,"click":0}"#, "statistics.currency: missing or not a 3-letter code"),
        (#"{"currency":"THB","imp":1,"click":0}"#, "statistics.cost: is required"),
    ])
    func malformedRows(statistics: String, reason: String) throws {
        let bad = #"{"adaccount":{"id":"A1"},"ad":{"id":373010101},"statistics":"# + statistics + "}"
        let scanner = JSONScanner(Array(bad.utf8))
        let record = LineAdsReportParser(accountID: "A1", level: .ad, day: BusinessDate("2026-11-02")!).parse(scanner, try scanner.root())
        guard case .reject(let reject) = record else {
            Issue.record("\(bad) was accepted")
            return
        }
        #expect(reject.reason == reason, "\(reject.reason)")
        #expect(reject.source == "line" && reject.stream == "report_ad" && reject.recordKey == "373010101@2026-11-02")
    }
}
