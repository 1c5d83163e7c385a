import Foundation
import OmnidashCore
import Warehouse

/// A deep-dive page: a `DashboardPage` whose every part is its `AdsDeepDive`'s.
public protocol AdsDeepDivePage: DashboardPage where Model == AdsDeepDive.Model {
    static var deepDive: AdsDeepDive { get }
}

extension AdsDeepDivePage {
    public static var id: PageID { deepDive.page }
    public static var title: TextKey { deepDive.title }
    public static func query(_ warehouse: any Warehouse, filters: DashboardFilters) async throws -> Model {
        try await deepDive.query(warehouse, filters: filters)
    }
    public static func view(_ model: Model, language: Language) -> HTMLNode { deepDive.view(model, language: language) }
    public static func csv(_ model: Model) -> String { deepDive.csv(model) }
    public static func json(_ model: Model, currency: Currency) throws -> Data { try deepDive.json(model, currency: currency) }
}

/// Meta: campaigns → ad sets → ads, and age × gender.
public enum FacebookAdsDeepDive: AdsDeepDivePage {
    public static let deepDive = AdsDeepDive(page: .adsFacebook, title: .facebookAdsTitle, platforms: [.facebookAds],
                                             breakdown: .ageAndGender)
}

/// Google: campaigns (Performance Max included) → ad groups → ads, and keywords.
public enum GoogleAdsDeepDive: AdsDeepDivePage {
    public static let deepDive = AdsDeepDive(page: .adsGoogle, title: .googleAdsTitle, platforms: [.googleAds], breakdown: .keywords)
}

/// Every other ad platform: TikTok, LINE and the marketplaces' own ads.
public enum OtherAdsDeepDive: AdsDeepDivePage {
    public static let deepDive = AdsDeepDive(
        page: .adsOthers, title: .otherAdsTitle,
        platforms: Platform.allCases.filter { $0.kind == .advertising && $0 != .facebookAds && $0 != .googleAds }, breakdown: nil)
}
