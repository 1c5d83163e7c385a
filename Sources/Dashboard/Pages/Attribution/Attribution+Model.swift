import OmnidashCore

extension Attribution {
    public struct Model: Sendable, Hashable, Codable {
        public var filters: DashboardFilters
        /// Every ad account with attribution rows, for the platform and account control.
        public var accounts: [AdsScopeForm.Account]
        /// Spend, the platform-claimed value, GA4 revenue, marketplace revenue and the three ROAS, against the previous
        /// period.
        public var kpis: [KPIValue]
        public var totals: AttributionFigures
        /// Which GA4 path the range's GA4 figures come from.
        public var dataSource: WebsiteDataSource
        /// One row per campaign in the scope, by spend.
        public var campaigns: [CampaignRow]
        /// Campaigns that spent without a UTM GA4 could match, over all synced dates.
        public var campaignsWithoutUTM: [GovernanceRow]
        /// Session campaigns that match no ad campaign, over all synced dates.
        public var utmsWithoutCampaign: [GovernanceRow]
    }

    public struct CampaignRow: Sendable, Hashable, Codable {
        /// The `ads_platform` value; `platformName` is how the page shows it.
        public var platform: String
        public var accountID: String
        public var campaignID: String
        public var campaignName: String?
        public var utmSource: String?
        public var utmMedium: String?
        public var utmCampaign: String?
        /// `id` or `name`: how GA4 sessions were matched to the campaign.
        public var matchMethod: String?
        public var figures: AttributionFigures
    }

    /// One line of the UTM-governance view.
    public struct GovernanceRow: Sendable, Hashable, Codable {
        public var platform: String?
        public var accountID: String?
        public var campaignID: String?
        public var campaignName: String?
        public var utmSource: String?
        public var utmMedium: String?
        public var utmCampaign: String?
        public var firstDate: BusinessDate?
        public var lastDate: BusinessDate?
        public var sessions: Int64?
        public var spendMinor: Int64?
    }

    /// The name a seller knows an ad platform by, or the stored value when it is not one Omnidash knows.
    static func platformName(_ value: String?) -> String {
        guard let value else { return "" }
        return Platform(rawValue: value)?.displayName ?? value
    }
}
