import Connectors
import OmnidashCore

extension ScheduleJob {
    /// Whether this sync job covers `stream` of `source`, by the kind of source and the stream's role, so the jobs
    /// name no platform: `orders` takes a marketplace's orders, returns, settlements and shop; `products` its
    /// catalogue; `ads` every ad platform, analytics and exchange rates, and a marketplace's own ads (`ads_…` streams).
    public func covers(_ source: SyncSource, stream: String) -> Bool {
        let marketplace = source.platform?.kind == .marketplace
        let catalogue = stream == "products"
        let marketplaceAds = stream.hasPrefix("ads_")
        switch self {
        case .orders: return marketplace && !catalogue && !marketplaceAds
        case .products: return marketplace && catalogue
        case .ads: return !marketplace || marketplaceAds
        case .marts, .alerts: return false
        }
    }
}
