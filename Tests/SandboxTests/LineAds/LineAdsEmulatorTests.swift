import Crypto
import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// The tests' own LINE Ads JWS signer, written from ads-apis.md §7.1 independently of the emulator and the connector.
struct TestLineSigner {
    let accessKey: String
    let secretKey: String
    var padded = true

    func b64(_ bytes: some Sequence<UInt8>) -> String {
        var text = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        if !padded { text = String(text.prefix { $0 != "=" }) }
        return text
    }

    func token(path: String, date: Date, body: Data = Data(), contentType: String = "") -> String {
        let header = #"{"alg":"HS256","kid":"\#(accessKey)","typ":"text/plain"}"#
        let digest = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let day = utc.dateComponents([.year, .month, .day], from: date)
        let payload = "\(digest)\n\(contentType)\n" + String(format: "%04d%02d%02d", day.year!, day.month!, day.day!) + "\n\(path)"
        let input = b64(Data(header.utf8)) + "." + b64(Data(payload.utf8))
        let signature = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: SymmetricKey(data: Data(secretKey.utf8)))
        return input + "." + b64(signature)
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    func get(_ baseURL: String, _ path: String, query: [(String, String)] = [], date: Date = Date(),
             signedPath: String? = nil, headers: [String: String] = [:]) async throws -> SandboxTest.Reply {
        let url = baseURL + path + (query.isEmpty ? "" : "?" + SandboxTest.query(query))
        return try await SandboxTest.get(url, headers: headers.merging([
            "Authorization": "Bearer " + token(path: signedPath ?? path, date: date), "Date": Self.httpDate(date),
        ]) { first, _ in first })
    }
}

@Suite("LINE Ads emulator")
struct LineAdsEmulatorTests {
    static let sample = LineJWSVerifier(accessKey: "LINEADSAMPLE", secretKey: "LINEADSECRETKEYSAMPLE")
    static let midnight = Date(timeIntervalSince1970: 1_640_131_200)
    static let reportPath = "/api/v3/adaccounts/A12345678901/reports/online/campaign"
    static let getToken = "eyJhbGciOiAiSFMyNTYiLCAia2lkIjogIkxJTkVBRFNBTVBMRSIsICJ0eXAiOiAidGV4dC9wbGFpbiJ9."
        + "ZTNiMGM0NDI5OGZjMWMxNDlhZmJmNGM4OTk2ZmI5MjQyN2FlNDFlNDY0OWI5MzRjYTQ5NTk5MWI3ODUyYjg1NQoKMjAyMTEyMjIKL2FwaS92My9hZGFjY291bnRzL0ExMjM0NTY3ODkwMS9yZXBvcnRzL29ubGluZS9jYW1wYWlnbg==."
        + "kyYZfqnP9z1nwfMNIgx0R4cQ9B4sxZtslzjtZd0D5wQ="

    static func request(_ token: String, path: String = reportPath, date: String = "Wed, 22 Dec 2021 00:00:00 GMT",
                        body: [UInt8] = [], contentType: String? = nil) -> LineJWSVerifier.Request {
        .init(authorization: "Bearer " + token, date: date, contentType: contentType, path: path, body: body)
    }

    static func refusal(_ request: LineJWSVerifier.Request, verifier: LineJWSVerifier = sample, now: Date = midnight) -> String? {
        do {
            try verifier.verify(request, now: now)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func theWorkedVectorsAreAcceptedPaddedOrNot() {
        #expect(Self.refusal(Self.request(Self.getToken)) == nil)
        let unpadded = Self.getToken.replacingOccurrences(of: "==.", with: ".").components(separatedBy: ".").dropLast().joined(separator: ".")
            + ".7PU1m9FZ0hxR59urnLY8wUxhAHXFu-WQBFbmF6BEJlA"
        #expect(Self.refusal(Self.request(unpadded)) == nil)
        let post = "eyJhbGciOiJIUzI1NiIsImtpZCI6IkxJTkVBRFNBTVBMRSIsInR5cCI6InRleHQvcGxhaW4ifQ==."
            + "NDljODdjMWViNmU1NTg4NTgyYzEzYjE1MjEyOTczZjZhM2VmNjQ0ODcyZDQ4ZmNhMzI1MmY2OTA0MzUyMmIxYQphcHBsaWNhdGlvbi9qc29uCjIwMjExMjIyCi9hcGkvdjMvYWRhY2NvdW50cy9BMS9jYW1wYWlnbnM=."
            + "Krh1Xh-kWldS-MkOmNH6dmMdkWDTBVmnkDCZHlMRUoo="
        let body = Array(#"{"name":"test","campaignObjective":"VISIT_MY_WEBSITE"}"#.utf8)
        #expect(Self.refusal(Self.request(post, path: "/api/v3/adaccounts/A1/campaigns", body: body, contentType: "application/json")) == nil)
        // The same POST with one byte of its body changed no longer matches its digest.
        var changed = body
        changed[10] = UInt8(ascii: "T")
        #expect(Self.refusal(Self.request(post, path: "/api/v3/adaccounts/A1/campaigns", body: changed, contentType: "application/json"))
            == "The payload digest does not match the request body.")
    }

    @Test func tamperedWrongKeyWrongDateAndWrongPathAreRefused() {
        // A flipped character of the signature.
        let tampered = String(Self.getToken.dropLast(3)) + "AAA"
        #expect(Self.refusal(Self.request(tampered)) == "Invalid signature.")
        // The right signature under another access key's verifier, and under another secret.
        #expect(Self.refusal(Self.request(Self.getToken), verifier: LineJWSVerifier(accessKey: "OTHERKEY", secretKey: "LINEADSECRETKEYSAMPLE"))
            == "Unknown access key.")
        #expect(Self.refusal(Self.request(Self.getToken), verifier: LineJWSVerifier(accessKey: "LINEADSAMPLE", secretKey: "another-secret"))
            == "Invalid signature.")
        // A Date header of another day than the payload's, and a right one received a day late.
        #expect(Self.refusal(Self.request(Self.getToken, date: "Thu, 23 Dec 2021 00:00:00 GMT"), now: Self.midnight.addingTimeInterval(86_400))
            == "The payload date does not match the Date header.")
        #expect(Self.refusal(Self.request(Self.getToken), now: Self.midnight.addingTimeInterval(86_400))
            == "The Date header is out of the allowed range.")
        // The signature of one path presented for another.
        #expect(Self.refusal(Self.request(Self.getToken, path: "/api/v3/adaccounts/A12345678901/reports/online/ad"))
            == "The payload path does not match the request path.")
    }

    @Test func aDaysReportPagesThroughEveryAdAndAddsUpToTheTruth() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.line
            let signer = TestLineSigner(accessKey: credentials.accessKey, secretKey: credentials.secretKey)
            let account = try #require(credentials.adAccountIDs.first)
            #expect(account.hasPrefix("A") && credentials.adAccountIDs.count == 1)
            let day = SandboxTest.asOf.adding(days: -3)
            var rows: [[String: Any]] = [], page = 1, pages = 0
            while true {
                let reply = try await signer.get(credentials.baseURL, "/api/v3/adaccounts/\(account)/reports/online/ad",
                                                 query: [("since", "\(day)"), ("until", "\(day)"), ("page", "\(page)"), ("size", "5")])
                #expect(reply.status == 200, "\(reply.text)")
                let json = try reply.json
                let paging = try json.object("paging")
                #expect(try json.object("timeRange").string("since") == day.description)
                rows += try json.array("datas")
                pages += 1
                if page * 5 >= SandboxTest.int64(paging["totalElements"]).map(Int.init) ?? 0 { break }
                page += 1
            }
            #expect(pages >= 2)
            let ids = try rows.map { try #require(SandboxTest.int64(try $0.object("ad")["id"])) }
            #expect(Set(ids).count == rows.count, "every ad once")
            let truth = server.world.campaignTruth(from: day, to: day).filter { $0.platform == .lineAds }
            #expect(truth.count == 3)
            for campaign in truth {
                let mine = try rows.filter { SandboxTest.int64(try $0.object("campaign")["id"]).map(String.init) == campaign.campaignID }
                var spend: Decimal = 0, value: Decimal = 0, clicks: Int64 = 0, impressions: Int64 = 0, conversions: Int64 = 0
                for row in mine {
                    let statistics = try row.object("statistics")
                    spend += try #require((statistics["cost"] as? NSNumber)?.decimalValue)
                    value += try #require((statistics["cvPurchaseValue"] as? NSNumber)?.decimalValue)
                    clicks += SandboxTest.int64(statistics["click"]) ?? -1
                    impressions += SandboxTest.int64(statistics["imp"]) ?? -1
                    conversions += SandboxTest.int64(statistics["cv"]) ?? -1
                }
                #expect(NSDecimalNumber(decimal: spend * 100).rounding(accordingToBehavior: nil).int64Value == campaign.spendMinor)
                #expect(NSDecimalNumber(decimal: value * 100).rounding(accordingToBehavior: nil).int64Value == campaign.conversionValueMinor)
                #expect(clicks == campaign.clicks && impressions == campaign.impressions && conversions == campaign.conversions)
            }
        }
    }

    @Test func refusalsUseLinesStatusesAndTheErrorsEnvelope() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.line
            let signer = TestLineSigner(accessKey: credentials.accessKey, secretKey: credentials.secretKey)
            let path = "/api/v3/adaccounts/\(credentials.adAccountIDs[0])/campaigns"
            func reason(_ reply: SandboxTest.Reply) throws -> String {
                try #require(try reply.json.array("errors").first).string("reason")
            }
            let ok = try await signer.get(credentials.baseURL, path)
            #expect(ok.status == 200)
            #expect(try ok.json.array("datas").count == 3)
            let wrongSecret = TestLineSigner(accessKey: credentials.accessKey, secretKey: "not-the-secret")
            let refused = try await wrongSecret.get(credentials.baseURL, path)
            #expect(try refused.status == 401 && reason(refused) == "UNAUTHORIZED")
            let stale = try await signer.get(credentials.baseURL, path, date: Date().addingTimeInterval(-3_600))
            #expect(stale.status == 401)
            let otherPath = try await signer.get(credentials.baseURL, path, signedPath: path + "x")
            #expect(otherPath.status == 401)
            let foreign = try await signer.get(credentials.baseURL, "/api/v3/adaccounts/A99999999999/campaigns")
            #expect(try foreign.status == 403 && reason(foreign) == "FORBIDDEN")
            let tooBig = try await signer.get(credentials.baseURL, path, query: [("size", "101")])
            #expect(try tooBig.status == 400 && reason(tooBig) == "INVALID_PARAMETER")
            let throttled = try await signer.get(credentials.baseURL, path, headers: ["X-Sandbox-Fault": "throttle"])
            #expect(try throttled.status == 429 && reason(throttled) == "TOO_MANY_REQUESTS")
            #expect(throttled.headers["retry-after"] == "1")
            let failing = try await signer.get(credentials.baseURL, path, headers: ["X-Sandbox-Fault": "5xx"])
            #expect(failing.status == 500)
            let groups = try await signer.get(credentials.baseURL, "/api/v3/groups/\(credentials.groupID)/adaccounts")
            #expect(try groups.json.array("datas").first?.string("id") == credentials.adAccountIDs[0])
            let budgets = try await signer.get(credentials.baseURL, "/api/v3/adaccounts/\(credentials.adAccountIDs[0])/adgroups")
            for group in try budgets.json.array("datas") {
                #expect((SandboxTest.int64(group["dailyBudgetMicro"]) ?? 0) % 10_000 == 0 && SandboxTest.int64(group["campaignId"]) != nil)
            }
        }
    }
}
