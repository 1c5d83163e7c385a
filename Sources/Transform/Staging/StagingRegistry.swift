import OmnidashCore
import Warehouse

/// Every source's staging builders, one line each, in build order (a source's catalogue before its orders). The
/// transform runner goes through this list and names no platform.
enum StagingRegistry {
    static let builders: [any StagingBuilder] = [
        ShopeeCatalogStaging(), ShopeeOrdersStaging(), ShopeeFeesStaging(),
        LazadaCatalogStaging(), LazadaOrdersStaging(), LazadaFeesStaging(),
        TikTokShopCatalogStaging(), TikTokShopOrdersStaging(), TikTokShopFeesStaging(),
        FacebookAdsStaging(), FacebookAdEntityStaging(), FacebookDemographicsStaging(),
        GoogleAdsStaging(), GoogleAdsEntityStaging(), GoogleAdsKeywordStaging(),
        TikTokAdsStaging(), TikTokAdsEntityStaging(),
        LineAdsStaging(), LineAdsEntityStaging(),
        ShopeeAdsStaging(), ShopeeAdsEntityStaging(),
        LazadaAdsStaging(), LazadaAdsEntityStaging(),
        GA4DataAPIStaging(),
        GA4ExportStaging(),
    ]

    /// Where each marketplace's staging finds its shop names, for `LoadStaging`, one line per marketplace that has them.
    static let shopNames: [Platform: @Sendable (any Warehouse) async throws -> [String: String]] = [
        .shopee: ShopeeOrdersStaging.shopNames,
    ]
}
