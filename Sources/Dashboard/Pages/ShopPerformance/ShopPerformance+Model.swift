import OmnidashCore

extension ShopPerformance {
    public struct Model: Sendable, Hashable, Codable {
        public var filters: DashboardFilters
        /// Every shop with figures, for the shop control.
        public var shops: [ScopeForm.Shop]
        /// In this order: revenue, orders, units, AOV, refund rate, refund amount, marketplace fees, profit after fees.
        public var kpis: [KPIValue]
        /// Revenue against the same days a month and a year before, and orders against a month before.
        public var growth: Growth
        /// One point per day of the range, revenue per marketplace shown.
        public var daily: [DailyRevenue]
        /// The marketplaces in the chart, in series order.
        public var marketplaces: [Platform]
        /// One row per shop in the scope, by revenue, largest first.
        public var rows: [ShopRow]
    }

    public struct Growth: Sendable, Hashable, Codable {
        public var revenueMoM: Double?
        public var revenueYoY: Double?
        public var ordersMoM: Double?
        /// The periods compared with.
        public var monthAgo: DateRange
        public var yearAgo: DateRange
    }

    public struct DailyRevenue: Sendable, Hashable, Codable {
        public var date: BusinessDate
        /// Revenue per marketplace, in `Model.marketplaces` order.
        public var revenueMinor: [Int64]
    }

    /// One shop's figures for the range, and what they are compared with.
    public struct ShopRow: Sendable, Hashable, Codable {
        public var platform: Platform
        public var shopID: String
        public var shopName: String?
        public var revenueMinor: Int64
        public var orders: Int64
        public var units: Int64
        public var refundedOrders: Int64
        public var refundAmountMinor: Int64
        public var previousRevenueMinor: Int64
        public var monthAgoRevenueMinor: Int64
        public var yearAgoRevenueMinor: Int64
        public var monthAgoOrders: Int64
        /// What the marketplace withheld from the orders that have settled, and how many of the range's orders have not.
        public var feesMinor: Int64
        public var unsettledOrders: Int64
        /// `nil` when a unit sold in the range has no cost.
        public var costMinor: Int64?

        /// Revenue less cost of goods and the fees known so far.
        public var profitAfterFeesMinor: Int64? { costMinor.map { revenueMinor - $0 - feesMinor } }
        public var aov: Double? { Metrics.aov(revenueMinor: revenueMinor, orders: orders) }
        /// Refunded or cancelled orders over every order placed.
        public var refundRate: Double? { orders + refundedOrders == 0 ? nil : Double(refundedOrders) / Double(orders + refundedOrders) }
        public var revenueMoM: Double? { Metrics.change(Double(revenueMinor), from: Double(monthAgoRevenueMinor)) }
        public var revenueYoY: Double? { Metrics.change(Double(revenueMinor), from: Double(yearAgoRevenueMinor)) }
        public var ordersMoM: Double? { Metrics.change(Double(orders), from: Double(monthAgoOrders)) }
    }
}
