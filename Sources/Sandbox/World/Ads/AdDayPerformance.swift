import OmnidashCore

/// One ad's delivery on one day, in its account's currency: one insights row at `level=ad&time_increment=1`.
///
/// Purchases are stored by how late Meta attributes them; `conversions(age:)` gives what Meta reports while the
/// day is still restating, growing towards the final count as the day ages.
struct AdDayPerformance: Sendable {
    let adIndex: Int
    let day: BusinessDate
    /// Spend in the account currency's minor units (satang or cents).
    let spendMinor: Int64
    let impressions: Int64
    let reach: Int64
    let clicks: Int64
    let inlineLinkClicks: Int64
    let landingPageViews: Int64
    let addToCart: Int64
    let addToCartValueMinor: Int64
    /// Purchases (and their value) by reporting lag: index `i` is first reported when the day is `i + 1` days old.
    let purchasesByLag: [Int64]
    let purchaseValueByLag: [Int64]

    struct Conversions: Sendable {
        let purchases: Int64
        let valueMinor: Int64
    }

    /// The purchases reported for this day when the world's "now" is `age` days after it: those whose lag has
    /// passed. Meta keeps restating recent days (ads-apis.md §1.5, 28-day lookback); here the first week moves.
    func conversions(age: Int) -> Conversions {
        let reported = max(0, min(age, purchasesByLag.count))
        return Conversions(purchases: purchasesByLag.prefix(reported).reduce(0, +),
                           valueMinor: purchaseValueByLag.prefix(reported).reduce(0, +))
    }

    /// Cumulative share (‰) of purchases reported by the time the day is 1, 2, … 8 days old.
    static let reportedPermilleByAge: [Int] = [780, 860, 910, 940, 960, 980, 990, 1_000]
}

/// Generates each ad's daily delivery from a random stream seeded by (seed, ad, day).
struct AdPerformanceGenerator: Sendable {
    let seed: UInt64
    let plan: MetaAdsPlan
    let demand: DemandCalendar

    /// Whether the ad delivered on `day`: the first ad of each ad set runs every day, the second in weekly flights
    /// (off roughly one week in five), so ads start and stop on different days.
    func isActive(adIndex: Int, on day: BusinessDate) -> Bool {
        if plan.ad(of: plan.ads[adIndex]).alwaysOn { return true }
        let week = Int64((day.daysSinceEpoch + 3).quotientAndRemainder(dividingBy: 7).quotient)
        var generator = SeededGenerator(seed: seed, stream: .adFlight, Int64(adIndex), week)
        return generator.below(5) != 0
    }

    func performance(adIndex: Int, on day: BusinessDate) -> AdDayPerformance? {
        guard isActive(adIndex: adIndex, on: day) else { return nil }
        let campaign = plan.campaign(of: plan.ads[adIndex])
        var generator = SeededGenerator(seed: seed, stream: .adDay, Int64(adIndex), Int64(day.daysSinceEpoch))
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
        return AdDayPerformance(
            adIndex: adIndex, day: day, spendMinor: spend, impressions: impressions, reach: reach, clicks: clicks,
            inlineLinkClicks: linkClicks, landingPageViews: landingPageViews, addToCart: addToCart,
            addToCartValueMinor: addToCartValue, purchasesByLag: purchasesByLag, purchaseValueByLag: valueByLag
        )
    }
}
