import CSV
import Foundation
import OmnidashCore

extension SandboxWorld {
    /// The day a quarter of the range changed cost: 30 days before "now", so a 90-day sync sees both costs.
    public var costChangeDate: BusinessDate { asOf.adding(days: -30) }

    /// Every master SKU's cost from the start, and the new cost of every fourth model (in catalogue order) from
    /// `costChangeDate` on: 10 % dearer, rounded to the satang.
    public var skuCosts: [SKUCost] {
        catalog.products.flatMap(\.models).enumerated().flatMap { index, model in
            var costs = [SKUCost(skuMaster: model.skuMaster, effectiveFrom: nil, cost: model.cost)]
            if Self.changesCost(index) {
                costs.append(SKUCost(skuMaster: model.skuMaster, effectiveFrom: costChangeDate, cost: Self.raised(model.cost)))
            }
            return costs
        }
    }

    /// The SKU map as a seller keeps it (`config/sku_mapping.csv`): one row per platform SKU with its master SKU,
    /// product, category, brand and the cost from the start, then one row per later cost with its
    /// `cost_effective_from`. Amounts in THB with two decimals.
    public func skuMapCSV() throws -> String {
        let writer = try CSVWriter(stream: .toMemory())
        try writer.write(row: ["sku_master", "platform", "platform_sku", "product_name", "category", "brand", "cost", "cost_effective_from"])
        let later = Dictionary(grouping: skuCosts.filter { $0.effectiveFrom != nil }, by: \.skuMaster)
        for entry in skuMap {
            let row = [entry.skuMaster, entry.platform.rawValue, entry.platformSKU, entry.productName, entry.category, entry.brand]
            try writer.write(row: row + [Self.text(entry.cost), ""])
            for change in later[entry.skuMaster] ?? [] {
                try writer.write(row: row + [Self.text(change.cost), change.effectiveFrom!.description])
            }
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The ground truth per (date, master SKU) over the closed range, ordered by date then SKU; only SKUs that sold.
    public func productTruth(from: BusinessDate, to: BusinessDate) -> [ProductDayTruth] {
        guard from <= to else { return [] }
        let costs = Dictionary(grouping: skuCosts, by: \.skuMaster)
        func costMinor(_ master: String, on day: BusinessDate) -> Int64 {
            let cost = (costs[master] ?? []).filter { ($0.effectiveFrom ?? day) <= day }.last?.cost ?? 0
            return NSDecimalNumber(decimal: cost * 100).int64Value
        }
        var result: [ProductDayTruth] = []
        for day in from...to {
            var bySKU: [String: ProductDayTruth] = [:]
            for shop in shops {
                for order in orders(on: day, shop: shop) where order.status(at: nowUnix).normalized.countsAsRevenue {
                    let settlement = shop.platform.kind == .marketplace ? settlement(of: order) : nil
                    var revenueBySKU: [String: Int64] = [:]
                    for line in order.liveLines(at: nowUnix) {
                        let master = catalog.model(of: line.unit).skuMaster
                        var truth = bySKU[master] ?? ProductDayTruth(date: day, skuMaster: master)
                        let quantity = Int64(line.quantity)
                        let revenue = line.discountedPriceMinor * quantity
                        truth.units += quantity
                        truth.revenueMinor += revenue
                        truth.unitsByPlatform[shop.platform, default: 0] += quantity
                        truth.revenueMinorByPlatform[shop.platform, default: 0] += revenue
                        truth.costMinor += quantity * costMinor(master, on: day)
                        if settlement?.settled != true { truth.unsettledRevenueMinor += revenue }
                        bySKU[master] = truth
                        revenueBySKU[master, default: 0] += revenue
                    }
                    if let settlement, settlement.settled {
                        for (master, share) in Self.allocate(settlement.fees.totalMinor, byRevenue: revenueBySKU) {
                            bySKU[master]?.feesMinor += share
                        }
                    }
                }
            }
            result += bySKU.values.sorted { $0.skuMaster < $1.skuMaster }
        }
        return result
    }

    /// An order's fees shared among its master SKUs in proportion to their revenue in it: each share rounded towards
    /// zero to the satang, the remainder to the SKU with the most revenue (the smaller code on a tie), so the shares
    /// add up to the fees exactly. `mart_product_performance` allocates by the same rule.
    static func allocate(_ fees: Int64, byRevenue revenue: [String: Int64]) -> [String: Int64] {
        let total = revenue.values.reduce(0, +)
        var shares = revenue.mapValues { total == 0 ? 0 : fees * $0 / total }
        let first = revenue.min { ($0.value, $1.key) > ($1.value, $0.key) }
        if let first { shares[first.key, default: 0] += fees - shares.values.reduce(0, +) }
        return shares
    }

    private static func changesCost(_ modelIndex: Int) -> Bool { modelIndex % 4 == 1 }

    private static func raised(_ cost: Decimal) -> Decimal {
        var raised = cost * Decimal(string: "1.1")!
        var rounded = Decimal()
        NSDecimalRound(&rounded, &raised, 2, .plain)
        return rounded
    }

    private static func text(_ amount: Decimal) -> String {
        AmountText.twoDecimals(minor: NSDecimalNumber(decimal: amount * 100).int64Value)
    }
}
