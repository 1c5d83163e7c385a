import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

@Suite("Shopee emulator")
struct ShopeeEmulatorTests {
    @Test func theTestSignerReproducesTheDocumentedExamples() {
        // ecommerce-apis.md §1.3, worked examples 1 and 3
        let signer = TestShopeeSigner(
            partnerID: 2_001_887, partnerKey: "shpk4e6f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7")
        #expect(signer.shopSign(path: "/api/v2/order/get_order_list", timestamp: 1_717_261_200,
                                accessToken: "4c6d5a4b4f6e4d7a6f4a4b4c4d4e4f50", shopID: 600_000_001)
            == "fc44a9e9f04f1b59fe9fd81273302c71e8925c47cf94385f8e30c29298cda5c4")
        #expect(signer.publicSign(path: "/api/v2/auth/access_token/get", timestamp: 1_717_261_200)
            == "914ff45e45ceff4c18368e907f677be8e21c042b8e8cb117c296a2959bbb1fc5")
        // The emulator's own implementation agrees on the same vector.
        #expect(ShopeeSignature.shopAPI(partnerID: 2_001_887, path: "/api/v2/order/get_order_list", timestamp: 1_717_261_200,
                                        accessToken: "4c6d5a4b4f6e4d7a6f4a4b4c4d4e4f50", shopID: 600_000_001,
                                        partnerKey: signer.partnerKey)
            == "fc44a9e9f04f1b59fe9fd81273302c71e8925c47cf94385f8e30c29298cda5c4")
    }

    @Test func revenueFetchedThroughTheApiEqualsTheTruth() async throws {
        try await SandboxTest.withServer { server in
            var client = TestShopeeClient(server.credentials.shopee)
            #expect(try await client.refresh().status == 200)
            // Given three days that include 11.11 (the window is well under 15 days)
            let first = SandboxTest.asOf.adding(days: -3), last = SandboxTest.asOf.adding(days: -1)
            let calendar = BusinessCalendar.bangkok
            var serials: [String] = []
            var cursor = ""
            repeat {
                let reply = try await client.get("/api/v2/order/get_order_list", [
                    ("time_range_field", "create_time"), ("time_from", String(calendar.startOfDay(first))),
                    ("time_to", String(calendar.startOfDay(last.adding(days: 1)) - 1)), ("page_size", "100"),
                    ("cursor", cursor), ("response_optional_fields", "order_status"),
                ])
                let response = try reply.json.object("response")
                serials += try response.array("order_list").map { try $0.string("order_sn") }
                cursor = try response.string("next_cursor")
                #expect((response["more"] as? Bool) == !cursor.isEmpty)
            } while !cursor.isEmpty
            #expect(Set(serials).count == serials.count)

            // When every order's detail is fetched, 50 at a time
            var revenue: [BusinessDate: Decimal] = [:], orders: [BusinessDate: Int] = [:]
            for start in stride(from: 0, to: serials.count, by: 50) {
                let batch = serials[start..<min(start + 50, serials.count)]
                let reply = try await client.get("/api/v2/order/get_order_detail", [
                    ("order_sn_list", batch.joined(separator: ",")),
                    ("response_optional_fields", "item_list,total_amount,buyer_username,recipient_address"),
                ])
                // Amounts are decoded from their JSON text as Decimal, never through Double.
                let list = try JSONDecoder().decode(OrderDetailEnvelope.self, from: reply.body).response.order_list
                #expect(list.count == batch.count)
                for order in list where !["CANCELLED", "TO_RETURN"].contains(order.order_status) {
                    let day = calendar.date(unixSeconds: order.create_time)
                    for item in order.item_list {
                        revenue[day, default: 0] += item.model_discounted_price * Decimal(item.model_quantity_purchased)
                    }
                    orders[day, default: 0] += 1
                }
            }

            // Then revenue and orders per day equal the ground truth of the shop the credentials name first
            for truth in server.world.platformTruth(from: first, to: last) where truth.platform == .shopee && truth.accountID == String(client.credentials.shopID) {
                #expect(revenue[truth.date] == Decimal(truth.revenueMinor) / 100)
                #expect(Int64(orders[truth.date] ?? 0) == truth.orders)
            }
        }
    }

    @Test func aWronglySignedRequestIsRefused() async throws {
        try await SandboxTest.withServer { server in
            var client = TestShopeeClient(server.credentials.shopee)
            _ = try await client.refresh()
            let reply = try await client.get("/api/v2/shop/get_shop_info", [], sign: String(repeating: "0", count: 64))
            #expect(try reply.json["error"] as? String == "error_sign")
            #expect(try reply.json["message"] as? String == "Wrong sign.")
            // A correct signature over another path is as wrong.
            let ts = client.timestamp
            let other = client.signer.shopSign(path: "/api/v2/shop/get_profile", timestamp: ts,
                                               accessToken: client.accessToken, shopID: client.credentials.shopID)
            #expect(try await client.get("/api/v2/shop/get_shop_info", [], sign: other, timestamp: ts).json["error"]
                as? String == "error_sign")
        }
    }

    @Test func missingParametersAndStaleTimestampsGetTheDocumentedMessages() async throws {
        try await SandboxTest.withServer { server in
            var client = TestShopeeClient(server.credentials.shopee)
            _ = try await client.refresh()
            let base = server.baseURL + "/api/v2/shop/get_shop_info"
            #expect(try await SandboxTest.get(base + "?timestamp=1").json["message"] as? String == "There is no partner_id in query.")
            let stale = try await client.get("/api/v2/shop/get_shop_info", [], timestamp: client.timestamp - 600)
            #expect(try stale.json["error"] as? String == "error_param")
            #expect(try stale.json["message"] as? String == "Invalid timestamp")
            let partner = String(client.credentials.partnerID)
            let unsigned = try await SandboxTest.get(base + "?partner_id=\(partner)&timestamp=\(client.timestamp)")
            #expect(try unsigned.json["message"] as? String == "There is no sign in query.")
        }
    }

    @Test func anUnknownOrExpiredTokenIsRefused() async throws {
        let clock = ManualClock()
        try await SandboxTest.withServer(clock: { clock.now }) { server in
            var client = TestShopeeClient(server.credentials.shopee)
            client.clock = { clock.now }
            let unknown = try await client.get("/api/v2/shop/get_shop_info", [], token: "0123456789abcdef0123456789abcdef")
            #expect(try unknown.json["error"] as? String == "error_auth")
            #expect(try unknown.json["message"] as? String == "Invalid access_token.")

            let refreshed = try await client.refresh().json
            #expect(SandboxTest.int64(refreshed["expire_in"]) == 14_400)
            #expect(try await client.get("/api/v2/shop/get_shop_info", []).json["shop_name"] as? String != nil)
            // Four hours and a second later the access token has expired.
            clock.advance(by: 14_401)
            let expired = try await client.get("/api/v2/shop/get_shop_info", [])
            #expect(try expired.json["message"] as? String == "Invalid access_token.")
        }
    }

    @Test func refreshTokensAreSingleUseExceptTheBootstrapToken() async throws {
        try await SandboxTest.withServer { server in
            var client = TestShopeeClient(server.credentials.shopee)
            let bootstrap = server.credentials.shopee.refreshToken
            // The bootstrap token works twice
            #expect(try await client.refresh(with: bootstrap).json["access_token"] is String)
            #expect(try await client.refresh().json["access_token"] is String)
            // A refresh token issued by a refresh works once
            let issued = client.refreshToken
            #expect(try await client.refresh(with: issued).json["access_token"] is String)
            let reused = try await client.refresh(with: issued).json
            #expect(reused["error"] as? String == "error_auth")
            #expect(reused["message"] as? String == "Invalid refresh_token.")
            #expect(reused["access_token"] == nil)
        }
    }

    @Test func theAuthorisationLinkRedirectsWithASingleUseCode() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.shopee
            let client = TestShopeeClient(credentials)
            // Given the seller follows the auth link (public signature)
            let path = "/api/v2/shop/auth_partner"
            let ts = client.timestamp
            let link = server.baseURL + path + "?" + SandboxTest.query([
                ("partner_id", String(credentials.partnerID)), ("timestamp", String(ts)),
                ("sign", client.signer.publicSign(path: path, timestamp: ts)), ("redirect", "https://example.com/callback"),
            ])
            let redirect = try await SandboxTest.get(link, followRedirects: false)
            #expect(redirect.status == 302)
            let location = try #require(redirect.headers["location"].flatMap(URLComponents.init(string:)))
            #expect(location.host == "example.com")
            let code = try #require(location.queryItems?.first { $0.name == "code" }?.value)
            #expect(location.queryItems?.first { $0.name == "shop_id" }?.value == String(credentials.shopID))
            // When the code is exchanged for tokens, twice
            let tokenPath = "/api/v2/auth/token/get"
            let exchange = {
                let ts = client.timestamp
                return try await SandboxTest.post(server.baseURL + tokenPath + "?" + SandboxTest.query([
                    ("partner_id", String(credentials.partnerID)), ("timestamp", String(ts)),
                    ("sign", client.signer.publicSign(path: tokenPath, timestamp: ts)),
                ]), json: ["code": code, "shop_id": credentials.shopID, "partner_id": credentials.partnerID])
            }
            let first = try await exchange().json
            #expect((first["access_token"] as? String)?.count == 32)
            #expect(SandboxTest.int64(first["expire_in"]) == 14_400)
            // Then the code works only once
            #expect(try await exchange().json["error"] as? String == "error_auth")
        }
    }

    @Test func aWindowLongerThanFifteenDaysIsRefused() async throws {
        try await SandboxTest.withServer { server in
            var client = TestShopeeClient(server.credentials.shopee)
            _ = try await client.refresh()
            let to = BusinessCalendar.bangkok.startOfDay(SandboxTest.asOf)
            let reply = try await client.get("/api/v2/order/get_order_list", [
                ("time_range_field", "update_time"), ("time_from", String(to - 16 * 86_400)), ("time_to", String(to)),
                ("page_size", "50"),
            ])
            #expect(try reply.json["error"] as? String == "order.order_list_invalid_time")
            #expect(try reply.json["message"] as? String == "Start time must be earlier than end time and diff in 15days.")
            let badPage = try await client.get("/api/v2/order/get_order_list", [
                ("time_range_field", "create_time"), ("time_from", String(to - 86_400)), ("time_to", String(to)),
                ("page_size", "101"),
            ])
            #expect(try badPage.json["message"] as? String == "Wrong parameters, detail: page_size should be between 1 and 100.")
        }
    }

    @Test func anExpiredTokenFaultKeepsTheTokenRefusedUntilRefreshed() async throws {
        try await SandboxTest.withServer { server in
            var client = TestShopeeClient(server.credentials.shopee)
            _ = try await client.refresh()
            let faulted = try await client.get("/api/v2/shop/get_profile", [], headers: ["X-Sandbox-Fault": "expired-token"])
            #expect(try faulted.json["message"] as? String == "Invalid access_token.")
            #expect(try await client.get("/api/v2/shop/get_profile", []).json["error"] as? String == "error_auth")
            _ = try await client.refresh()
            #expect(try await client.get("/api/v2/shop/get_profile", []).json["error"] as? String == "")
        }
    }

    @Test func faultsThrottleAndMalformOnSchedule() async throws {
        try await SandboxTest.withServer(faults: SandboxFaults(throttleEvery: 3, malformedOrderEvery: 2)) { server in
            var client = TestShopeeClient(server.credentials.shopee)
            _ = try await client.refresh()                                   // request 1
            _ = try await client.get("/api/v2/shop/get_profile", [])         // request 2
            let throttled = try await client.get("/api/v2/shop/get_profile", [])  // request 3
            #expect(throttled.status == 429)
            #expect(try throttled.json["error"] as? String == "error_too_many_request")
            let day = SandboxTest.asOf.adding(days: -1)
            let serials = server.world.orders(on: day, shop: server.world.shopeeShop).prefix(4).map(\.orderSN)
            let reply = try await client.get("/api/v2/order/get_order_detail", [
                ("order_sn_list", serials.joined(separator: ",")), ("response_optional_fields", "item_list,total_amount"),
            ])
            let list = try reply.json.object("response").array("order_list")
            #expect(list.count == 4)
            // Orders 2 and 4 are broken, each in a different way.
            #expect(list[0]["order_sn"] is String && list[0]["item_list"] is [Any])
            #expect(list[1]["item_list"] is String)
            #expect(list[3]["order_sn"] == nil)
        }
    }

    @Test func productAndShopEndpointsDescribeTheCatalog() async throws {
        try await SandboxTest.withServer { server in
            var client = TestShopeeClient(server.credentials.shopee)
            _ = try await client.refresh()
            var ids: [Int64] = []
            var offset = 0
            var hasNext = true
            while hasNext {
                let response = try await client.get("/api/v2/product/get_item_list", [
                    ("offset", String(offset)), ("page_size", "20"), ("item_status", "NORMAL"), ("item_status", "UNLIST"),
                ]).json.object("response")
                ids += try response.array("item").map { try #require(SandboxTest.int64($0["item_id"])) }
                hasNext = try #require(response["has_next_page"] as? Bool)
                offset = Int(try #require(SandboxTest.int64(response["next_offset"])))
            }
            #expect(ids.count == server.world.products.count)
            let info = try await client.get("/api/v2/product/get_item_base_info", [
                ("item_id_list", ids.prefix(3).map(String.init).joined(separator: ",")),
            ]).json.object("response").array("item_list")
            #expect(info.count == 3)
            let shop = try await client.get("/api/v2/shop/get_shop_info", []).json
            #expect(shop["region"] as? String == "TH")
            #expect(shop["response"] == nil)
        }
    }
}

/// The part of a `get_order_detail` answer the reconciliation reads, with Shopee's field names.
private struct OrderDetailEnvelope: Decodable {
    struct Response: Decodable {
        let order_list: [Order]
    }

    struct Order: Decodable {
        let order_status: String
        let create_time: Int64
        let item_list: [Item]
    }

    struct Item: Decodable {
        let model_discounted_price: Decimal
        let model_quantity_purchased: Int
    }

    let response: Response
}
