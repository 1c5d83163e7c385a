import AsyncHTTPClient
import Crypto
import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// The tests' own TikTok Shop signer, written from the documentation (ecommerce-apis.md §3.2), independently of both
/// the emulator and the connector.
struct TestTikTokSigner {
    let appSecret: String

    func sign(path: String, _ query: [(String, String)], body: String?) -> String {
        let kept = query.filter { $0.0 != "sign" && $0.0 != "access_token" }.sorted { $0.0 < $1.0 }
        let base = appSecret + kept.reduce(path) { $0 + $1.0 + $1.1 } + (body ?? "") + appSecret
        let code = HMAC<SHA256>.authenticationCode(for: Data(base.utf8), using: SymmetricKey(data: Data(appSecret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }
}

/// A TikTok Shop client for the tests: adds `app_key`, `timestamp` and `shop_cipher`, signs, sends the token header.
struct TestTikTokClient {
    let credentials: TikTokShopSandboxCredentials
    var accessToken: String?
    var clock: @Sendable () -> Date = { Date() }

    init(_ credentials: TikTokShopSandboxCredentials) {
        self.credentials = credentials
        self.accessToken = credentials.accessToken
    }

    /// A signed call; `body` is sent (and signed) byte for byte, and `sign`, `timestamp`, `cipher` can be overridden.
    func call(_ path: String, _ query: [(String, String)] = [], body: String? = nil, sign: String? = nil,
              timestampOffset: Int64 = 0, cipher: String?? = .none, headers: [String: String] = [:]) async throws -> SandboxTest.Reply {
        var items = query + [("app_key", credentials.appKey),
                             ("timestamp", String(Int64(clock().timeIntervalSince1970) + timestampOffset))]
        let shopCipher: String? = cipher ?? (path.hasPrefix("/authorization/") ? nil : credentials.shopCipher)
        if let shopCipher { items.append(("shop_cipher", shopCipher)) }
        items.append(("sign", sign ?? TestTikTokSigner(appSecret: credentials.appSecret).sign(path: path, items, body: body)))
        var request = HTTPClientRequest(url: credentials.baseURL + path + "?" + SandboxTest.query(items))
        request.method = body == nil ? .GET : .POST
        if let accessToken { request.headers.add(name: "x-tts-access-token", value: accessToken) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(Array(body.utf8))
        }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        return SandboxTest.Reply(status: Int(response.status.code), headers: [:], body: Data(buffer.readableBytesView))
    }

    func code(_ path: String, _ query: [(String, String)] = [], body: String? = nil, sign: String? = nil, timestampOffset: Int64 = 0,
              cipher: String?? = .none, headers: [String: String] = [:]) async throws -> (status: Int, code: Int64?) {
        let reply = try await call(path, query, body: body, sign: sign, timestampOffset: timestampOffset, cipher: cipher, headers: headers)
        return (reply.status, SandboxTest.int64(try reply.json["code"]))
    }
}

/// Amount text (`"199"`, `"249.5"`, `"0.05"`) as satang, exactly; `nil` for anything else.
func tiktokMinor(_ value: Any?) -> Int64? {
    guard let text = value as? String else { return nil }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let whole = Int64(parts[0]) else { return nil }
    guard parts.count == 2 else { return whole * 100 }
    guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber), let fraction = Int64(parts[1]) else { return nil }
    return whole * 100 + (parts[1].count == 1 ? fraction * 10 : fraction)
}

@Suite("TikTok Shop emulator")
struct TikTokShopEmulatorTests {
    @Test("the reference's worked signatures", arguments: [
        ("abc000def111", "/authorization/202309/shops", [("app_key", "123456"), ("timestamp", "1234567890")], nil as String?,
         "c8767e4fd7a1b48a0ce3fd23197f058159ce11b53f1ae1ad6d1ec931a1da5540"),
        ("e59af819cc", "/order/202309/orders/search", [
            ("page_size", "50"), ("sort_field", "create_time"), ("sort_order", "ASC"), ("shop_cipher", "ROW_abc123"),
            ("app_key", "38abcd"), ("timestamp", "1717261200"),
        ], #"{"create_time_ge":1717174800,"create_time_lt":1717261200}"#,
         "baa0d94b6756d6afd0ec1d4598b4b448be4374e06f1cedb389c4a9f70bb95097"),
        ("e59af819cc", "/order/202309/orders", [
            ("ids", "576461413038785752,576461413038785753"), ("shop_cipher", "ROW_abc123"), ("app_key", "38abcd"),
            ("timestamp", "1717261200"),
        ], nil, "97838d5683ad9ec3b9b32fd9c61342dcb8703e6289bcec2cb4b5fec87c5eb1e6"),
    ] as [(String, String, [(String, String)], String?, String)])
    func workedSignatures(secret: String, path: String, query: [(String, String)], body: String?, expected: String) {
        #expect(TikTokShopSignature.sign(path: path, query: query, body: body.map { Array($0.utf8) }, appSecret: secret) == expected)
        #expect(TestTikTokSigner(appSecret: secret).sign(path: path, query, body: body) == expected)
        // `sign` and `access_token` never count.
        #expect(TikTokShopSignature.sign(path: path, query: query + [("sign", "x"), ("access_token", "y")],
                                         body: body.map { Array($0.utf8) }, appSecret: secret) == expected)
    }

    @Test func theTikTokShopChangesNoOtherShopsOrdersAndItsOrdersCanBeFoundAgain() throws {
        let world = SandboxWorld(seed: 42, asOf: SandboxTest.asOf)
        #expect(world.shops.map(\.platform) == [.shopee, .shopee, .lazada, .tiktokShop], "the reference shop stays first")
        let without = SandboxWorld(seed: 42, asOf: SandboxTest.asOf, calendar: .bangkok, shops: [.sukhonShopee, .sukhonLazada])
        for shop in without.shops {
            for back in [1, 3, 40] {
                let day = SandboxTest.asOf.adding(days: -back)
                let before = without.orders(on: day, shop: shop), after = world.orders(on: day, shop: shop)
                #expect(before.map(\.orderSN) == after.map(\.orderSN))
                #expect(before.map { $0.itemsTotalMinor(at: without.nowUnix) } == after.map { $0.itemsTotalMinor(at: world.nowUnix) })
            }
        }
        let shop = try #require(world.shop(on: .tiktokShop))
        let orders = world.orders(on: SandboxTest.asOf.adding(days: -3), shop: shop)
        #expect(orders.count > 150)
        #expect(orders.allSatisfy { $0.orderSN.count == 18 && world.order(number: $0.orderSN, shop: shop)?.createTime == $0.createTime })
        #expect(world.order(number: "57" + String(orders[0].orderSN.dropFirst(2).reversed()), shop: shop) == nil)
        // 11.11 is one of TikTok's own campaign peaks.
        #expect(world.orders(on: BusinessDate("2026-11-11")!, shop: shop).count > 2 * world.orders(on: BusinessDate("2026-11-04")!, shop: shop).count)
        let ids = world.skuMap.filter { $0.platform == .tiktokShop }.flatMap { [$0.platformProductID, $0.platformModelID] }
        #expect(ids.allSatisfy { $0.count == 19 && Int64($0) != nil })
    }

    @Test func tokensAreGotAndRefreshedWithAbsoluteExpiries() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.tiktokShop
            #expect(credentials.baseURL == server.baseURL)
            let settings = try #require(credentials.settings(rateLimit: .init(requests: 5, perSeconds: 1)) as? TikTokShopSettings)
            #expect(settings.authURL == credentials.authURL && settings.shops.map(\.shopID) == [credentials.shopID])
            #expect(settings.problems(at: "sources.tiktok").isEmpty)

            let authorize = try await SandboxTest.get(credentials.authURL + "/oauth/authorize?" + SandboxTest.query([
                ("app_key", credentials.appKey), ("state", "s1"), ("redirect_uri", "https://example.com/cb"),
            ]), followRedirects: false)
            #expect(authorize.status == 302)
            let location = try #require(authorize.headers["location"])
            let code = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
            #expect(location.contains("state=s1"))

            func tokenCall(_ path: String, _ items: [(String, String)]) async throws -> [String: Any] {
                try await SandboxTest.get(credentials.authURL + path + "?" + SandboxTest.query(items)).json
            }
            let now = Int64(Date().timeIntervalSince1970)
            let got = try await tokenCall("/api/v2/token/get", [
                ("app_key", credentials.appKey), ("app_secret", credentials.appSecret), ("auth_code", code),
                ("grant_type", "authorized_code"),
            ])
            let afterGet = Int64(Date().timeIntervalSince1970)
            #expect(SandboxTest.int64(got["code"]) == 0)
            #expect(got["message"] as? String == "success")
            let data = try got.object("data")
            let expiry = try #require(SandboxTest.int64(data["access_token_expire_in"]))
            #expect(expiry >= now + 7 * 86_400 - 1 && expiry <= afterGet + 7 * 86_400 + 1, "an absolute Unix time, 7 days ahead")
            #expect(try #require(SandboxTest.int64(data["refresh_token_expire_in"])) > now + 300 * 86_400)
            #expect(try data.string("access_token").hasPrefix("TTP_"))
            #expect(data["seller_base_region"] as? String == "TH" && SandboxTest.int64(data["user_type"]) == 0)
            #expect((data["granted_scopes"] as? [String])?.contains("seller.order.info") == true)

            // The code is single use; a wrong secret finds no authorisation.
            let again = try await tokenCall("/api/v2/token/get", [
                ("app_key", credentials.appKey), ("app_secret", credentials.appSecret), ("auth_code", code),
                ("grant_type", "authorized_code"),
            ])
            #expect(SandboxTest.int64(again["code"]) == 36_004_005)

            // Bounded by the clock on both sides of the call, so a slow machine cannot fail it.
            let beforeRefresh = Int64(Date().timeIntervalSince1970)
            let refreshed = try await tokenCall("/api/v2/token/refresh", [
                ("app_key", credentials.appKey), ("app_secret", credentials.appSecret), ("refresh_token", credentials.refreshToken),
                ("grant_type", "refresh_token"),
            ])
            let afterRefresh = Int64(Date().timeIntervalSince1970)
            #expect(SandboxTest.int64(refreshed["code"]) == 0)
            let fresh = try refreshed.object("data")
            let refreshedExpiry = try #require(SandboxTest.int64(fresh["access_token_expire_in"]))
            #expect(refreshedExpiry >= beforeRefresh + 7 * 86_400 - 1 && refreshedExpiry <= afterRefresh + 7 * 86_400 + 1)
            #expect(try #require(SandboxTest.int64(fresh["refresh_token_expire_in"])) > now + 10 * 365 * 86_400,
                    "the published refresh token never expires")
            var client = TestTikTokClient(credentials)
            client.accessToken = try fresh.string("access_token")
            let shops = try await client.call("/authorization/202309/shops")
            let shopsCode = SandboxTest.int64(try shops.json["code"])
            #expect(shops.status == 200 && shopsCode == 0)

            for (secret, token) in [("0" + credentials.appSecret.dropFirst(), credentials.refreshToken), (credentials.appSecret, "TTP_nope")] {
                let refused = try await tokenCall("/api/v2/token/refresh", [
                    ("app_key", credentials.appKey), ("app_secret", secret), ("refresh_token", token), ("grant_type", "refresh_token"),
                ])
                #expect(SandboxTest.int64(refused["code"]) == 36_004_005)
                #expect(refused["data"] is NSNull)
            }
        }
    }

    @Test func theGatewayRefusesBadCallsWithTikToksCodes() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.tiktokShop
            var client = TestTikTokClient(credentials)
            let shops = try await client.call("/authorization/202309/shops")
            let json = try shops.json
            #expect(SandboxTest.int64(json["code"]) == 0 && json["message"] as? String == "Success")
            #expect(try json.string("request_id").count == 34)
            let shop = try #require(try json.object("data").array("shops").first)
            #expect(shop["id"] as? String == credentials.shopID && shop["cipher"] as? String == credentials.shopCipher)
            #expect(credentials.shopCipher.hasPrefix("ROW_") && shop["region"] as? String == "TH" && shop["seller_type"] as? String == "LOCAL")

            let search = "/order/202309/orders/search", body = "{}"
            let size = [("page_size", "10")]
            #expect(try await client.code(search, size, body: body) == (200, 0))
            #expect(try await client.code(search, size, body: body, sign: String(repeating: "0", count: 64)) == (401, 106_001))
            // The body is signed: a signature over another body is wrong.
            let otherSign = TestTikTokSigner(appSecret: credentials.appSecret).sign(
                path: search, size + [("app_key", credentials.appKey), ("timestamp", String(Int64(Date().timeIntervalSince1970))),
                                      ("shop_cipher", credentials.shopCipher)], body: #"{"order_status":"UNPAID"}"#)
            #expect(try await client.code(search, size, body: body, sign: otherSign).code == 106_001)
            #expect(try await client.code(search, size, body: body, timestampOffset: -360) == (400, 36_009_004), "6 minutes old")
            #expect(try await client.code(search, size, body: body, timestampOffset: -240).code == 0)
            #expect(try await client.code(search, size, body: body, timestampOffset: 60) == (400, 36_009_004), "a minute ahead")
            #expect(try await client.code(search, size, body: body, cipher: .some(nil)) == (400, 106_013))
            #expect(try await client.code(search, size, body: body, cipher: "ROW_unknown") == (400, 36_009_004))
            #expect(try await client.code("/authorization/202309/shops", cipher: credentials.shopCipher) == (400, 36_009_004))
            #expect(try await client.code(search, [("page_size", "101")], body: body).code == 36_009_004)
            #expect(try await client.code(search, [], body: body).code == 36_009_004, "page_size is required")
            #expect(try await client.code("/order/202309/nothing").status == 404)

            let throttled = try await client.call(search, size, body: body, headers: ["X-Sandbox-Fault": "throttle"])
            let throttledCode = SandboxTest.int64(try throttled.json["code"])
            #expect(throttled.status == 429 && throttledCode == 36_009_002)
            #expect(try await client.code(search, size, body: body, headers: ["X-Sandbox-Fault": "5xx"]).code == 36_009_003)

            client.accessToken = "TTP_" + String(repeating: "0", count: 32)
            #expect(try await client.code(search, size, body: body) == (400, 36_009_004))
            client.accessToken = nil
            #expect(try await client.code(search, size, body: body) == (400, 36_009_004))
            // An expired token stays refused until the client refreshes.
            client.accessToken = credentials.accessToken
            #expect(try await client.code(search, size, body: body, headers: ["X-Sandbox-Fault": "expired-token"]) == (401, 105_002))
            let expired = try await client.call(search, size, body: body)
            let expiredJSON = try expired.json
            #expect(SandboxTest.int64(expiredJSON["code"]) == 105_002 && expiredJSON["data"] is NSNull)
        }
    }

    @Test func anAccessTokenExpiresAfterSevenDays() async throws {
        let clock = ManualClock()
        try await SandboxTest.withServer(clock: { clock.now }) { server in
            var client = TestTikTokClient(server.credentials.tiktokShop)
            client.clock = { clock.now }
            let fresh = try await client.code("/authorization/202309/shops")
            #expect(fresh.code == 0)
            clock.advance(by: 7 * 86_400 - 60)
            let old = try await client.code("/authorization/202309/shops")
            #expect(old.code == 0)
            clock.advance(by: 120)
            let expired = try await client.code("/authorization/202309/shops")
            #expect(expired.status == 401 && expired.code == 105_002)
        }
    }

    @Test func fiftyCallsASecondPerAPIAndShop() {
        let time = Locked(0.0)
        let limiter = TikTokShopRateLimiter(seconds: { time.withLock { $0 } })
        #expect((0..<50).allSatisfy { _ in limiter.admit(api: "/order/202309/orders/search", caller: "1") })
        #expect(!limiter.admit(api: "/order/202309/orders/search", caller: "1"))
        #expect(limiter.admit(api: "/order/202309/orders", caller: "1"), "each API has its own budget")
        #expect(limiter.admit(api: "/order/202309/orders/search", caller: "2"), "and each shop")
        time.withLock { $0 = 1.0 }
        #expect(limiter.admit(api: "/order/202309/orders/search", caller: "1"))
    }

    /// Pages through a search, checking each order appears once.
    private func searchAll(_ client: TestTikTokClient, body: String, sortField: String, sortOrder: String,
                           pageSize: Int) async throws -> [[String: Any]] {
        var orders: [[String: Any]] = []
        var token = ""
        var total = -1
        repeat {
            var query = [("page_size", String(pageSize)), ("sort_field", sortField), ("sort_order", sortOrder)]
            if !token.isEmpty { query.append(("page_token", token)) }
            let reply = try await client.call("/order/202309/orders/search", query, body: body)
            let data = try #require(try reply.json["data"] as? [String: Any], "\(reply.text.prefix(300))")
            total = Int(SandboxTest.int64(data["total_count"]) ?? -1)
            orders += try data.array("orders")
            token = try data.string("next_page_token")
        } while !token.isEmpty
        #expect(orders.count == total)
        return orders
    }

    @Test func ordersPagedThroughAWindowAndTheirReturnsEqualTheTruth() async throws {
        try await SandboxTest.withServer { server in
            let client = TestTikTokClient(server.credentials.tiktokShop)
            let calendar = server.world.calendar
            let first = SandboxTest.asOf.adding(days: -21), last = SandboxTest.asOf.adding(days: -19)
            let start = calendar.startOfDay(first), end = calendar.startOfDay(last.adding(days: 1))
            let body = #"{"create_time_ge":\#(start),"create_time_lt":\#(end)}"#
            let orders = try await searchAll(client, body: body, sortField: "create_time", sortOrder: "ASC", pageSize: 100)
            let ids = orders.compactMap { $0["id"] as? String }
            #expect(ids.count == orders.count && Set(ids).count == ids.count, "every order exactly once")
            #expect(orders.count > 3 * 100, "a couple of hundred orders a day")
            #expect(ids.allSatisfy { $0.count == 18 && $0.hasPrefix("57") })
            let times = orders.compactMap { SandboxTest.int64($0["create_time"]) }
            #expect(times == times.sorted() && times.allSatisfy { $0 >= start && $0 < end })
            // Sorted the other way, by update time, the same orders come back.
            let byUpdate = try await searchAll(client, body: body, sortField: "update_time", sortOrder: "DESC", pageSize: 37)
            #expect(Set(byUpdate.compactMap { $0["id"] as? String }) == Set(ids))

            // The completed returns, found through the Return & Refund API.
            var refunded: [String: Int64] = [:]
            var token = ""
            repeat {
                var query = [("page_size", "50")]
                if !token.isEmpty { query.append(("page_token", token)) }
                let reply = try await client.call("/return_refund/202309/returns/search", query,
                                                  body: #"{"create_time_ge":\#(start),"return_status":["RETURN_OR_REFUND_REQUEST_COMPLETE"]}"#)
                let data = try #require(try reply.json["data"] as? [String: Any], "\(reply.text.prefix(300))")
                for entry in try data.array("return_orders") {
                    #expect(entry["return_status"] as? String == "RETURN_OR_REFUND_REQUEST_COMPLETE")
                    refunded[try entry.string("order_id")] = tiktokMinor(try entry.object("refund_amount")["refund_subtotal"])
                }
                token = try data.string("next_page_token")
            } while !token.isEmpty

            var revenue: [BusinessDate: Int64] = [:], counted: [BusinessDate: Int64] = [:], units: [BusinessDate: Int64] = [:]
            var returnedInWindow = 0
            for order in orders {
                let day = calendar.date(unixSeconds: try #require(SandboxTest.int64(order["create_time"])))
                let items = try order.array("line_items")
                let itemsTotal = items.reduce(Int64(0)) { $0 + (tiktokMinor($1["sale_price"]) ?? .min / 1_000) }
                let payment = try order.object("payment")
                #expect(tiktokMinor(payment["sub_total"]) == itemsTotal)
                #expect(tiktokMinor(payment["sub_total"]) == (tiktokMinor(payment["original_total_product_price"]) ?? 0)
                    - (tiktokMinor(payment["seller_discount"]) ?? 0) - (tiktokMinor(payment["platform_discount"]) ?? 0))
                #expect(tiktokMinor(payment["total_amount"]) == itemsTotal + (tiktokMinor(payment["shipping_fee"]) ?? 0)
                    + (tiktokMinor(payment["tax"]) ?? 0))
                let status = try order.string("status")
                #expect(items.allSatisfy { $0["display_status"] as? String == status })
                if let refund = refunded[try order.string("id")] {
                    #expect(status == "COMPLETED", "TikTok has no returned status")
                    #expect(refund == itemsTotal, "the whole order is refunded")
                    returnedInWindow += 1
                    continue
                }
                guard status != "CANCELLED" else { continue }
                revenue[day, default: 0] += itemsTotal
                counted[day, default: 0] += 1
                units[day, default: 0] += Int64(items.count)
            }
            let now = server.world.nowUnix
            let shop = server.world.shop(on: .tiktokShop)!
            let worldReturned = (0...2).flatMap { server.world.orders(on: first.adding(days: $0), shop: shop) }
                .filter { $0.status(at: now) == .returned }
            #expect(returnedInWindow == worldReturned.count && returnedInWindow > 0)
            for truth in server.world.platformTruth(from: first, to: last) where truth.platform == .tiktokShop {
                #expect(truth.accountID == server.credentials.tiktokShop.shopID)
                #expect(revenue[truth.date] == truth.revenueMinor, "revenue of \(truth.date) to the satang")
                #expect(counted[truth.date] == truth.orders)
                #expect(units[truth.date] == truth.units, "one line item per unit")
            }
        }
    }

    @Test func aLineOfSeveralUnitsIsSeveralLineItemsOfOneSKU() async throws {
        try await SandboxTest.withServer { server in
            let client = TestTikTokClient(server.credentials.tiktokShop)
            let shop = server.world.shop(on: .tiktokShop)!
            let day = SandboxTest.asOf.adding(days: -5)
            let order = try #require(server.world.orders(on: day, shop: shop).first { $0.lines.contains { $0.quantity >= 2 } })
            let reply = try await client.call("/order/202309/orders", [("ids", order.orderSN)])
            let rendered = try #require(try reply.json.object("data").array("orders").first)
            #expect(rendered["id"] as? String == order.orderSN)
            let items = try rendered.array("line_items")
            #expect(items.count == order.lines.reduce(0) { $0 + $1.quantity })
            #expect(Set(items.compactMap { $0["id"] as? String }).count == items.count, "distinct line item ids")
            let line = try #require(order.lines.first { $0.quantity >= 2 })
            let unit = server.world.catalog.units[line.unit]
            let skuID = String(server.world.catalog.variantID(unit.productIndex, model: unit.modelIndex, on: shop))
            let units = items.filter { $0["sku_id"] as? String == skuID }
            #expect(units.count == line.quantity)
            #expect(units.allSatisfy { tiktokMinor($0["sale_price"]) == line.discountedPriceMinor
                && tiktokMinor($0["original_price"]) == line.originalPriceMinor
                && tiktokMinor($0["seller_discount"]) == line.originalPriceMinor - line.discountedPriceMinor })
            let model = server.world.catalog.model(of: line.unit)
            #expect(units.allSatisfy { $0["seller_sku"] as? String == server.world.catalog.sku(model, on: shop) })
            #expect(items.reduce(Int64(0)) { $0 + (tiktokMinor($1["sale_price"]) ?? 0) } == order.itemsTotalMinor(at: server.world.nowUnix))

            // The product search shows the same SKU ids and codes.
            let products = try await client.call("/product/202309/products/search", [("page_size", "100")], body: "{}")
            let skus = try products.json.object("data").array("products").flatMap { try $0.array("skus") }
            #expect(skus.contains { $0["id"] as? String == skuID && $0["seller_sku"] as? String == server.world.catalog.sku(model, on: shop) })
        }
    }

    @Test func orderDetailTakesAtMostFiftyIds() async throws {
        try await SandboxTest.withServer { server in
            let client = TestTikTokClient(server.credentials.tiktokShop)
            let shop = server.world.shop(on: .tiktokShop)!
            let ids = server.world.orders(on: SandboxTest.asOf.adding(days: -2), shop: shop).prefix(51).map(\.orderSN)
            #expect(ids.count == 51)
            let fifty = try await client.call("/order/202309/orders", [("ids", ids.prefix(50).joined(separator: ","))])
            #expect(try fifty.json.object("data").array("orders").count == 50)
            let refused = try await client.call("/order/202309/orders", [("ids", ids.joined(separator: ","))])
            let refusedCode = SandboxTest.int64(try refused.json["code"])
            #expect(refused.status == 400 && refusedCode == 36_009_004)
        }
    }

    @Test func aReturnExistsFromItsRequestAndCompletesAtTheWorldsReturn() async throws {
        let world = SandboxWorld(seed: 42, asOf: SandboxTest.asOf)
        let shop = world.shop(on: .tiktokShop)!
        let order = try #require((10...30).lazy.flatMap { world.orders(on: SandboxTest.asOf.adding(days: -$0), shop: shop) }
            .first { $0.status(at: world.nowUnix) == .returned })
        let value = try #require(TikTokShopReturn(order))
        let returned = try #require(order.time(of: .returned, at: world.nowUnix))
        #expect(value.completeTime == returned)
        #expect(value.requestTime < value.approveTime && value.approveTime < value.shipBackTime && value.shipBackTime < returned)
        #expect(value.requestTime > order.time(of: .delivered, at: world.nowUnix) ?? .max)

        func returns(asOf: BusinessDate) async throws -> [[String: Any]] {
            var options = SandboxOptions(seed: 42, asOf: asOf)
            options.port = 0
            let server = try await SandboxServer.start(options, logger: .init(label: "tiktok-returns"))
            defer { Task { await server.stop() } }
            let client = TestTikTokClient(server.credentials.tiktokShop)
            let reply = try await client.call("/return_refund/202309/returns/search", [("page_size", "10")],
                                              body: #"{"order_ids":["\#(order.orderSN)"]}"#)
            let data = try #require(try reply.json["data"] as? [String: Any], "\(reply.text.prefix(300))")
            return try data.array("return_orders")
        }
        // At the world's "now" the return is complete, updated at the world's return.
        let complete = try #require(try await returns(asOf: SandboxTest.asOf).first)
        #expect(complete["return_status"] as? String == "RETURN_OR_REFUND_REQUEST_COMPLETE")
        #expect(SandboxTest.int64(complete["update_time"]) == returned)
        #expect(SandboxTest.int64(complete["create_time"]) == value.requestTime)
        #expect(try complete.array("return_line_items").count == order.lines.reduce(0) { $0 + $1.quantity })
        #expect(tiktokMinor(try complete.object("refund_amount")["refund_subtotal"]) == order.itemsTotalMinor(at: world.nowUnix))
        // Before its request the return does not exist; on a day between request and completion it is under way.
        let requestDay = world.calendar.date(unixSeconds: value.requestTime)
        #expect(try await returns(asOf: requestDay).isEmpty)
        let midway = world.calendar.date(unixSeconds: value.requestTime).adding(days: 1)
        if world.calendar.startOfDay(midway) < returned {
            let open = try #require(try await returns(asOf: midway).first)
            #expect(open["return_status"] as? String != "RETURN_OR_REFUND_REQUEST_COMPLETE")
        }
    }
}
