import OmnidashCore

/// An ad account of the simulated brand on one ad platform, with its campaigns, ad groups (ad sets) and ads.
///
/// Each platform's folder declares its own accounts (`Emulator.adAccounts`); the world only generates their delivery
/// and speaks no platform's vocabulary: a platform's emulator renders the tree with its own names and ids.
public struct SandboxAdAccount: Sendable, Equatable {
    public let platform: Platform
    /// The id as the platform writes it in its responses (Meta's without `act_`, Google's ten digits without dashes).
    public let id: String
    public let name: String
    /// The account's currency: `THB` or `USD`.
    public let currency: String
    /// The IANA zone the platform reports this account's days in. The world's own days are the calendar's.
    public let timeZone: String
    /// Hours the account's zone is ahead of UTC; the world's zones keep no daylight saving.
    public let utcOffsetHours: Int
    public let campaigns: [SandboxCampaign]
}

public struct SandboxCampaign: Sendable, Equatable {
    /// What the campaign is for, in the world's words; each emulator names it as its platform does.
    public enum Kind: String, Sendable, Equatable {
        /// Conversions from prospects (sales and conversion campaigns).
        case sales
        /// Conversions from people who already visited or bought (catalogue retargeting).
        case retargeting
        /// Video reach and views.
        case awareness
        /// Keyword search ads.
        case search
        /// Product listing ads from a merchant feed.
        case shopping
        /// Fully automated across every inventory with no ad groups of its own (Google's Performance Max).
        case automated
        /// A marketplace's ads promoting its own product listings.
        case productListing
    }

    public let id: String
    public let name: String
    public let kind: Kind
    public let adSets: [SandboxAdSet]
    /// The first day the campaign may deliver; it delivers on every day from then on.
    public let startDate: BusinessDate
    /// The campaign's daily budget in the account currency's minor units, or `nil` when its ad sets carry budgets.
    public let dailyBudgetMinor: Int64?
    /// Purchase value over spend this campaign is built to return; the planted campaign sits below 2.
    public let targetROAS: Double
    /// Whether this is the campaign planted for the ROAS alert.
    public let isPlantedUnderperformer: Bool
    /// Average purchase value, in the account currency's minor units.
    let averageOrderValueMinor: Int64
    /// Average spend per ad per day, in the account currency's minor units.
    let dailySpendPerAdMinor: Int64
    /// Cost per 1,000 impressions range, in minor units.
    let cpmMinor: ClosedRange<Int64>
    /// Click-through range in basis points (1 % = 100).
    let ctrBasisPoints: ClosedRange<Int>

    /// Automated campaigns deliver through asset groups the platform does not report as ad groups.
    public var hasAdGroups: Bool { kind != .automated }

    /// The budget that governs the campaign's day: its own, or the sum of its ad sets'.
    public var effectiveDailyBudgetMinor: Int64 {
        dailyBudgetMinor ?? adSets.reduce(0) { $0 + ($1.dailyBudgetMinor ?? 0) }
    }
}

public struct SandboxAdSet: Sendable, Equatable {
    public let id: String
    public let name: String
    /// The ad set's own daily budget in minor units, when the campaign's budget is not shared.
    public let dailyBudgetMinor: Int64?
    /// Search keywords bid on by this ad group, with their ids; empty outside search campaigns.
    public let keywords: [SandboxKeyword]
    public let ads: [SandboxAd]
}

public struct SandboxKeyword: Sendable, Equatable {
    public let id: String
    public let text: String
    /// `exact`, `phrase` or `broad`.
    public let matchType: String
    /// Share of the ad group's delivery this keyword wins, in permille; an ad group's keywords sum to 1,000.
    public let sharePermille: Int
}

public struct SandboxAd: Sendable, Equatable {
    public let id: String
    public let name: String
    /// The ad's landing page, UTM-tagged with its platform, medium and campaign.
    public let landingURL: String
    /// Whether the ad runs every day; the others run in weekly flights.
    public let alwaysOn: Bool
}
