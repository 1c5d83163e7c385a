import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// The world's settlement rules, order by order.
@Suite("Settlement fees")
struct SettlementFeesTests {
    @Test func everyOrderFollowsTheSettlementRules() {
        let world = SandboxWorld(seed: 42, asOf: SandboxTest.asOf)
        let settlements = world.orderFeeTruth(from: SandboxTest.asOf.adding(days: -30), to: SandboxTest.asOf.adding(days: -1))
        #expect(settlements.count > 5_000)
        var byID: [String: SimulatedOrder] = [:]
        for day in SandboxTest.asOf.adding(days: -30)...SandboxTest.asOf.adding(days: -1) {
            for shop in world.shops where shop.platform.kind == .marketplace {
                for order in world.orders(on: day, shop: shop) { byID["\(shop.shopID)|\(order.orderSN)"] = order }
            }
        }
        var settled = 0
        for settlement in settlements {
            guard let order = byID["\(settlement.shopID)|\(settlement.orderID)"] else {
                Issue.record("unknown order \(settlement.orderID)")
                continue
            }
            let completed = order.timeline.first { $0.status == .completed }?.time
            if order.timeline.contains(where: { $0.status == .returned }) || completed == nil {
                #expect(settlement.settlementTime == nil && !settlement.settled)
            }
            if let completed, let time = settlement.settlementTime {
                let slack: Int64 = settlement.platform == .tiktokShop ? 86_400 : 0
                #expect(time - completed >= 2 * 86_400 && time - completed <= 10 * 86_400 + slack)
                #expect(settlement.settled == (time <= world.nowUnix))
            }
            if settlement.settled {
                settled += 1
                #expect(settlement.settlementMinor == settlement.itemsTotalMinor - settlement.fees.totalMinor)
                #expect(FeeType.allCases.allSatisfy { settlement.fees[$0] >= 0 })
                #expect(settlement.fees[.commission] > 0 && settlement.fees[.transaction] > 0)
                #expect(settlement.itemsTotalMinor == order.itemsTotalMinor(at: world.nowUnix))
            } else {
                #expect(settlement.fees.totalMinor == 0 && settlement.settlementMinor == 0)
            }
        }
        #expect(settled > settlements.count / 3)
        // The same seed gives the same fees.
        let again = SandboxWorld(seed: 42, asOf: SandboxTest.asOf).feeTruth(from: SandboxTest.asOf.adding(days: -20), to: SandboxTest.asOf.adding(days: -20))
        #expect(again == world.feeTruth(from: SandboxTest.asOf.adding(days: -20), to: SandboxTest.asOf.adding(days: -20)))
    }
}
