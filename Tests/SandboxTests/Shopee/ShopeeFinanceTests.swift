import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// `v2.payment.get_escrow_list` and `get_escrow_detail` against the fee truth, for both Shopee shops.
@Suite("Shopee finance")
struct ShopeeFinanceTests {
    /// Shopee's escrow fields mapped back to the neutral vocabulary, from the doc's field descriptions.
    static func neutralFees(_ income: [String: Any]) throws -> [String: Int64] {
        func value(_ name: String) throws -> Int64 { try #require(FinanceTest.minor(number: income[name]), "\(name)") }
        return [
            "commission": try value("commission_fee"),
            "transaction": try value("seller_transaction_fee"),
            "service": try value("service_fee"),
            // final_shipping_fee = rebate − actual; the buyer's own shipping is inside buyer_total_amount.
            "shipping_subsidy": -(try value("final_shipping_fee") + value("buyer_paid_shipping_fee")),
            "seller_voucher": try value("voucher_from_seller"),
            "platform_voucher": 0,
            "affiliate": try value("order_ams_commission_fee"),
            "other": 0,
        ]
    }

    @Test func escrowOfAFewDaysEqualsTheFeeTruthForEachShop() async throws {
        try await SandboxTest.withServer { server in
            let calendar = server.world.calendar
            let first = SandboxTest.asOf.adding(days: -24), last = SandboxTest.asOf.adding(days: -22)
            let truth = try await FinanceTest.truth(server, from: first, to: last)
            for shop in server.credentials.shopee.shops {
                var client = TestShopeeClient(server.credentials.shopee.forShop(shop))
                _ = try await client.refresh()

                // The shop's orders of those days, by creation day.
                var dayOf: [String: BusinessDate] = [:]
                for day in first...last {
                    var cursor = ""
                    repeat {
                        let reply = try await client.get("/api/v2/order/get_order_list", [
                            ("time_range_field", "create_time"), ("time_from", String(calendar.startOfDay(day))),
                            ("time_to", String(calendar.startOfDay(day.adding(days: 1)) - 1)), ("page_size", "100"), ("cursor", cursor),
                        ])
                        let response = try reply.json.object("response")
                        for entry in try response.array("order_list") { dayOf[try entry.string("order_sn")] = day }
                        cursor = response["next_cursor"] as? String ?? ""
                    } while !cursor.isEmpty
                }

                // Every escrow released since the first day, paged.
                var released: [String: Int64] = [:]
                var page = 1, more = true, listed = 0
                while more {
                    let reply = try await client.get("/api/v2/payment/get_escrow_list", [
                        ("release_time_from", String(calendar.startOfDay(first))),
                        ("release_time_to", String(calendar.startOfDay(SandboxTest.asOf) - 1)),
                        ("page_size", "100"), ("page_no", String(page)),
                    ])
                    let response = try reply.json.object("response")
                    for entry in try response.array("escrow_list") {
                        released[try entry.string("order_sn")] = try #require(FinanceTest.minor(number: entry["payout_amount"]))
                        listed += 1
                        #expect(SandboxTest.int64(entry["escrow_release_time"]).map { $0 < calendar.startOfDay(SandboxTest.asOf) } == true)
                    }
                    more = response["more"] as? Bool ?? false
                    page += 1
                }
                #expect(listed == released.count, "every escrow listed once")

                var tallies: [String: FinanceTest.Tally] = [:]
                for (serial, payout) in released {
                    guard let day = dayOf[serial] else { continue }
                    let reply = try await client.get("/api/v2/payment/get_escrow_detail", [("order_sn", serial)])
                    let json = try reply.json
                    #expect(json["error"] as? String == "")
                    let response = try json.object("response")
                    #expect(try response.string("order_sn") == serial)
                    let income = try response.object("order_income")
                    let escrow = try #require(FinanceTest.minor(number: income["escrow_amount"]))
                    #expect(escrow == payout)
                    let fees = try Self.neutralFees(income)
                    let items = try #require(FinanceTest.minor(number: income["order_selling_price"]))
                    #expect(escrow == items - fees.values.reduce(0, +), "settlement = items − fees")
                    var tally = tallies["\(day)|\(shop.shopID)", default: FinanceTest.Tally()]
                    for (name, amount) in fees { tally.fees[name, default: 0] += amount }
                    tally.itemsTotal += items
                    tally.settlement += escrow
                    tally.settledOrders += 1
                    tallies["\(day)|\(shop.shopID)"] = tally
                }
                for day in first...last {
                    let key = "\(day)|\(shop.shopID)"
                    let expected = try #require(truth.tallies[key])
                    #expect(expected.settledOrders > 20, "most orders of three weeks ago have settled")
                    #expect(tallies[key, default: FinanceTest.Tally()] == expected, "\(key)")
                }

                // An order of those days that never settled (cancelled or returned) has no escrow income.
                if let unsettled = dayOf.keys.sorted().first(where: { released[$0] == nil }) {
                    let reply = try await client.get("/api/v2/payment/get_escrow_detail", [("order_sn", unsettled)])
                    #expect(try reply.json["error"] as? String == "income_not_found")
                }
            }
        }
    }

    @Test func yesterdaysOrdersAreUnsettledAndTheCallsAreCheckedAsTheOthers() async throws {
        try await SandboxTest.withServer { server in
            let yesterday = SandboxTest.asOf.adding(days: -1)
            let truth = try await FinanceTest.truth(server, from: yesterday, to: yesterday)
            let credentials = server.credentials.shopee
            var official = TestShopeeClient(credentials.forShop(credentials.shops[0]))
            _ = try await official.refresh()
            var mall = TestShopeeClient(credentials.forShop(credentials.shops[1]))
            _ = try await mall.refresh()
            #expect(truth.tallies["\(yesterday)|\(credentials.shops[0].shopID)"]?.settledOrders == 0)

            let world = server.world
            let order = try #require(world.orders(on: yesterday, shop: .sukhonShopee).first)
            let detail = try await official.get("/api/v2/payment/get_escrow_detail", [("order_sn", order.orderSN)])
            #expect(try detail.json["error"] as? String == "income_not_found", "an unsettled order has no escrow")
            // The other shop's order is not found, even with a valid call.
            let foreign = try await mall.get("/api/v2/payment/get_escrow_detail", [("order_sn", order.orderSN)])
            #expect(try foreign.json["error"] as? String == "order_not_found")

            let window = [("release_time_from", String(world.nowUnix - 86_400)), ("release_time_to", String(world.nowUnix))]
            let forged = try await official.get("/api/v2/payment/get_escrow_list", window, sign: String(repeating: "0", count: 64))
            #expect(try forged.json["error"] as? String == "error_sign")
            let badToken = try await official.get("/api/v2/payment/get_escrow_list", window, token: "0123456789abcdef0123456789abcdef")
            #expect(try badToken.json["error"] as? String == "error_auth")
            let missing = try await official.get("/api/v2/payment/get_escrow_list", [])
            #expect(try missing.json["error"] as? String == "error_param")
            let tooBig = try await official.get("/api/v2/payment/get_escrow_list", window + [("page_size", "101")])
            #expect(try tooBig.json["error"] as? String == "error_param")
        }
    }
}

extension ShopeeSandboxCredentials {
    /// These credentials as a client configured for `shop` alone sees them.
    fileprivate func forShop(_ shop: Shop) -> ShopeeSandboxCredentials {
        ShopeeSandboxCredentials(baseURL: baseURL, partnerID: partnerID, partnerKey: partnerKey, shopID: shop.shopID,
                                 refreshToken: shop.refreshToken)
    }
}
