import AsyncHTTPClient
import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// `v2.payment.get_escrow_detail_batch`: the same details as the single calls, at most 50 a call, and the documented
/// errors.
@Suite("Shopee escrow detail batch")
struct ShopeeEscrowBatchTests {
    static let path = "/api/v2/payment/get_escrow_detail_batch"

    @Test func theBatchAnswersWhatTheSingleCallsDoAndLeavesOutWhatTheyRefuse() async throws {
        try await SandboxTest.withServer { server in
            let world = server.world
            let credentials = server.credentials.shopee
            for (shop, other) in [(SandboxShop.sukhonShopee, SandboxShop.sukhonShopeeMall), (.sukhonShopeeMall, .sukhonShopee)] {
                var client = TestShopeeClient(credentials.only(shopID: shop.shopID))
                _ = try await client.refresh()
                // Given 47 settled orders, an unsettled one, another shop's and a made-up one: 50, the most a call takes
                let from = world.calendar.startOfDay(SandboxTest.asOf.adding(days: -20))
                let settled = world.settledOrders(shop: shop, from: from, to: world.nowUnix).prefix(47).map(\.order.orderSN)
                #expect(settled.count == 47)
                let unsettled = try #require(world.orders(on: SandboxTest.asOf.adding(days: -1), shop: shop).first).orderSN
                let foreign = try #require(world.orders(on: SandboxTest.asOf.adding(days: -20), shop: other).first).orderSN
                let asked = [unsettled] + settled[..<24] + [foreign, "NOT-AN-ORDER"] + settled[24...]

                // When they are asked for in one batch
                let reply = try await client.post(Self.path, json: ["order_sn_list": asked])
                let json = try reply.json
                #expect(json["error"] as? String == "", "\(json)")
                let entries = try #require(json["response"] as? [[String: Any]])

                // Then the settled ones are answered in the order asked, each as the single call answers it
                #expect(entries.count == settled.count)
                for (entry, serial) in zip(entries, settled) {
                    let detail = try entry.object("escrow_detail")
                    #expect(try detail.string("order_sn") == serial)
                    let single = try await client.get("/api/v2/payment/get_escrow_detail", [("order_sn", serial)])
                    let expected = try single.json.object("response")
                    #expect(NSDictionary(dictionary: detail).isEqual(to: expected), "\(serial)")
                }
                // and the orders the single call refuses are not in the array.
                for serial in [unsettled, foreign] {
                    let single = try await client.get("/api/v2/payment/get_escrow_detail", [("order_sn", serial)])
                    #expect(["income_not_found", "order_not_found"].contains(try single.json["error"] as? String))
                }
            }
        }
    }

    @Test func fiftyOrdersAreTheLimitAndTheBodyIsChecked() async throws {
        try await SandboxTest.withServer { server in
            let world = server.world
            var client = TestShopeeClient(server.credentials.shopee.only(shopID: SandboxShop.sukhonShopee.shopID))
            _ = try await client.refresh()
            let from = world.calendar.startOfDay(SandboxTest.asOf.adding(days: -25))
            let serials = world.settledOrders(shop: .sukhonShopee, from: from, to: world.nowUnix).prefix(51).map(\.order.orderSN)
            #expect(serials.count == 51)

            let fifty = try await client.post(Self.path, json: ["order_sn_list": Array(serials.prefix(50))]).json
            #expect((fifty["response"] as? [Any])?.count == 50)
            let fiftyOne = try await client.post(Self.path, json: ["order_sn_list": serials]).json
            #expect(fiftyOne["error"] as? String == "exceed_max_limit")
            #expect(fiftyOne["message"] as? String == "Your request exceeds the max limit of 50 orders")

            let required = "order_sn_list is required, format should be string[]"
            for body in [["order_sn": serials[0]], ["order_sn_list": serials[0]], ["order_sn_list": [1, 2]], ["order_sn_list": [String]()]]
            as [[String: Any]] {
                let answer = try await client.post(Self.path, json: body).json
                #expect(answer["error"] as? String == "error_param" && answer["message"] as? String == required, "\(body)")
            }
            for text in ["order_sn_list=\(serials[0])", ""] {
                let answer = try await client.post(Self.path, body: Data(text.utf8)).json
                #expect(answer["error"] as? String == "error_param" && answer["message"] as? String == "body not valid json", "\(text)")
            }

            // Signed as the other shop APIs are.
            let forged = try await client.post(Self.path, json: ["order_sn_list": [serials[0]]], sign: String(repeating: "0", count: 64))
            #expect(try forged.json["error"] as? String == "error_sign")
            let badToken = try await client.post(Self.path, json: ["order_sn_list": [serials[0]]], token: "0123456789abcdef0123456789abcdef")
            #expect(try badToken.json["error"] as? String == "error_auth")
        }
    }
}

extension TestShopeeClient {
    /// A signed shop-API POST with a JSON body (the body is not signed on Shopee).
    fileprivate func post(_ path: String, json: [String: Any], sign: String? = nil, token: String? = nil) async throws -> SandboxTest.Reply {
        try await post(path, body: try JSONSerialization.data(withJSONObject: json), sign: sign, token: token)
    }

    fileprivate func post(_ path: String, body: Data, sign: String? = nil, token: String? = nil) async throws -> SandboxTest.Reply {
        let ts = timestamp
        let token = token ?? accessToken
        let signature = sign ?? signer.shopSign(path: path, timestamp: ts, accessToken: token, shopID: credentials.shopID)
        let common = [
            ("partner_id", String(credentials.partnerID)), ("timestamp", String(ts)), ("access_token", token),
            ("shop_id", String(credentials.shopID)), ("sign", signature),
        ]
        var request = HTTPClientRequest(url: credentials.baseURL + path + "?" + SandboxTest.query(common))
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(Array(body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        return SandboxTest.Reply(status: Int(response.status.code), headers: [:], body: Data(buffer.readableBytesView))
    }
}

extension ShopeeSandboxCredentials {
    /// These credentials as a client configured for one shop alone sees them.
    fileprivate func only(shopID: Int64) -> ShopeeSandboxCredentials {
        let shop = shops.first { $0.shopID == shopID }!
        return ShopeeSandboxCredentials(baseURL: baseURL, partnerID: partnerID, partnerKey: partnerKey, shopID: shop.shopID,
                                        refreshToken: shop.refreshToken)
    }
}
