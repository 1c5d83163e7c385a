import OmnidashCore

/// One insights row before rendering: an object at the requested level over one time bucket, with its metrics
/// summed from the ad-day deliveries beneath it.
struct InsightsRow: Sendable {
    let account: Int
    /// Position of the object in the plan: campaign, ad set and ad indices as deep as the level goes.
    let campaign: Int?
    let adSet: Int?
    let ad: Int?
    let dateStart: BusinessDate
    let dateStop: BusinessDate
    /// The row's buckets when the request asks for `breakdowns=age,gender`.
    var age: String? = nil
    var gender: String? = nil
    var metrics = InsightsMetrics()
}

/// Summable metrics of an insights row, money in the account currency's minor units.
struct InsightsMetrics: Sendable {
    var spendMinor: Int64 = 0
    var impressions: Int64 = 0
    var reach: Int64 = 0
    var clicks: Int64 = 0
    var inlineLinkClicks: Int64 = 0
    var landingPageViews: Int64 = 0
    var addToCart = ActionStat()
    var purchases = ActionStat()

    mutating func add(_ day: AdDayPerformance, age: Int) {
        spendMinor += day.spendMinor
        impressions += day.impressions
        reach += day.reach
        clicks += day.clicks
        inlineLinkClicks += day.inlineLinkClicks
        landingPageViews += day.landingPageViews
        addToCart.add(count: day.addToCart, value: day.addToCartValueMinor)
        let served = day.conversions(age: age)
        purchases.add(count: served.purchases, value: served.valueMinor)
    }

    mutating func add(_ other: InsightsMetrics) {
        spendMinor += other.spendMinor
        impressions += other.impressions
        reach += other.reach
        clicks += other.clicks
        inlineLinkClicks += other.inlineLinkClicks
        landingPageViews += other.landingPageViews
        addToCart.add(other.addToCart)
        purchases.add(other.purchases)
    }

    /// Whether the row has anything to report.
    var isEmpty: Bool {
        impressions == 0 && spendMinor == 0 && clicks == 0 && purchases.count == 0 && purchases.value == 0
    }

    /// The metrics of one ad-day apportioned over `weights`; each metric's parts add up to it exactly.
    func split(_ weights: [Int64]) -> [InsightsMetrics] {
        let parts = { (total: Int64) in AudienceSplit.apportion(total, weights: weights) }
        let (spend, impressions, reach, clicks) = (parts(spendMinor), parts(self.impressions), parts(self.reach), parts(self.clicks))
        let (links, views) = (parts(inlineLinkClicks), parts(landingPageViews))
        // A value follows its count, so a cell without a purchase has no purchase value either.
        let carts = parts(addToCart.count), bought = parts(purchases.count)
        let cartValues = AudienceSplit.apportion(addToCart.value, weights: carts)
        let boughtValues = AudienceSplit.apportion(purchases.value, weights: bought)
        return weights.indices.map { index in
            var cell = InsightsMetrics(spendMinor: spend[index], impressions: impressions[index], reach: reach[index],
                                       clicks: clicks[index], inlineLinkClicks: links[index], landingPageViews: views[index])
            cell.addToCart.add(count: carts[index], value: cartValues[index])
            cell.purchases.add(count: bought[index], value: boughtValues[index])
            return cell
        }
    }
}

/// A conversion action's count and value in each attribution window the world models.
///
/// The default window (`value`) is Meta's 7-day click plus 1-day view: 85 % of conversions come from clicks within
/// 7 days (80 % of those within 1 day) and the rest from views within a day; every conversion falls within 28 days
/// of a click. Splits are made per ad-day, so windows add up across rows.
struct ActionStat: Sendable {
    enum Window: Int, CaseIterable {
        case value, oneDayClick, sevenDayClick, twentyEightDayClick, oneDayView

        var key: String? {
            switch self {
            case .value: nil
            case .oneDayClick: "1d_click"
            case .sevenDayClick: "7d_click"
            case .twentyEightDayClick: "28d_click"
            case .oneDayView: "1d_view"
            }
        }
    }

    var counts = [Int64](repeating: 0, count: Window.allCases.count)
    var values = [Int64](repeating: 0, count: Window.allCases.count)

    mutating func add(count: Int64, value: Int64) {
        let sevenDay = count * 85 / 100
        let oneDay = sevenDay * 80 / 100
        let sevenDayValue = count == 0 ? 0 : value * sevenDay / count
        let oneDayValue = count == 0 ? 0 : value * oneDay / count
        let countSplit = [count, oneDay, sevenDay, count, count - sevenDay]
        let valueSplit = [value, oneDayValue, sevenDayValue, value, value - sevenDayValue]
        for window in Window.allCases {
            counts[window.rawValue] += countSplit[window.rawValue]
            values[window.rawValue] += valueSplit[window.rawValue]
        }
    }

    /// Adds another stat window by window, keeping each one's own split.
    mutating func add(_ other: ActionStat) {
        for window in Window.allCases {
            counts[window.rawValue] += other.counts[window.rawValue]
            values[window.rawValue] += other.values[window.rawValue]
        }
    }

    var count: Int64 { counts[Window.value.rawValue] }
    var value: Int64 { values[Window.value.rawValue] }
}
