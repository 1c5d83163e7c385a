import OmnidashCore

/// What one campaign really delivered on one day, converted to THB with that day's rate.
public struct CampaignTruth: Codable, Sendable, Equatable {
    public var date: BusinessDate
    public var platform: Platform
    /// The ad account id without `act_`.
    public var accountID: String
    public var campaignID: String
    public var campaignName: String
    /// Spend in satang: Σ over the campaign's ad rows of round(spend × rate).
    public var spendMinor: Int64
    public var clicks: Int64
    public var impressions: Int64
    /// Purchases as served (Meta's `omni_purchase`, each platform's own purchase count).
    public var conversions: Int64
    /// `omni_purchase` action value in satang, converted like spend.
    public var conversionValueMinor: Int64
    /// The campaign's daily budget that day (its own, or its ad sets' together), in satang at the day's rate.
    public var dailyBudgetMinor: Int64

    public init(
        date: BusinessDate, platform: Platform, accountID: String, campaignID: String,
        campaignName: String, spendMinor: Int64, clicks: Int64, impressions: Int64, conversions: Int64,
        conversionValueMinor: Int64, dailyBudgetMinor: Int64 = 0
    ) {
        self.date = date
        self.platform = platform
        self.accountID = accountID
        self.campaignID = campaignID
        self.campaignName = campaignName
        self.spendMinor = spendMinor
        self.clicks = clicks
        self.impressions = impressions
        self.conversions = conversions
        self.conversionValueMinor = conversionValueMinor
        self.dailyBudgetMinor = dailyBudgetMinor
    }

    enum CodingKeys: String, CodingKey {
        case date, platform
        case accountID = "account_id"
        case campaignID = "campaign_id"
        case campaignName = "campaign_name"
        case spendMinor = "spend_minor"
        case clicks, impressions, conversions
        case conversionValueMinor = "conversion_value_minor"
        case dailyBudgetMinor = "daily_budget_minor"
    }
}
