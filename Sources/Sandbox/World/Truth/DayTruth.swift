import OmnidashCore

/// What the world really sold and spent on one business day: the figures the marts must reproduce exactly.
///
/// Orders count on the day of their `create_time` in the world's calendar, when their status at the world's "now"
/// normalises to completed or pending; revenue is Σ `model_discounted_price` × `model_quantity_purchased`
/// (shipping excluded). Ads count on the insight's date; spend is Σ over ad rows of the row's spend converted at that
/// day's rate and rounded half away from zero to the satang; conversions are the `omni_purchase` counts as served.
public struct DayTruth: Codable, Sendable, Equatable {
    public var date: BusinessDate
    /// Revenue in satang.
    public var revenueMinor: Int64
    public var orders: Int64
    public var units: Int64
    /// Ad spend in satang.
    public var spendMinor: Int64
    public var clicks: Int64
    public var impressions: Int64
    public var conversions: Int64

    public init(
        date: BusinessDate, revenueMinor: Int64 = 0, orders: Int64 = 0, units: Int64 = 0, spendMinor: Int64 = 0,
        clicks: Int64 = 0, impressions: Int64 = 0, conversions: Int64 = 0
    ) {
        self.date = date
        self.revenueMinor = revenueMinor
        self.orders = orders
        self.units = units
        self.spendMinor = spendMinor
        self.clicks = clicks
        self.impressions = impressions
        self.conversions = conversions
    }

    enum CodingKeys: String, CodingKey {
        case date
        case revenueMinor = "revenue_minor"
        case orders, units
        case spendMinor = "spend_minor"
        case clicks, impressions, conversions
    }
}
