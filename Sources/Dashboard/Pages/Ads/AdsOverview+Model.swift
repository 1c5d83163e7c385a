import OmnidashCore

extension AdsOverview {
    public struct Model: Sendable, Hashable, Codable {
        public var filters: DashboardFilters
        /// Every ad account with figures, for the account control.
        public var accounts: [AdsScopeForm.Account]
        /// Spend, impressions, clicks, conversions, ROAS, CPA, CTR, CPC, CPM, MER, each against the previous period.
        public var kpis: [KPIValue]
        /// Marketplace revenue, spend and claimed conversion value of the range, unscoped: what MER divides.
        public var blended: Blended
        /// One row per ad platform in the scope, by spend.
        public var platforms: [PlatformRow]
        /// Daily spend per platform, in `platforms` order.
        public var daily: [DailySpend]
        /// One row per campaign in the scope, by spend.
        public var campaigns: [CampaignRow]
    }

    public struct Blended: Sendable, Hashable, Codable {
        public var revenueMinor: Int64
        public var spendMinor: Int64
        public var conversionValueMinor: Int64
        public var mer: Double? { Metrics.roas(revenueMinor: revenueMinor, spendMinor: spendMinor) }
        /// The platforms' claimed conversion value over what the shops really sold.
        public var claimedShare: Double? { revenueMinor == 0 ? nil : Double(conversionValueMinor) / Double(revenueMinor) }
    }

    public struct PlatformRow: Sendable, Hashable, Codable {
        public var platform: Platform
        public var figures: AdFigures
        public var previousSpendMinor: Int64
        /// Σ daily budgets in force on the range's days with figures; `nil` when the platform reports no budgets.
        public var budgetMinor: Int64?
        public var spendChange: Double? { Metrics.change(Double(figures.spendMinor), from: Double(previousSpendMinor)) }
        /// Spend over budget on the days a budget was known.
        public var budgetSpendMinor: Int64
        public var budgetUtilization: Double? { budgetMinor.flatMap { $0 == 0 ? nil : Double(budgetSpendMinor) / Double($0) } }
    }

    public struct DailySpend: Sendable, Hashable, Codable {
        public var date: BusinessDate
        public var spendMinor: [Int64]
    }

    public struct CampaignRow: Sendable, Hashable, Codable {
        public var platform: Platform
        public var accountID: String
        public var accountName: String?
        public var campaignID: String
        public var campaignName: String?
        public var campaignType: String?
        public var figures: AdFigures
        public var budgetMinor: Int64?
        public var budgetSpendMinor: Int64
        /// `good`, `warning` or `poor`: the status most of the range's spend had.
        public var status: String?
        public var budgetUtilization: Double? { budgetMinor.flatMap { $0 == 0 ? nil : Double(budgetSpendMinor) / Double($0) } }
    }
}
