import Crypto
import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// The tests' own Lazada signer, written from the documentation (ecommerce-apis.md §2.2), independently of both the
/// emulator and the connector.
struct TestLazadaSigner {
    let appSecret: String

    func sign(path: String, _ parameters: [(String, String)]) -> String {
        let base = parameters.sorted { $0.0 < $1.0 }.reduce(path) { $0 + $1.0 + $1.1 }
        let code = HMAC<SHA256>.authenticationCode(for: Data(base.utf8), using: SymmetricKey(data: Data(appSecret.utf8)))
        return code.map { String(format: "%02X", $0) }.joined()
    }
}

/// A Lazada client for the tests: adds the system parameters, signs, sends by GET or by POST form.
struct TestLazadaClient {
    let credentials: LazadaSandboxCredentials
    var accessToken: String?
    var clock: @Sendable () -> Date = { Date() }

    func call(_ path: String, _ parameters: [(String, String)], post: Bool = false, sign: String? = nil,
              headers: [String: String] = [:]) async throws -> SandboxTest.Reply {
        var items = parameters + [("app_key", credentials.appKey), ("sign_method", "sha256"),
                                  ("timestamp", String(Int64(clock().timeIntervalSince1970) * 1_000))]
        if let accessToken { items.append(("access_token", accessToken)) }
        items.append(("sign", sign ?? TestLazadaSigner(appSecret: credentials.appSecret).sign(path: path, items)))
        let url = credentials.baseURL + path
        if post {
            return try await SandboxTest.postForm(url, body: SandboxTest.query(items), headers: headers)
        }
        return try await SandboxTest.get(url + "?" + SandboxTest.query(items), headers: headers)
    }
}

@Suite("Lazada emulator")
struct LazadaEmulatorTests {
    @Test("the documentation's worked signatures", arguments: [
        ("helloworld", "/order/get", [("app_key", "123456"), ("access_token", "test"), ("timestamp", "1517820392000"),
                                      ("sign_method", "sha256"), ("order_id", "1234")],
         "4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A"),
        ("testSecretKey123", "/orders/get", [
            ("app_key", "100132"), ("access_token", "50000601a39qTyEabcdEFGHijkLMNopq1b2c3d4e5f6"), ("timestamp", "1717200000000"),
            ("sign_method", "sha256"), ("created_after", "2024-06-01T00:00:00+07:00"), ("created_before", "2024-06-02T00:00:00+07:00"),
            ("status", "all"), ("sort_by", "created_at"), ("sort_direction", "ASC"), ("offset", "0"), ("limit", "100"),
        ], "81CD9EF003D097C0171840458F0A6532D0B8273DD477DAC84F5D3496B8615449"),
        ("testSecretKey123", "/auth/token/create", [("app_key", "100132"), ("timestamp", "1717200000000"), ("sign_method", "sha256"),
                                                    ("code", "0_100132_AbCdEf123456")],
         "B44987899E87EA2140E0DF6F0C5F2543D3560F1FAD301926AFFBC2CA5ECE348C"),
    ] as [(String, String, [(String, String)], String)])
    func workedSignatures(secret: String, path: String, parameters: [(String, String)], expected: String) {
        #expect(LazadaSignature.sign(path: path, parameters: parameters, appSecret: secret) == expected)
        #expect(TestLazadaSigner(appSecret: secret).sign(path: path, parameters) == expected)
    }

    @Test func aWrongSignatureAndABadTokenAreRefusedWithLazadasCodes() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.lazada
            #expect(credentials.baseURL.hasSuffix("/rest"), "the gateway URL the SDKs take")
            var client = TestLazadaClient(credentials: credentials, accessToken: credentials.accessToken)
            let signed = try await client.call("/seller/get", [])
            #expect(try signed.json["code"] as? String == "0")
            #expect(try (signed.json["data"] as? [String: Any])?["seller_id"] as? String == String(credentials.sellerID))

            let forged = try await client.call("/seller/get", [], sign: String(repeating: "A", count: 64))
            #expect(try forged.json["code"] as? String == "IncompleteSignature")
            #expect(try forged.json["type"] as? String == "ISV")

            client.accessToken = "50000" + String(repeating: "0", count: 33)
            let badToken = try await client.call("/seller/get", [])
            #expect(try badToken.json["code"] as? String == "IllegalAccessToken")

            // An expired token stays refused until the client refreshes.
            client.accessToken = credentials.accessToken
            let expired = try await client.call("/seller/get", [], headers: ["X-Sandbox-Fault": "expired-token"])
            #expect(try expired.json["code"] as? String == "IllegalAccessToken")
            #expect(try await client.call("/seller/get", []).json["code"] as? String == "IllegalAccessToken")
            client.accessToken = nil
            let refreshed = try await client.call("/auth/token/refresh", [("refresh_token", credentials.refreshToken)], post: true)
            let tokens = try refreshed.json
            #expect(tokens["code"] as? String == "0")
            #expect(tokens["expires_in"] as? String == String(LazadaEmulator.accessTokenLifetime), "numbers as text, as in Lazada's sample")
            client.accessToken = tokens["access_token"] as? String
            #expect(try await client.call("/seller/get", []).json["code"] as? String == "0")

            // A stale timestamp is refused before the signature is looked at.
            client.clock = { Date().addingTimeInterval(-3 * 3600) }
            #expect(try await client.call("/seller/get", []).json["code"] as? String == "InvalidTimestamp")
        }
    }

    @Test func ordersAndTheirItemsFetchedThroughTheAPIEqualTheTruth() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.lazada
            let client = TestLazadaClient(credentials: credentials, accessToken: credentials.accessToken)
            let calendar = server.world.calendar
            let first = SandboxTest.asOf.adding(days: -3), last = SandboxTest.asOf.adding(days: -1)
            let zone = "+07:00"
            var ids: [String] = []
            var offset = 0
            var total = 0
            repeat {
                let reply = try await client.call("/orders/get", [
                    ("created_after", "\(first)T00:00:00\(zone)"), ("created_before", "\(last)T23:59:59\(zone)"),
                    ("sort_by", "created_at"), ("sort_direction", "ASC"), ("offset", String(offset)), ("limit", "100"),
                ], post: offset % 200 == 0)
                let data = try #require(try reply.json["data"] as? [String: Any])
                let orders = try #require(data["orders"] as? [[String: Any]])
                total = Int(data["countTotal"] as? String ?? "") ?? -1
                ids += orders.compactMap { $0["order_id"] as? String }
                offset += orders.count
            } while offset < total
            #expect(ids.count == total && Set(ids).count == ids.count)
            #expect(total > 3 * 150, "several hundred orders a day")

            var revenue: [BusinessDate: Decimal] = [:], orders: [BusinessDate: Int64] = [:], units: [BusinessDate: Int64] = [:]
            for start in stride(from: 0, to: ids.count, by: 50) {
                let batch = ids[start..<min(start + 50, ids.count)]
                let reply = try await client.call("/orders/items/get", [("order_ids", "[" + batch.joined(separator: ",") + "]")])
                let entries = try #require(try reply.json["data"] as? [[String: Any]])
                #expect(entries.count == batch.count)
                for entry in entries {
                    let items = try #require(entry["order_items"] as? [[String: Any]])
                    let counting = items.filter { !["canceled", "returned", "failed_delivery"].contains($0["status"] as? String ?? "") }
                    guard let created = items.first?["created_at"] as? String, !counting.isEmpty else { continue }
                    let day = calendar.date(unixSeconds: try #require(LazadaTime.parse(created)))
                    for item in counting { revenue[day, default: 0] += try #require(Decimal(string: item["paid_price"] as? String ?? "")) }
                    orders[day, default: 0] += 1
                    units[day, default: 0] += Int64(counting.count)
                }
            }
            for truth in server.world.platformTruth(from: first, to: last) where truth.platform == .lazada {
                #expect(revenue[truth.date] == Decimal(truth.revenueMinor) / 100)
                #expect(orders[truth.date] == truth.orders)
                #expect(units[truth.date] == truth.units, "one order item per unit")
            }
        }
    }
}
