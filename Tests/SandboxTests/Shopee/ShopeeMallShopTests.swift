import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// The brand's second Shopee shop (the Shopee Mall flagship) and the emulator serving both shops to one partner app.
@Suite("Shopee emulator, two shops")
struct ShopeeMallShopTests {
    @Test func theMallShopChangesNoOtherShopsOrdersAndHasSerialsOfItsOwn() throws {
        let world = SandboxWorld(seed: 42, asOf: SandboxTest.asOf)
        #expect(world.shops.map(\.shopID).prefix(2) == [SandboxShop.sukhonShopee.shopID, SandboxShop.sukhonShopeeMall.shopID],
                "the reference shop stays first")
        let without = SandboxWorld(seed: 42, asOf: SandboxTest.asOf, calendar: .bangkok,
                                   shops: world.shops.filter { $0 != .sukhonShopeeMall })
        #expect(without.shops.count == world.shops.count - 1)
        for shop in without.shops {
            for back in [1, 3, 40] {
                let day = SandboxTest.asOf.adding(days: -back)
                let before = without.orders(on: day, shop: shop), after = world.orders(on: day, shop: shop)
                #expect(before.map(\.orderSN) == after.map(\.orderSN))
                #expect(before.map(\.createTime) == after.map(\.createTime))
                #expect(before.map { $0.itemsTotalMinor(at: without.nowUnix) } == after.map { $0.itemsTotalMinor(at: world.nowUnix) })
            }
        }
        // The Mall's serials are Shopee order_sn, never one of the official shop's, and each shop finds only its own.
        let day = SandboxTest.asOf.adding(days: -3)
        let official = world.orders(on: day, shop: .sukhonShopee), mall = world.orders(on: day, shop: .sukhonShopeeMall)
        #expect(mall.count > 100 && mall.count < official.count)
        #expect(Set(mall.map(\.orderSN)).isDisjoint(with: official.map(\.orderSN)))
        #expect(mall.allSatisfy { $0.orderSN.count == 14 && $0.orderSN.hasPrefix("261111") })
        #expect(mall.allSatisfy { world.order(number: $0.orderSN, shop: .sukhonShopeeMall)?.createTime == $0.createTime })
        #expect(mall.allSatisfy { world.order(number: $0.orderSN, shop: .sukhonShopee) == nil })
        #expect(official.allSatisfy { world.order(number: $0.orderSN, shop: .sukhonShopeeMall) == nil })
        // A Shopee outage stops both Shopee shops.
        let outage = try #require(world.outageDays(from: SandboxTest.asOf.adding(days: -30), to: SandboxTest.asOf.adding(days: -1)).first)
        let start = BusinessCalendar.bangkok.startOfDay(outage)
        let hours = world.orders(on: outage, shop: .sukhonShopeeMall).map { Int(($0.createTime - start) / 3_600) }
        #expect(!hours.isEmpty && hours.allSatisfy { !DemandCalendar.outageHours.contains($0) })
        // The Mall's brand day (25 August) is its own peak: the official shop has an ordinary day.
        let summer = SandboxWorld(seed: 42, asOf: BusinessDate("2026-09-01")!)
        let brandDay = BusinessDate("2026-08-25")!
        // An ordinary day of the week before, not one of the official shop's outages.
        let before = try #require((17...21).compactMap { BusinessDate(year: 2026, month: 8, day: $0) }
            .first { summer.outageDays(from: $0, to: $0).isEmpty })
        #expect(summer.orders(on: brandDay, shop: .sukhonShopeeMall).count > 2 * summer.orders(on: before, shop: .sukhonShopeeMall).count)
        #expect(summer.orders(on: brandDay, shop: .sukhonShopee).count < 2 * summer.orders(on: before, shop: .sukhonShopee).count)
    }

    @Test func theShopsSKUCodesDifferAndMapToTheSameMasterSKUs() {
        let world = SandboxWorld(seed: 42, asOf: SandboxTest.asOf)
        let official = world.catalog.skuMap(for: .sukhonShopee), mall = world.catalog.skuMap(for: .sukhonShopeeMall)
        #expect(Set(official.map(\.platformSKU)).isDisjoint(with: mall.map(\.platformSKU)), "each shop writes its own codes")
        #expect(mall.allSatisfy { $0.platformSKU.hasPrefix("SKM-") })
        #expect(official.map(\.skuMaster) == mall.map(\.skuMaster))
        // Both shops' rows are in the world's SKU map, every code once, each with one master SKU.
        let shopee = world.skuMap.filter { $0.platform == .shopee }
        #expect(shopee.count == official.count + mall.count)
        #expect(Set(shopee.map(\.platformSKU)).count == shopee.count)
        let masters = Dictionary(grouping: shopee, by: \.skuMaster)
        #expect(masters.values.allSatisfy { rows in rows.count == 2 && Set(rows.map(\.platformSKU)).count == 2 })
        // Item ids are 11 digits like Shopee's, not the official shop's; listings without variants have model id 0.
        #expect(Set(official.map(\.platformProductID)).isDisjoint(with: mall.map(\.platformProductID)))
        #expect(mall.allSatisfy { $0.platformProductID.count == 11 && Int64($0.platformProductID) != nil })
        for (official, mall) in zip(official, mall) {
            #expect((official.platformModelID == "0") == (mall.platformModelID == "0"))
        }
    }

    @Test func theCredentialsPublishBothShopsAndStayCompatible() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.shopee
            #expect(credentials.shops.map(\.shopID) == [SandboxShop.sukhonShopee.shopID, SandboxShop.sukhonShopeeMall.shopID])
            #expect(credentials.shopID == credentials.shops[0].shopID && credentials.refreshToken == credentials.shops[0].refreshToken)
            #expect(credentials.shops[0].refreshToken != credentials.shops[1].refreshToken)
            let settings = try #require(credentials.settings(rateLimit: .init(requests: 5, perSeconds: 1)) as? ShopeeSettings)
            #expect(settings.shops == credentials.shops.map { ShopeeSettings.Shop(shopID: $0.shopID, refreshToken: $0.refreshToken) })
            #expect(settings.problems(at: "sources.shopee").isEmpty)

            // The JSON keeps the top-level shop and adds `shops`.
            let reply = try await SandboxTest.get(server.baseURL + "/_sandbox/credentials")
            let shopee = try reply.json.object("shopee")
            #expect(SandboxTest.int64(shopee["shop_id"]) == credentials.shopID)
            #expect(shopee["refresh_token"] as? String == credentials.refreshToken)
            let listed = try shopee.array("shops")
            #expect(listed.map { SandboxTest.int64($0["shop_id"]) } == credentials.shops.map(\.shopID))
            #expect(listed.map { $0["refresh_token"] as? String } == credentials.shops.map(\.refreshToken))
            // Credentials written before `shops` existed still read, as one shop.
            let old = #"{"base_url":"http://x","partner_id":1,"partner_key":"k","shop_id":7,"refresh_token":"r"}"#
            let decoded = try JSONDecoder().decode(ShopeeSandboxCredentials.self, from: Data(old.utf8))
            #expect(decoded.shops == [.init(shopID: 7, refreshToken: "r")])
        }
    }

    @Test func eachShopGetsAndRefreshesItsOwnTokens() async throws {
        try await SandboxTest.withServer { server in
            for shop in server.credentials.shopee.shops {
                var client = TestShopeeClient(server.credentials.shopee.only(shop))
                // The bootstrap token works again and again; a refreshed one once.
                #expect(try await client.refresh(with: shop.refreshToken).json["access_token"] is String)
                let refreshed = try await client.refresh().json
                #expect(SandboxTest.int64(refreshed["shop_id"]) == shop.shopID)
                #expect(SandboxTest.int64(refreshed["expire_in"]) == 14_400)
                let issued = client.refreshToken
                #expect(try await client.refresh().json["access_token"] is String)
                #expect(try await client.refresh(with: issued).json["message"] as? String == "Invalid refresh_token.")
                // The shop's own token answers for the shop.
                let info = try await client.get("/api/v2/shop/get_shop_info", []).json
                let expected = try #require(server.world.shops.first { $0.shopID == shop.shopID })
                #expect(info["error"] as? String == "")
                #expect(info["shop_name"] as? String == expected.name)
                let profile = try await client.get("/api/v2/shop/get_profile", []).json.object("response")
                #expect(profile["shop_logo"] as? String == expected.logoURL)
            }
        }
    }

    @Test func theAuthorisationLinkAuthorisesTheShopAskedFor() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.shopee
            let mall = credentials.shops[1]
            let client = TestShopeeClient(credentials)
            let path = "/api/v2/shop/auth_partner"
            let ts = client.timestamp
            let link = server.baseURL + path + "?" + SandboxTest.query([
                ("partner_id", String(credentials.partnerID)), ("timestamp", String(ts)),
                ("sign", client.signer.publicSign(path: path, timestamp: ts)), ("redirect", "https://example.com/callback"),
                ("shop_id", String(mall.shopID)),
            ])
            let redirect = try await SandboxTest.get(link, followRedirects: false)
            #expect(redirect.status == 302)
            let location = try #require(redirect.headers["location"].flatMap(URLComponents.init(string:)))
            #expect(location.queryItems?.first { $0.name == "shop_id" }?.value == String(mall.shopID))
            let code = try #require(location.queryItems?.first { $0.name == "code" }?.value)
            let exchange = { (shopID: Int64) in
                let path = "/api/v2/auth/token/get", ts = client.timestamp
                return try await SandboxTest.post(server.baseURL + path + "?" + SandboxTest.query([
                    ("partner_id", String(credentials.partnerID)), ("timestamp", String(ts)),
                    ("sign", client.signer.publicSign(path: path, timestamp: ts)),
                ]), json: ["code": code, "shop_id": shopID, "partner_id": credentials.partnerID])
            }
            // The Mall's code is refused for the official shop, then exchanged for the Mall's tokens.
            #expect(try await exchange(credentials.shopID).json["message"] as? String == "Invalid code.")
            let tokens = try await exchange(mall.shopID).json
            let access = try #require(tokens["access_token"] as? String)
            var mallClient = TestShopeeClient(credentials.only(mall))
            mallClient.accessToken = access
            #expect(try await mallClient.get("/api/v2/shop/get_shop_info", []).json["shop_name"] as? String
                == SandboxShop.sukhonShopeeMall.name)
            // An unknown shop cannot authorise.
            let unknown = try await SandboxTest.get(link.replacingOccurrences(of: String(mall.shopID), with: "123"), followRedirects: false)
            #expect(try unknown.json["message"] as? String == "Invalid partner_id or shopid.")
        }
    }

    @Test func aCallSignedForOneShopWithAnotherShopsTokenIsRefused() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.shopee
            var official = TestShopeeClient(credentials.only(credentials.shops[0]))
            var mall = TestShopeeClient(credentials.only(credentials.shops[1]))
            _ = try await official.refresh()
            _ = try await mall.refresh()
            // Correctly signed for the Mall, but with the official shop's token: Shopee's own answer for a bad token.
            let crossed = try await mall.get("/api/v2/shop/get_shop_info", [], token: official.accessToken)
            #expect(try crossed.json["error"] as? String == "error_auth")
            #expect(try crossed.json["message"] as? String == "Invalid access_token.")
            #expect(try crossed.json["shop_name"] == nil)
            let orders = try await official.get("/api/v2/order/get_order_detail", [("order_sn_list", "2611118R48U37H")],
                                                token: mall.accessToken)
            #expect(try orders.json["message"] as? String == "Invalid access_token.")
            // Each shop's refresh token refreshes that shop only.
            #expect(try await mall.refresh(with: credentials.shops[0].refreshToken).json["message"] as? String == "Invalid refresh_token.")
            #expect(try await official.refresh(with: mall.refreshToken).json["message"] as? String == "Invalid refresh_token.")
            // A shop that never authorised the app is not a token question.
            var stranger = TestShopeeClient(credentials.only(.init(shopID: 600_000_001, refreshToken: "")))
            stranger.accessToken = official.accessToken
            #expect(try await stranger.get("/api/v2/shop/get_shop_info", []).json["message"] as? String == "Invalid partner_id or shopid.")
            // Each token still works for its own shop.
            #expect(try await mall.get("/api/v2/shop/get_shop_info", []).json["shop_name"] as? String == SandboxShop.sukhonShopeeMall.name)
            #expect(try await official.get("/api/v2/shop/get_shop_info", []).json["shop_name"] as? String == SandboxShop.sukhonShopee.name)
        }
    }

    @Test("each shop's revenue and orders through the API equal its ground truth", arguments: [0, 1])
    func eachShopsOrdersEqualItsTruth(shopIndex: Int) async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.shopee
            let shop = try #require(server.world.shops.first { $0.shopID == credentials.shops[shopIndex].shopID })
            var client = TestShopeeClient(credentials.only(credentials.shops[shopIndex]))
            #expect(try await client.refresh().status == 200)
            // Given three days that include 11.11
            let first = SandboxTest.asOf.adding(days: -3), last = SandboxTest.asOf.adding(days: -1)
            let calendar = BusinessCalendar.bangkok
            var serials: [String] = []
            var cursor = ""
            repeat {
                let response = try await client.get("/api/v2/order/get_order_list", [
                    ("time_range_field", "create_time"), ("time_from", String(calendar.startOfDay(first))),
                    ("time_to", String(calendar.startOfDay(last.adding(days: 1)) - 1)), ("page_size", "100"),
                    ("cursor", cursor),
                ]).json.object("response")
                serials += try response.array("order_list").map { try $0.string("order_sn") }
                cursor = try response.string("next_cursor")
            } while !cursor.isEmpty
            #expect(Set(serials).count == serials.count)

            // When every order's detail is fetched, 50 at a time
            var revenue: [BusinessDate: Decimal] = [:], orders: [BusinessDate: Int] = [:]
            var codes: Set<String> = [], itemIDs: Set<Int64> = []
            for start in stride(from: 0, to: serials.count, by: 50) {
                let batch = serials[start..<min(start + 50, serials.count)]
                let reply = try await client.get("/api/v2/order/get_order_detail", [
                    ("order_sn_list", batch.joined(separator: ",")), ("response_optional_fields", "item_list,total_amount"),
                ])
                // Amounts are decoded from their JSON text as Decimal, never through Double.
                let list = try JSONDecoder().decode(ShopOrderEnvelope.self, from: reply.body).response.order_list
                #expect(list.count == batch.count)
                for order in list {
                    for item in order.item_list {
                        codes.insert(item.model_sku.isEmpty ? item.item_sku : item.model_sku)
                        itemIDs.insert(item.item_id)
                    }
                    guard !["CANCELLED", "TO_RETURN"].contains(order.order_status) else { continue }
                    let day = calendar.date(unixSeconds: order.create_time)
                    for item in order.item_list {
                        revenue[day, default: 0] += item.model_discounted_price * Decimal(item.model_quantity_purchased)
                    }
                    orders[day, default: 0] += 1
                }
            }

            // Then revenue and orders per Bangkok day equal the shop's ground truth, to the satang
            let truth = server.world.platformTruth(from: first, to: last).filter { $0.platform == .shopee && $0.accountID == String(shop.shopID) }
            #expect(truth.count == 3)
            for day in truth {
                #expect(day.orders > 0)
                #expect(revenue[day.date] == Decimal(day.revenueMinor) / 100)
                #expect(Int64(orders[day.date] ?? 0) == day.orders)
            }
            // And every line carries the shop's own SKU codes and item ids.
            let map = server.world.catalog.skuMap(for: shop)
            #expect(codes.isSubset(of: map.map(\.platformSKU)))
            #expect(Set(itemIDs.map(String.init)).isSubset(of: map.map(\.platformProductID)))
        }
    }

    @Test func eachShopListsTheCatalogUnderItsOwnIds() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.shopee
            var official = TestShopeeClient(credentials.only(credentials.shops[0]))
            var mall = TestShopeeClient(credentials.only(credentials.shops[1]))
            _ = try await official.refresh()
            _ = try await mall.refresh()
            func itemIDs(_ client: TestShopeeClient) async throws -> [Int64] {
                let response = try await client.get("/api/v2/product/get_item_list", [
                    ("offset", "0"), ("page_size", "100"), ("item_status", "NORMAL"), ("item_status", "UNLIST"),
                ]).json.object("response")
                return try response.array("item").map { try #require(SandboxTest.int64($0["item_id"])) }
            }
            let officialIDs = try await itemIDs(official), mallIDs = try await itemIDs(mall)
            #expect(mallIDs.count == server.world.products.count && officialIDs.count == mallIDs.count)
            #expect(Set(officialIDs).isDisjoint(with: mallIDs))
            let mallMap = server.world.catalog.skuMap(for: .sukhonShopeeMall)
            #expect(Set(mallIDs.map(String.init)) == Set(mallMap.map(\.platformProductID)))

            // The Mall's listing details carry the Mall's codes; the official shop's item ids are unknown to it.
            let info = try await mall.get("/api/v2/product/get_item_base_info", [
                ("item_id_list", (mallIDs.prefix(3) + officialIDs.prefix(2)).map(String.init).joined(separator: ",")),
            ]).json.object("response").array("item_list")
            #expect(info.compactMap { SandboxTest.int64($0["item_id"]) } == Array(mallIDs.prefix(3)))
            let variantListing = try #require(server.world.products.firstIndex { $0.hasVariants })
            let models = try await mall.get("/api/v2/product/get_model_list", [
                ("item_id", String(mallIDs[variantListing])),
            ]).json.object("response").array("model")
            let expected = mallMap.filter { $0.platformProductID == String(mallIDs[variantListing]) }
            #expect(models.map { $0["model_sku"] as? String } == expected.map(\.platformSKU))
            #expect(models.map { SandboxTest.int64($0["model_id"]).map(String.init) } == expected.map(\.platformModelID))
            let foreign = try await mall.get("/api/v2/product/get_model_list", [("item_id", String(officialIDs[variantListing]))]).json
            #expect(foreign["error"] as? String == "error_item_not_found")
        }
    }
}

extension ShopeeSandboxCredentials {
    /// These credentials as a client configured for `shop` alone sees them.
    fileprivate func only(_ shop: Shop) -> ShopeeSandboxCredentials {
        ShopeeSandboxCredentials(baseURL: baseURL, partnerID: partnerID, partnerKey: partnerKey, shopID: shop.shopID,
                                 refreshToken: shop.refreshToken)
    }
}

/// The part of a `get_order_detail` answer these tests read, with Shopee's field names.
private struct ShopOrderEnvelope: Decodable {
    struct Response: Decodable {
        let order_list: [Order]
    }

    struct Order: Decodable {
        let order_status: String
        let create_time: Int64
        let item_list: [Item]
    }

    struct Item: Decodable {
        let item_id: Int64
        let item_sku: String
        let model_sku: String
        let model_discounted_price: Decimal
        let model_quantity_purchased: Int
    }

    let response: Response
}
