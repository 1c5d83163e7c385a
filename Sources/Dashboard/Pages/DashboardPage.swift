import Foundation
import OmnidashCore
import Warehouse

/// One dashboard page, split as every page is: a `Model` holding the figures, a `query` that reads it from the marts,
/// and the forms it is served in (HTML, CSV, JSON), all rendered from the same model.
public protocol DashboardPage: SendableMetatype {
    associatedtype Model: Sendable

    static var id: PageID { get }
    /// The page's name, in its heading, its document title and the navigation.
    static var title: TextKey { get }

    static func query(_ warehouse: any Warehouse, filters: DashboardFilters) async throws -> Model
    /// The model, for a page that needs more of the outside world than the warehouse (the clock, the timetable); the
    /// router calls this one. By default it is `query(_:filters:)` on the environment's warehouse.
    static func query(_ environment: DashboardEnvironment, filters: DashboardFilters) async throws -> Model
    /// The page in `language`; the model is the same in every language, and so are the CSV and JSON.
    static func view(_ model: Model, language: Language) -> HTMLNode
    static func csv(_ model: Model) -> String
    static func json(_ model: Model, currency: Currency) throws -> Data
}

extension DashboardPage {
    public static func query(_ environment: DashboardEnvironment, filters: DashboardFilters) async throws -> Model {
        try await query(environment.warehouse, filters: filters)
    }
}

/// Every page the dashboard serves, in navigation order: one line a page.
public enum PageRegistry {
    public static let pages: [any DashboardPage.Type] = [
        ExecutiveOverview.self,
        ShopPerformance.self,
        ProductAnalytics.self,
        AdsOverview.self,
        FacebookAdsDeepDive.self,
        GoogleAdsDeepDive.self,
        OtherAdsDeepDive.self,
        WebsiteAnalytics.self,
        Attribution.self,
        AlertsPage.self,
        Operations.self,
    ]
}
