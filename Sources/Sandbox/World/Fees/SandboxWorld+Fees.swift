import OmnidashCore

extension SandboxWorld {
    /// The settlement of `order` as of the world's "now".
    func settlement(of order: SimulatedOrder) -> OrderSettlement {
        OrderSettlement(order: order, shop: shops[order.shopIndex], now: nowUnix)
    }

    /// Fee ground truth per (business date, marketplace shop) over the closed range, ordered by date, then platform,
    /// then shop id; every marketplace shop has a row every day before `asOf`.
    public func feeTruth(from: BusinessDate, to: BusinessDate) -> [FeeDayTruth] {
        guard from <= to else { return [] }
        var result: [FeeDayTruth] = []
        let marketplaces = shops.filter { $0.platform.kind == .marketplace }
        for day in from...to {
            var rows: [FeeDayTruth] = []
            for shop in marketplaces {
                var row = FeeDayTruth(date: day, platform: shop.platform, shopID: String(shop.shopID))
                for order in orders(on: day, shop: shop) {
                    let settlement = settlement(of: order)
                    guard settlement.settled else {
                        row.unsettledOrders += 1
                        continue
                    }
                    row.settledOrders += 1
                    row.fees += settlement.fees
                    row.itemsTotalMinor += settlement.itemsTotalMinor
                    row.settlementMinor += settlement.settlementMinor
                }
                rows.append(row)
            }
            result += rows.sorted { ($0.platform.rawValue, $0.shopID) < ($1.platform.rawValue, $1.shopID) }
        }
        return result
    }

    /// Every marketplace order created in the closed range with its settlement (settled or not), by date, shop and
    /// creation time.
    public func orderFeeTruth(from: BusinessDate, to: BusinessDate) -> [OrderSettlement] {
        guard from <= to else { return [] }
        var result: [OrderSettlement] = []
        for day in from...to {
            for shop in shops where shop.platform.kind == .marketplace {
                result += orders(on: day, shop: shop).map(settlement(of:))
            }
        }
        return result
    }

    /// The orders of `shop` settled with a settlement time in `[from, to]` (Unix seconds), ascending by settlement
    /// time then order number. An order settles at most `longestLife + 10 days` after its creation, so only those
    /// creation days are generated.
    func settledOrders(shop: SandboxShop, from: Int64, to: Int64) -> [(order: SimulatedOrder, settlement: OrderSettlement)] {
        let key = [Int64(shops.firstIndex(of: shop) ?? -1), from, to]
        if let cached = settledWindows.withLock({ $0.value(for: key) }) { return cached }
        let found = computeSettledOrders(shop: shop, from: from, to: to)
        settledWindows.withLock { $0.insert(found, for: key) }
        return found
    }

    private func computeSettledOrders(shop: SandboxShop, from: Int64, to: Int64) -> [(order: SimulatedOrder, settlement: OrderSettlement)] {
        let upper = min(to, nowUnix)
        guard from <= upper else { return [] }
        let reach = OrderDayGenerator.longestLife + OrderSettlement.delay.upperBound + 86_400
        let firstDay = calendar.date(unixSeconds: from - reach)
        let lastDay = min(calendar.date(unixSeconds: upper), asOf.adding(days: -1))
        guard firstDay <= lastDay else { return [] }
        var found: [(order: SimulatedOrder, settlement: OrderSettlement)] = []
        for day in firstDay...lastDay {
            for order in orders(on: day, shop: shop) {
                let settlement = settlement(of: order)
                guard settlement.settled, let time = settlement.settlementTime, time >= from, time <= upper else { continue }
                found.append((order, settlement))
            }
        }
        return found.sorted {
            ($0.settlement.settlementTime ?? 0, $0.order.orderSN) < ($1.settlement.settlementTime ?? 0, $1.order.orderSN)
        }
    }
}
