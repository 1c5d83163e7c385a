/// One hour of an ad's day, in the world's calendar hours (00–23 Bangkok): what a platform reports at hourly grain.
///
/// The hours of a day add up exactly to the day, metric by metric, so a client that re-buckets hourly rows into other
/// days' boundaries loses nothing. Reach does not add across hours and is split only for rendering.
struct AdHour: Sendable, Equatable {
    let hour: Int
    var spendMinor: Int64
    var impressions: Int64
    var reach: Int64
    var clicks: Int64
    var purchases: Int64
    var purchaseValueMinor: Int64
    var videoViews: Int64
    var engagements: Int64

    /// The share of a day's delivery in each hour (people shop at lunch and in the evening), as weights.
    static let weights: [Int64] = [
        20, 12, 8, 6, 6, 8, 14, 22, 30, 36, 40, 46, 52, 48, 44, 42, 44, 50, 58, 66, 72, 70, 56, 36,
    ]

    /// `total` split over the 24 hours by `weights`, largest remainders first (earlier hour on ties), summing to
    /// `total` exactly.
    static func split(_ total: Int64) -> [Int64] {
        let sum = weights.reduce(0, +)
        var parts = weights.map { total * $0 / sum }
        var left = total - parts.reduce(0, +)
        let order = weights.indices.sorted { (total * weights[$0] % sum, -$0) > (total * weights[$1] % sum, -$1) }
        for index in order where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts
    }
}

extension AdDayPerformance {
    /// The day's delivery hour by hour as served when the day is `age` days old.
    func hours(age: Int) -> [AdHour] {
        let served = conversions(age: age)
        let columns = [spendMinor, impressions, reach, clicks, served.purchases, served.valueMinor, videoViews, engagements]
            .map(AdHour.split)
        return (0..<24).map { hour in
            AdHour(hour: hour, spendMinor: columns[0][hour], impressions: columns[1][hour], reach: columns[2][hour],
                   clicks: columns[3][hour], purchases: columns[4][hour], purchaseValueMinor: columns[5][hour],
                   videoViews: columns[6][hour], engagements: columns[7][hour])
        }
    }
}
