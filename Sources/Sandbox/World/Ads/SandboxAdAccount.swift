/// A Meta ad account of the simulated brand, with its campaigns, ad sets and ads.
public struct SandboxAdAccount: Sendable, Equatable {
    /// The numeric account id, without `act_` (Meta's `account_id` field).
    public let id: String
    public let name: String
    /// `account_currency`: `THB` or `USD`.
    public let currency: String
    public let timezoneName: String
    public let campaigns: [SandboxCampaign]

    /// The id as written in paths and credentials: `act_…`.
    public var actID: String { "act_" + id }
}

public struct SandboxCampaign: Sendable, Equatable {
    public let id: String
    public let name: String
    public let objective: String
    public let adSets: [SandboxAdSet]
    /// Purchase value over spend this campaign is built to return; the planted campaign sits below 2.
    public let targetROAS: Double
    /// Average purchase value, in the account currency's minor units.
    let averageOrderValueMinor: Int64
    /// Average spend per ad per day, in the account currency's minor units.
    let dailySpendPerAdMinor: Int64
    /// Cost per 1,000 impressions range, in minor units.
    let cpmMinor: ClosedRange<Int64>
    /// Click-through range in basis points (1 % = 100).
    let ctrBasisPoints: ClosedRange<Int>
}

public struct SandboxAdSet: Sendable, Equatable {
    public let id: String
    public let name: String
    public let ads: [SandboxAd]
}

public struct SandboxAd: Sendable, Equatable {
    public let id: String
    public let name: String
    /// The ad's landing page, UTM-tagged with its platform, medium and campaign.
    public let landingURL: String
    /// Whether the ad runs every day; the others run in weekly flights.
    public let alwaysOn: Bool
}
