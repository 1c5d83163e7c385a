import OmnidashCore

/// What one shop's orders of one business day settled for: the fees per type and the payout of the orders settled
/// by the world's "now", and how many of the day's orders are settled and not (cancelled, pending, returned or
/// still waiting for release). The day is the orders' creation day, so fees sit on the day of their revenue.
public struct FeeDayTruth: Sendable, Equatable {
    public var date: BusinessDate
    public var platform: Platform
    public var shopID: String
    /// Σ fees of the settled orders, per type, in satang.
    public var fees = FeeBreakdown()
    /// Σ items total of the settled orders.
    public var itemsTotalMinor: Int64 = 0
    /// Σ payouts of the settled orders: `itemsTotalMinor − fees.totalMinor`.
    public var settlementMinor: Int64 = 0
    public var settledOrders: Int64 = 0
    public var unsettledOrders: Int64 = 0

    public init(date: BusinessDate, platform: Platform, shopID: String) {
        self.date = date
        self.platform = platform
        self.shopID = shopID
    }
}
