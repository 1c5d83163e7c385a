import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

@Suite("Sandbox control endpoints")
struct ControlEndpointTests {
    @Test func credentialsTruthSkuMapAndFxAreServed() async throws {
        try await SandboxTest.withServer { server in
            let health = try await SandboxTest.get(server.baseURL + "/_sandbox/health").json
            #expect(health["status"] as? String == "ok")

            let credentials = try await SandboxTest.get(server.baseURL + "/_sandbox/credentials")
            let decoded = try JSONDecoder().decode(SandboxCredentials.self, from: credentials.body)
            #expect(decoded.shopee == server.credentials.shopee && decoded.facebook == server.credentials.facebook)
            let keys = Set((try JSONSerialization.jsonObject(with: credentials.body) as? [String: Any] ?? [:]).keys)
            #expect(keys == Set(server.credentials.all.map { type(of: $0).platform.rawValue } + ["fx", "notifications"]),
                    "one object keyed by Platform raw value, plus the FX feed and where alerts are received")
            #expect(credentials.text.contains("\"partner_key\""))
            #expect(decoded.fx.url == server.baseURL + "/_sandbox/fx")
            #expect(decoded.facebook.accountIDs.allSatisfy { $0.hasPrefix("act_") })

            let from = SandboxTest.asOf.adding(days: -2), to = SandboxTest.asOf
            let days = try await SandboxTest.get(server.baseURL + "/_sandbox/truth?from=\(from)&to=\(to)").json.array("days")
            #expect(days.count == 3)
            let truth = server.world.truth(from: from, to: to)
            for (served, expected) in zip(days, truth) {
                #expect(SandboxTest.int64(served["revenue_minor"]) == expected.revenueMinor)
                #expect(served["revenue"] as? String == Money.format(minorUnits: expected.revenueMinor, digits: 2))
                #expect(SandboxTest.int64(served["spend_minor"]) == expected.spendMinor)
                // Each day lists its platforms' slices, which add up to the day.
                let slices = try #require(served["platforms"] as? [[String: Any]])
                #expect(Set(slices.compactMap { $0["platform"] as? String }).isSuperset(of: ["shopee", "lazada"]))
                #expect(slices.compactMap { SandboxTest.int64($0["revenue_minor"]) }.reduce(0, +) == expected.revenueMinor)
                #expect(slices.filter { $0["platform"] as? String == "lazada" }.allSatisfy { $0["shop_id"] as? String == String(server.credentials.lazada.sellerID) })
                // A shop's slice counts its refunds as the shop mart does; an ad account's has none.
                let shopTruth = server.world.platformTruth(from: expected.date, to: expected.date).filter { $0.platform.kind == .marketplace }
                for slice in slices where slice["shop_id"] != nil {
                    let truth = shopTruth.first { $0.accountID == slice["shop_id"] as? String && $0.platform.rawValue == slice["platform"] as? String }
                    #expect(SandboxTest.int64(slice["refunded_orders"]) == truth?.refundedOrders)
                    #expect(SandboxTest.int64(slice["refund_minor"]) == truth?.refundMinor)
                }
                #expect(slices.filter { $0["account_id"] != nil }.allSatisfy { $0["refund_minor"] == nil })
            }
            #expect(server.world.platformTruth(from: from, to: from).contains { $0.refundedOrders > 0 }, "a day has cancelled orders")
            #expect(SandboxTest.int64(days[2]["orders"]) == 0)

            let map = try await SandboxTest.get(server.baseURL + "/_sandbox/sku-map")
            #expect(try JSONDecoder().decode([SKUMapEntry].self, from: map.body) == server.world.skuMap)

            let rates = try await SandboxTest.get(server.baseURL + "/_sandbox/fx?from=\(from)&to=\(to)").json
            #expect(rates["base"] as? String == "THB")
            let list = try rates.array("rates")
            #expect(list.count == 2)
            #expect(try list.allSatisfy { try $0.string("rate").split(separator: ".").last?.count == 4 })

            let bad = try await SandboxTest.get(server.baseURL + "/_sandbox/truth?from=yesterday&to=\(to)")
            #expect(bad.status == 400)
        }
    }
}
