/// Every platform Omnidash can sync, one line each. The sync engine iterates over this list and names no platform.
public enum ConnectorRegistry {
    public static let connectors: [any SourceConnector] = [
        ShopeeConnector(),
        LazadaConnector(),
        TikTokShopConnector(),
        FacebookAdsConnector(),
        GoogleAdsConnector(),
        TikTokAdsConnector(),
        LineAdsConnector(),
        GA4Connector(),
    ]
}
