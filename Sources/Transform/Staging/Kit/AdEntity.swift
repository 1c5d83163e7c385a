import Foundation
import OmnidashCore

/// A campaign, ad set (ad group) or ad as the platform last described it: what a platform's entity staging hands to
/// `AdEntityStaging`.
struct AdEntity: Sendable {
    enum Level: String, Sendable {
        case campaign
        /// An ad set or ad group.
        case adSet = "adset"
        case ad
    }

    var level: Level
    var accountID: String
    var id: String
    var parentID: String?
    var campaignID: String
    var name: String?
    /// The platform's own status text.
    var status: String?
    /// Whether the object can deliver now: not paused, removed, deleted or ended.
    var isActive: Bool
    /// The platform's objective or campaign type.
    var objective: String?
    var currency: Currency
    /// Budgets in the account currency's major units, exactly as the platform wrote them.
    var dailyBudget: Decimal?
    var lifetimeBudget: Decimal?
    /// The schedule, in business dates.
    var startDate: BusinessDate?
    var endDate: BusinessDate?
    /// Where the ad sends people, with its tracking parameters as the platform resolves them (a creative's link with
    /// its URL tags, a final URL with its suffix, or a landing page URL with its query); the kit reads the UTM
    /// parameters from it. A campaign or ad set may carry one when its ads share it.
    var landingURL: String?

    init(level: Level, accountID: String, id: String, campaignID: String, isActive: Bool, currency: Currency) {
        self.level = level
        self.accountID = accountID
        self.id = id
        self.campaignID = campaignID
        self.isActive = isActive
        self.currency = currency
    }
}
