import Foundation
import OmnidashCore
import Warehouse

/// What the three ads deep dives share: one or more ad platforms drilled from campaigns to ad sets (ad groups) to ads,
/// each level with its KPIs against the previous period, its daily trend and its table, and a platform's own breakdown
/// (Google's keywords, Meta's age × gender) once a campaign is chosen. Each page is an enum naming its platforms and
/// breakdown and handing the rest to this type.
public struct AdsDeepDive: Sendable {
    public let page: PageID
    public let title: TextKey
    public let platforms: [Platform]
    public let breakdown: Breakdown?

    /// A platform's own finer table, read from its staging table.
    public enum Breakdown: String, Sendable, Hashable, Codable {
        /// `stg_ads_keywords`: one row per keyword per day.
        case keywords
        /// `stg_ads_demographics`: one row per ad, age bucket and gender per day.
        case ageAndGender
    }

    /// The deep dive a platform's figures lead to.
    public static func route(for platform: Platform, _ filters: DashboardFilters) -> SiteRoute {
        let page: PageID = switch platform {
        case .facebookAds: FacebookAdsDeepDive.id
        case .googleAds: GoogleAdsDeepDive.id
        default: OtherAdsDeepDive.id
        }
        return .page(page, .html, filters)
    }

    /// The level the filters drill to: campaigns, then a campaign's ad sets, then an ad set's ads.
    public enum Level: String, Sendable, Hashable, Codable {
        case campaign, adSet = "adset", ad
    }

    public struct Model: Sendable, Hashable, Codable {
        public var filters: DashboardFilters
        public var level: Level
        public var accounts: [AdsScopeForm.Account]
        /// The chosen campaign's and ad set's names, for the breadcrumb.
        public var campaignName: String?
        public var adSetName: String?
        /// Spend, impressions, clicks, conversions, ROAS, CPA, CTR, CPC of the scope.
        public var kpis: [KPIValue]
        public var daily: [DailyFigures]
        public var rows: [Row]
        public var breakdown: Breakdown?
        public var breakdownRows: [BreakdownRow]
    }

    public struct DailyFigures: Sendable, Hashable, Codable {
        public var date: BusinessDate
        public var spendMinor: Int64
        public var conversionValueMinor: Int64
    }

    /// A campaign, ad set or ad with its figures over the range.
    public struct Row: Sendable, Hashable, Codable {
        public var platform: Platform
        public var accountID: String
        public var campaignID: String?
        public var adSetID: String?
        public var id: String
        public var name: String?
        public var figures: AdFigures
    }

    /// A keyword, or an age bucket and gender, with its figures over the range.
    public struct BreakdownRow: Sendable, Hashable, Codable {
        public var labels: [String]
        public var figures: AdFigures
    }
}
