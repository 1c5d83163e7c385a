import _CryptoExtras
@testable import Connectors
import Foundation
import OmnidashCore
import Testing
import Warehouse

@Suite("GA4 connector")
struct GA4ConnectorTests {
    /// A key no one registered, freshly generated.
    static let strangerKeyPEM = try! _RSA.Signing.PrivateKey(keySize: .bits2048).pkcs8PEMRepresentation

    static func response(_ rows: String, report: GA4.Report = .dailyTraffic, rowCount: Int = 2) -> String {
        let dimensions = report.dimensions.map { #"{"name":"\#($0)"}"# }.joined(separator: ",")
        let metrics = report.metrics.map { #"{"name":"\#($0)","type":"TYPE_INTEGER"}"# }.joined(separator: ",")
        return #"{"dimensionHeaders":[\#(dimensions)],"metricHeaders":[\#(metrics)],"rows":[\#(rows)],"rowCount":"\#(rowCount)","#
            + #""metadata":{"currencyCode":"THB","timeZone":"Asia/Bangkok"},"kind":"analyticsData#runReport"}"#
    }

    static func row(_ dimensions: [String], _ metrics: [String]) -> String {
        #"{"dimensionValues":[\#(dimensions.map { #"{"value":"\#($0)"}"# }.joined(separator: ","))],"#
            + #""metricValues":[\#(metrics.map { #"{"value":"\#($0)"}"# }.joined(separator: ","))]}"#
    }

    static func parse(_ json: String, report: GA4.Report = .dailyTraffic) throws -> GA4ResponseParser.Page {
        let scanner = JSONScanner(Array(json.utf8))
        return try GA4ResponseParser(report: report, propertyID: "412087345", stream: report.rawValue)
            .parse(scanner, try scanner.root(), endpoint: "/v1beta/properties/412087345:runReport")
    }

    static let dimensions = ["20261130", "google", "cpc", "brand_search_th", "20123456789", "mobile", "Thailand", "Paid Search"]
    static let metrics = ["412", "298", "371", "122", "1208", "163.82514563106797", "0.27669902912621358", "9", "118400.5"]

    @Test func aReportRowKeepsGA4NamesDateAsADayAndRevenueAsItsText() throws {
        let page = try Self.parse(Self.response(Self.row(Self.dimensions, Self.metrics)))
        #expect(page.rowCount == 2, "rowCount as an int64 string")
        let row = try #require(page.records.first?.row)
        #expect(row["date"] == "2026-11-30")
        #expect(row["sessionCampaignId"] == "20123456789")
        #expect(row["sessions"] == 412 && row["engagedSessions"] == 298)
        #expect(row["bounceRate"] == .real(0.27669902912621358))
        #expect(row["purchaseRevenue"] == "118400.5", "kept exactly as sent")
        #expect(row["property_id"] == "412087345")
        #expect(row["raw_json"].string?.contains(#""sessionSource":"google""#) == true)
    }

    @Test("a malformed value is rejected naming the field, and its neighbours load", arguments: [
        (0, "2026-11-30", "dimensionValues.date: '2026-11-30' is not YYYYMMDD"),
        (8, "12.5", "metricValues.sessions: '12.5' is not a whole number"),
        (14, "often", "metricValues.bounceRate: 'often' is not a number"),
        (16, "lots", "metricValues.purchaseRevenue: 'lots' is not a decimal amount"),
        (16, "1.2e5", "metricValues.purchaseRevenue: '1.2e5' is not a decimal amount"),
    ])
    func malformedValues(position: Int, value: String, reason: String) throws {
        var dimensions = Self.dimensions, metrics = Self.metrics
        if position < dimensions.count { dimensions[position] = value } else { metrics[position - dimensions.count] = value }
        let page = try Self.parse(Self.response(Self.row(Self.dimensions, Self.metrics) + "," + Self.row(dimensions, metrics)))
        #expect(page.records.first?.row != nil)
        guard case .reject(let reject) = page.records[1] else {
            Issue.record("\(value) should be rejected")
            return
        }
        #expect(reject.reason == reason)
        #expect(reject.stream == "daily_traffic" && reject.accountID == "412087345")
    }

    @Test func anAudienceRowNamesItsGrainAndAnEmptyReportHasNoRows() throws {
        let page = try Self.parse(Self.response(Self.row(["20261130", "Paid Search"], ["10", "7", "9", "3", "25", "61.5", "1", "990"]),
                                                report: .audienceChannel), report: .audienceChannel)
        let row = try #require(page.records.first?.row)
        #expect(row["breakdown"] == "channel" && row["value"] == "Paid Search")
        let empty = try Self.parse(#"{"dimensionHeaders":[{"name":"date"}],"metricHeaders":[{"name":"sessions","type":"TYPE_INTEGER"}],"kind":"analyticsData#runReport"}"#)
        #expect(empty.records.isEmpty && empty.rowCount == 0)
        #expect(throws: ConnectorError.self) {
            try Self.parse(Self.response(Self.row(["20261130"], ["1"]), report: .audienceTotal), report: .dailyTraffic)
        }
    }

    @Test func quotaMessagesSayHowLongToWait() {
        func verdict(_ message: String) -> ResponseVerdict {
            GA4.classify(HTTPResponseValue(status: 429, headers: [:], body: Data(
                #"{"error":{"code":429,"message":"\#(message)","status":"RESOURCE_EXHAUSTED"}}"#.utf8)), endpoint: "runReport")
        }
        guard case .throttled(_, let hourly) = verdict("Exhausted property tokens per hour. These quota tokens will return in under an hour.") else {
            Issue.record("hourly quota should be retried"); return
        }
        #expect(hourly == .seconds(1_800))
        guard case .throttled(_, let concurrent) = verdict("Exhausted concurrent requests quota.") else {
            Issue.record("concurrent quota should be retried"); return
        }
        #expect(concurrent == .seconds(30))
        guard case .fail(let error) = verdict("Exhausted property tokens per day. These quota tokens will return in under 24 hours.") else {
            Issue.record("a daily quota ends the sync"); return
        }
        #expect(error.kind == .rateLimited)
    }

    @Test func settingsNameEachProblem() {
        var settings = GA4Settings(propertyIDs: ["G-SKB7Q2XW4T"], clientID: "id")
        settings.pageSize = 300_000
        #expect(settings.problems(at: "sources.ga4") == [
            "sources.ga4.property_ids[0]: 'G-SKB7Q2XW4T' is not a numeric property id (Admin → Property details)",
            "sources.ga4.client_secret: is required with the other OAuth keys",
            "sources.ga4.refresh_token: is required with the other OAuth keys",
            "sources.ga4.page_size: must be 1…250000 (GA4's largest page)",
        ])
        let missing = GA4Settings(propertyIDs: ["412087345"], serviceAccountFile: "/nonexistent/key.json")
        #expect(missing.problems(at: "sources.ga4") == ["sources.ga4.service_account_file: /nonexistent/key.json: no such file"])
        #expect(GA4Settings(propertyIDs: ["412087345"]).problems(at: "s").first?.contains("service_account_file") == true)
    }

    @Test func anUnquotedPropertyIdAndAnUnsetVariableReadAsMeant() throws {
        let settings = try JSONDecoder().decode(GA4Settings.self, from: Data(
            #"{"property_ids":[412087345],"client_id":"","refresh_token":"r","service_account_file":"/k.json"}"#.utf8))
        #expect(settings.propertyIDs == ["412087345"])
        #expect(settings.clientID == nil, "an empty value (an unset variable) is absent")
        #expect(settings.credentials == .serviceAccountFile("/k.json") && settings.lookbackDays == 3)
    }

    @Test func aServiceAccountAssertionIsAnRS256JWTGoogleCanVerify() throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let fields: [String: String] = ["type": "service_account", "private_key_id": "abc123", "private_key": key.pkcs8PEMRepresentation,
                                        "client_email": "reader@p.iam.gserviceaccount.com", "token_uri": "https://oauth2.googleapis.com/token"]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
        let account = try GA4ServiceAccount(json: json, origin: "test")
        let assertion = try account.assertion(audience: "https://oauth2.googleapis.com/token", scope: GA4.scope, now: 1_700_000_000)
        let parts = assertion.split(separator: ".").map(String.init)
        #expect(parts.count == 3 && !assertion.contains("="))
        func decode(_ text: String) -> Data {
            var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
            return Data(base64Encoded: base64)!
        }
        let header = try #require(try JSONSerialization.jsonObject(with: decode(parts[0])) as? [String: String])
        #expect(header == ["alg": "RS256", "typ": "JWT", "kid": "abc123"])
        let claims = try #require(try JSONSerialization.jsonObject(with: decode(parts[1])) as? [String: Any])
        #expect(claims["iss"] as? String == "reader@p.iam.gserviceaccount.com" && claims["exp"] as? Int == 1_700_003_600)
        #expect(key.publicKey.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: decode(parts[2])),
                                               for: Data((parts[0] + "." + parts[1]).utf8), padding: .insecurePKCS1v1_5))
        #expect(throws: ConnectorError.self) { try GA4ServiceAccount(json: #"{"type":"authorized_user"}"#, origin: "test") }
    }
}
