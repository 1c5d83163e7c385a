import OmnidashCore

/// One ad's delivery on one of the world's days, in its account's currency: what the platform reports for the ad
/// and the day.
///
/// Purchases are stored by how late the platform attributes them; `conversions(age:)` gives what is reported while
/// the day is still restating, growing towards the final count as the day ages.
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
    /// Video plays of at least two seconds (zero for ads without video).
    let videoViews: Int64
    /// Likes, comments and shares.
    let engagements: Int64
    /// Share of purchases, in permille, made of the advertised item itself rather than another item of the shop (a
    /// marketplace's "direct" against its "broad" conversions).
    let directPermille: Int64

    struct Conversions: Sendable, Equatable {
        let purchases: Int64
        let valueMinor: Int64
    }

    /// The purchases reported for this day when the world's "now" is `age` days after it: those whose lag has
    /// passed. Platforms keep restating recent days (Meta for 28 days); here the first week moves.
    func conversions(age: Int) -> Conversions {
        let reported = max(0, min(age, purchasesByLag.count))
        return Conversions(purchases: purchasesByLag.prefix(reported).reduce(0, +),
                           valueMinor: purchaseValueByLag.prefix(reported).reduce(0, +))
    }

    /// The direct part of `conversions(age:)`: the advertised item's own purchases and their value.
    func directConversions(age: Int) -> Conversions {
        let all = conversions(age: age)
        return Conversions(purchases: all.purchases * directPermille / 1_000, valueMinor: all.valueMinor * directPermille / 1_000)
    }

    /// Cumulative share (‰) of purchases reported by the time the day is 1, 2, … 8 days old.
    static let reportedPermilleByAge: [Int] = [780, 860, 910, 940, 960, 980, 990, 1_000]
}
