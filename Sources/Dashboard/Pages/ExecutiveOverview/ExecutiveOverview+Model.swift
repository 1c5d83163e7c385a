import OmnidashCore

extension ExecutiveOverview {
    public struct Model: Sendable, Hashable, Codable {
        public var filters: DashboardFilters
        /// In this order: revenue, orders, units, AOV, ad spend, ROAS, CPA, CTR, CVR.
        public var kpis: [KPIValue]
        /// One point per day of the range, including days with no data (zeros).
        public var daily: [DailyPoint]
        /// Revenue per marketplace for the range, largest first.
        public var revenueByMarketplace: [Breakdown]
        /// Ad spend per ad platform for the range, largest first.
        public var spendByAdPlatform: [Breakdown]
        /// When each source last synced successfully, so a seller knows how fresh the figures are.
        public var freshness: [SourceFreshness]

        /// Every shop with figures, for the marketplace and shop control.
        public var shops: [ScopeForm.Shop]

        public init(filters: DashboardFilters, kpis: [KPIValue], daily: [DailyPoint], revenueByMarketplace: [Breakdown],
                    spendByAdPlatform: [Breakdown], freshness: [SourceFreshness], shops: [ScopeForm.Shop] = []) {
            self.filters = filters
            self.shops = shops
            self.kpis = kpis
            self.daily = daily
            self.revenueByMarketplace = revenueByMarketplace
            self.spendByAdPlatform = spendByAdPlatform
            self.freshness = freshness
        }
    }

    public struct DailyPoint: Sendable, Hashable, Codable {
        public var date: BusinessDate
        public var revenueMinor: Int64
        public var adSpendMinor: Int64
        public var orders: Int64
        /// `nil` on a day without ad spend.
        public var roas: Double?
        public var units: Int64
        public var impressions: Int64
        public var clicks: Int64
        public var conversions: Int64

        public init(date: BusinessDate, revenueMinor: Int64, adSpendMinor: Int64, orders: Int64, roas: Double?,
                    units: Int64 = 0, impressions: Int64 = 0, clicks: Int64 = 0, conversions: Int64 = 0) {
            self.date = date
            self.revenueMinor = revenueMinor
            self.adSpendMinor = adSpendMinor
            self.orders = orders
            self.roas = roas
            self.units = units
            self.impressions = impressions
            self.clicks = clicks
            self.conversions = conversions
        }
    }

    /// A share of a total: one marketplace's revenue or one ad platform's spend.
    public struct Breakdown: Sendable, Hashable, Codable {
        public var platform: Platform
        public var currentMinor: Int64
        public var previousMinor: Int64
        public var change: Double?

        public init(platform: Platform, currentMinor: Int64, previousMinor: Int64, change: Double?) {
            self.platform = platform
            self.currentMinor = currentMinor
            self.previousMinor = previousMinor
            self.change = change
        }
    }

    public struct SourceFreshness: Sendable, Hashable, Codable {
        public var platform: Platform
        /// UTC instant of the last successful sync, ISO 8601; `nil` if it never succeeded.
        public var lastSuccessAt: String?
        public var lastStatus: String?

        public init(platform: Platform, lastSuccessAt: String?, lastStatus: String?) {
            self.platform = platform
            self.lastSuccessAt = lastSuccessAt
            self.lastStatus = lastStatus
        }
    }
}
