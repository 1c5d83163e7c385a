import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

@Suite("Sandbox world")
struct WorldTests {
    let asOf = SandboxTest.asOf

    @Test func sameSeedAndDateGiveTheSameWorld() throws {
        // Given two worlds built alike
        let first = SandboxWorld(seed: 42, asOf: asOf)
        let second = SandboxWorld(seed: 42, asOf: asOf)
        let from = asOf.adding(days: -10), to = asOf.adding(days: -1)
        // Then the truth and the exported orders are identical, line for line
        #expect(first.truth(from: from, to: to) == second.truth(from: from, to: to))
        #expect(first.campaignTruth(from: from, to: to) == second.campaignTruth(from: from, to: to))
        #expect(try exportedLines(first, count: 1_500) == exportedLines(second, count: 1_500))
    }

    @Test func anotherSeedGivesAnotherWorld() throws {
        let first = SandboxWorld(seed: 42, asOf: asOf)
        let other = SandboxWorld(seed: 43, asOf: asOf)
        let from = asOf.adding(days: -5), to = asOf.adding(days: -1)
        #expect(first.truth(from: from, to: to) != other.truth(from: from, to: to))
        #expect(try exportedLines(first, count: 200) != exportedLines(other, count: 200))
    }

    @Test func daysOnOrAfterAsOfAreEmpty() {
        let world = SandboxWorld(seed: 42, asOf: asOf)
        for day in world.truth(from: asOf, to: asOf.adding(days: 3)) {
            #expect(day == DayTruth(date: day.date))
        }
    }

    @Test func ordinaryDaysHaveSeveralHundredOrdersAndCampaignDaysSeveralTimesMore() {
        let world = SandboxWorld(seed: 42, asOf: asOf)
        // The reference shop's days: the planted outages are its own.
        let reference = String(world.shops[0].shopID)
        let days = world.platformTruth(from: asOf.adding(days: -60), to: asOf.adding(days: -1))
            .filter { $0.platform == world.shops[0].platform && $0.accountID == reference }
        let outages = Set(world.outageDays(from: asOf.adding(days: -60), to: asOf.adding(days: -1)))
        let campaignDays: Set<BusinessDate> = [BusinessDate("2026-11-11")!, BusinessDate("2026-10-10")!]
        let ordinary = days.filter { !outages.contains($0.date) && !campaignDays.contains($0.date) }
        let median = ordinary.map(\.orders).sorted()[ordinary.count / 2]
        #expect((300...600).contains(median))
        let singlesDay = days.first { $0.date == BusinessDate("2026-11-11")! }!
        #expect(singlesDay.orders > 3 * median)
        #expect(days.allSatisfy { $0.units >= $0.orders && $0.revenueMinor > 0 })
    }

    @Test(arguments: [42, 7, 2026] as [UInt64])
    func theLastThirtyDaysHoldARevenueDropOfMoreThanTwentyPercent(seed: UInt64) {
        let world = SandboxWorld(seed: seed, asOf: asOf)
        let days = world.truth(from: asOf.adding(days: -31), to: asOf.adding(days: -1))
        let drops = zip(days, days.dropFirst()).filter { previous, day in
            day.revenueMinor * 10 < previous.revenueMinor * 8
        }.map { $0.1.date }
        let planted = world.outageDays(from: asOf.adding(days: -30), to: asOf.adding(days: -1))
        #expect(!planted.isEmpty)
        for day in planted { #expect(drops.contains(day)) }
    }

    @Test(arguments: [42, 7, 2026] as [UInt64])
    func oneCampaignHasARoasBelowTwoOverTheLastThirtyDays(seed: UInt64) {
        let world = SandboxWorld(seed: seed, asOf: asOf)
        var spend: [String: Int64] = [:], value: [String: Int64] = [:]
        for row in world.campaignTruth(from: asOf.adding(days: -30), to: asOf.adding(days: -1)) {
            let key = "\(row.platform.rawValue)/\(row.campaignID)"
            spend[key, default: 0] += row.spendMinor
            value[key, default: 0] += row.conversionValueMinor
        }
        let roas = spend.mapValues { _ in 0.0 }.keys.reduce(into: [String: Double]()) {
            $0[$1] = Double(value[$1]!) / Double(spend[$1]!)
        }
        #expect(roas.count == world.adAccounts.flatMap(\.campaigns).count, "every campaign of every ad platform delivers")
        #expect(Set(world.adAccounts.map(\.platform)) == Set(Platform.allCases.filter { $0.kind == .advertising }))
        let low = roas.filter { $0.value < 2 }
        #expect(low.keys.sorted() == ["facebook/\(world.underperformingCampaign.id)"])
    }

    @Test func recentConversionsRestateTowardsTheirFinalValue() {
        let day = asOf.adding(days: -3)
        let early = SandboxWorld(seed: 42, asOf: day.adding(days: 1)).truth(from: day, to: day)[0]
        let later = SandboxWorld(seed: 42, asOf: day.adding(days: 10)).truth(from: day, to: day)[0]
        #expect(early.conversions < later.conversions)
        #expect(early.spendMinor == later.spendMinor)
        #expect(early.clicks == later.clicks)
    }

    @Test func fxRatesWalkWithinTheirBand() throws {
        let world = SandboxWorld(seed: 42, asOf: asOf)
        #expect(world.fxRate(currency: "THB", on: asOf) == 1)
        #expect(world.fxRate(currency: "XYZ", on: asOf) == nil)
        let rates = (0..<400).map { world.fxRate(currency: "USD", on: asOf.adding(days: -$0))! }
        #expect(rates.allSatisfy { $0 >= 33 && $0 <= 37 })
        #expect(Set(rates).count > 100)
    }

    @Test("every shop's SKU map gives each of its SKUs a different master SKU", arguments: 0..<4)
    func theSkuMapGivesEveryShopSkuADifferentMasterSku(shopIndex: Int) {
        let world = SandboxWorld(seed: 42, asOf: asOf)
        #expect(world.shops.count == 4)
        let map = world.catalog.skuMap(for: world.shops[shopIndex])
        #expect(world.products.count >= 40)
        #expect(Set(map.map(\.platformSKU)).count == map.count)
        #expect(Set(map.map(\.skuMaster)).count == map.count)
        #expect(map.allSatisfy { $0.platformSKU != $0.skuMaster && $0.cost > 0 && $0.cost < $0.listPrice })
        #expect(map.contains { NSDecimalNumber(decimal: $0.listPrice * 100).int64Value % 100 != 0 })
    }

    @Test func exportStreamsObjectsWithSerialAndItems() throws {
        // Given a large export (memory stays flat: days are generated one at a time and never cached)
        let world = SandboxWorld(seed: 42, asOf: asOf)
        var lines = 0
        var sampled = 0
        try world.exportShopeeOrders(count: 200_000) { chunk in
            // Then chunks hold whole lines, each one JSON object with a serial and an item list (sampled: parsing
            // all 200,000 lines in a debug build would dominate the test)
            #expect(chunk.last == UInt8(ascii: "\n"))
            try chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                guard let base = raw.baseAddress else { return }
                var offset = 0
                // memchr keeps the scan of ~450 MB fast in a debug build.
                while offset < raw.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), raw.count - offset) {
                    let end = UnsafeRawPointer(found) - base
                    lines += 1
                    if lines % 199 == 1 {
                        let line = Data(raw[offset..<end])
                        let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
                        #expect(object["order_sn"] is String)
                        #expect(object["item_list"] is [Any])
                        sampled += 1
                    }
                    offset = end + 1
                }
            }
        }
        #expect(lines == 200_000)
        #expect(sampled == (200_000 + 198) / 199)
    }

    @Test("every shop's orders are realistic and can be found again by their marketplace number", arguments: 0..<4)
    func rangeOfOrdersIsRealistic(shopIndex: Int) throws {
        let world = SandboxWorld(seed: 42, asOf: asOf)
        let shop = world.shops[shopIndex]
        let orders = (1...20).flatMap { world.orders(on: asOf.adding(days: -$0), shop: shop) }
        let now = world.nowUnix
        let cancelled = orders.filter { $0.status(at: now) == .cancelled }.count
        let returned = orders.filter { $0.status(at: now) == .returned }.count
        let cancelShare = Double(cancelled) / Double(orders.count)
        #expect(cancelShare > 0.04 && cancelShare < 0.09)
        #expect(returned > 0)
        #expect(orders.count > 20 * 150, "several hundred orders a day")
        #expect(orders.allSatisfy { order in order.lines.allSatisfy { $0.discountedPriceMinor <= $0.originalPriceMinor } })
        #expect(orders.allSatisfy { (1...4).contains($0.lines.count) && $0.lines.allSatisfy { (1...3).contains($0.quantity) } })
        #expect(orders.allSatisfy { world.order(number: $0.orderSN, shop: shop)?.createTime == $0.createTime })
        // Only a marketplace with a status per line lets the seller cancel one line alone.
        let withdrawn = orders.filter { $0.withdrawnLine != nil }
        #expect(shop.lineStatuses ? !withdrawn.isEmpty : withdrawn.isEmpty)
        #expect(withdrawn.allSatisfy { $0.itemsTotalMinor(at: now) < $0.lines.reduce(0) { $0 + $1.discountedPriceMinor * Int64($1.quantity) } })
    }

    @Test func shopsHaveTheirOwnSKUsAndPeaks() {
        let world = SandboxWorld(seed: 42, asOf: asOf)
        let map = world.skuMap
        let byPlatform = Dictionary(grouping: map, by: \.platform)
        #expect(Set(byPlatform.keys) == Set(world.shops.map(\.platform)))
        let shopeeSKUs = Set(byPlatform[.shopee, default: []].map(\.platformSKU))
        let lazadaSKUs = Set(byPlatform[.lazada, default: []].map(\.platformSKU))
        #expect(shopeeSKUs.isDisjoint(with: lazadaSKUs), "each marketplace writes its own SKU codes")
        #expect(Set(byPlatform[.shopee, default: []].map(\.skuMaster)) == Set(byPlatform[.lazada, default: []].map(\.skuMaster)))
        // Lazada's birthday sale (27 March) is Lazada's own peak: the Shopee shop has an ordinary day.
        let world2 = SandboxWorld(seed: 42, asOf: BusinessDate("2026-04-01")!)
        let birthday = BusinessDate("2026-03-27")!, before = BusinessDate("2026-03-20")!
        let lazada = world2.shops.first { $0.platform == .lazada }!, shopee = world2.shops.first { $0.platform == .shopee }!
        #expect(world2.orders(on: birthday, shop: lazada).count > 2 * world2.orders(on: before, shop: lazada).count)
        #expect(world2.orders(on: birthday, shop: shopee).count < 2 * world2.orders(on: before, shop: shopee).count)
    }

    private func exportedLines(_ world: SandboxWorld, count: Int) throws -> [String] {
        var data = Data()
        try world.exportShopeeOrders(count: count) { data.append($0) }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
