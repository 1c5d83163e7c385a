import OmnidashCore

/// What one shop sold, or one ad account delivered, on one business day: the ground truth per (date, platform, shop
/// or account), which `mart_shop_performance` and the per-platform marts must reproduce exactly. A shop's slice has
/// only sales; an ad account's only delivery.
public struct PlatformDayTruth: Codable, Sendable, Equatable {
    public var date: BusinessDate
    public var platform: Platform
    /// The shop id (a `shop_id` or `seller_id`) or the ad account id without `act_`.
    public var accountID: String
    /// Revenue in satang: Σ discounted unit price × quantity of the lines still in orders that count.
    public var revenueMinor: Int64 = 0
    public var orders: Int64 = 0
    public var units: Int64 = 0
    /// Orders of the day that were cancelled or refunded by "now", and their full items total in satang: what the
    /// marts call refunds.
    public var refundedOrders: Int64 = 0
    public var refundMinor: Int64 = 0
    /// Ad spend in satang, each ad row converted at the day's rate and rounded half away from zero.
    public var spendMinor: Int64 = 0
    public var clicks: Int64 = 0
    public var impressions: Int64 = 0
    public var conversions: Int64 = 0

    public init(date: BusinessDate, platform: Platform, accountID: String) {
        self.date = date
        self.platform = platform
        self.accountID = accountID
    }

    enum CodingKeys: String, CodingKey {
        case date, platform, accountID = "account_id"
        case revenueMinor = "revenue_minor", orders, units, refundedOrders = "refunded_orders", refundMinor = "refund_minor"
        case spendMinor = "spend_minor", clicks, impressions, conversions
    }
}
