/// Every source's staging builders, one line each, in build order (a source's catalogue before its orders). The
/// transform runner goes through this list and names no platform.
enum StagingRegistry {
    static let builders: [any StagingBuilder] = [
        ShopeeCatalogStaging(), ShopeeOrdersStaging(),
        LazadaCatalogStaging(), LazadaOrdersStaging(),
        FacebookAdsStaging(),
    ]
}
