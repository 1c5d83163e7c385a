import OmnidashCore

/// Generates each ad's daily delivery from a random stream seeded by (seed, ad, day). An ad's stream is keyed by
/// its platform and id, not its position, so declaring another account leaves every other ad's delivery unchanged.
struct AdPerformanceGenerator: Sendable {
    let seed: UInt64
    let plan: AdsPlan
    let demand: DemandCalendar
    private let adKeys: [Int64]

    init(seed: UInt64, plan: AdsPlan, demand: DemandCalendar) {
        self.seed = seed
        self.plan = plan
        self.demand = demand
        self.adKeys = plan.ads.map { position in
            StableHash.fnv1a(plan.account(of: position).platform.rawValue + ":" + plan.ad(of: position).id)
        }
    }

    /// Whether the ad delivered on `day`: not before its campaign starts; the first ad of each ad set runs every day,
    /// the others in weekly flights (off roughly one week in five), so ads start and stop on different days.
    func isActive(adIndex: Int, on day: BusinessDate) -> Bool {
        let position = plan.ads[adIndex]
        guard day >= plan.campaign(of: position).startDate else { return false }
        if plan.ad(of: position).alwaysOn { return true }
        let week = Int64((day.daysSinceEpoch + 3).quotientAndRemainder(dividingBy: 7).quotient)
        var generator = SeededGenerator(seed: seed, stream: .adFlight, adKeys[adIndex], week)
        return generator.below(5) != 0
    }

    func performance(adIndex: Int, on day: BusinessDate) -> AdDayPerformance? {
        guard isActive(adIndex: adIndex, on: day) else { return nil }
        let campaign = plan.campaign(of: plan.ads[adIndex])
        var generator = SeededGenerator(seed: seed, stream: .adDay, adKeys[adIndex], Int64(day.daysSinceEpoch))
        let demandBoost = demand.campaignFactor(day) - 1
        // Budgets rise on campaign days and pay days; conversion rates rise a little on campaign days.
        let spendFactor = (1 + demandBoost * 0.3) * (demand.paydayFactor(day) > 1 ? 1.05 : 1) * generator.around(1, spread: 0.15)
        let spend = max(100, Int64((Double(campaign.dailySpendPerAdMinor) * spendFactor).rounded()))
        let cpm = generator.int64(in: campaign.cpmMinor)
        let impressions = max(1, spend * 1_000 / cpm)
        let frequencyPermille = Int64(generator.int(in: 1_150...1_600))
        let reach = max(1, impressions * 1_000 / frequencyPermille)
        let clicks = impressions * Int64(generator.int(in: campaign.ctrBasisPoints)) / 10_000
        let linkClicks = clicks * Int64(generator.int(in: 70...85)) / 100
        let landingPageViews = linkClicks * Int64(generator.int(in: 75...90)) / 100
        let expectedPurchases = Double(spend) * campaign.targetROAS * (1 + demandBoost * 0.1)
            / Double(campaign.averageOrderValueMinor)
        let purchases = min(landingPageViews, generator.roundStochastically(expectedPurchases))
        var purchasesByLag = [Int64](repeating: 0, count: AdDayPerformance.reportedPermilleByAge.count)
        var valueByLag = purchasesByLag
        for _ in 0..<purchases {
            let value = Int64((Double(campaign.averageOrderValueMinor) * generator.around(1, spread: 0.3)).rounded())
            let draw = generator.below(1_000)
            let lag = AdDayPerformance.reportedPermilleByAge.firstIndex { draw < $0 } ?? 0
            purchasesByLag[lag] += 1
            valueByLag[lag] += value
        }
        let addToCart = max(purchases, landingPageViews * Int64(generator.int(in: 8...14)) / 100)
        let addToCartValue = addToCart * campaign.averageOrderValueMinor * Int64(generator.int(in: 90...120)) / 100
        let videoViews = campaign.kind == .search || campaign.kind == .shopping
            ? 0 : impressions * Int64(generator.int(in: 180...340)) / 1_000
        let engagements = impressions * Int64(generator.int(in: 4...18)) / 1_000
        let directPermille = Int64(generator.int(in: 520...780))
        return AdDayPerformance(
            adIndex: adIndex, day: day, spendMinor: spend, impressions: impressions, reach: reach, clicks: clicks,
            inlineLinkClicks: linkClicks, landingPageViews: landingPageViews, addToCart: addToCart,
            addToCartValueMinor: addToCartValue, purchasesByLag: purchasesByLag, purchaseValueByLag: valueByLag,
            videoViews: videoViews, engagements: engagements, directPermille: directPermille
        )
    }
}
