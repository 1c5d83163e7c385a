/// A data source Omnidash knows. The raw value is the `platform` column in staging and marts.
public enum Platform: String, CaseIterable, Codable, Sendable, Hashable {
    case shopee
    case lazada
    case tiktokShop = "tiktok"
    case facebookAds = "facebook"
    case googleAds = "google"
    case tiktokAds = "tiktok_ads"
    case lineAds = "line"
    case shopeeAds = "shopee_ads"
    case lazadaAds = "lazada_ads"
    case ga4

    public enum Kind: String, Sendable {
        case marketplace, advertising, analytics
    }

    public var kind: Kind {
        switch self {
        case .shopee, .lazada, .tiktokShop: .marketplace
        case .facebookAds, .googleAds, .tiktokAds, .lineAds, .shopeeAds, .lazadaAds: .advertising
        case .ga4: .analytics
        }
    }

    /// The name a seller sees on the dashboard.
    public var displayName: String {
        switch self {
        case .shopee: "Shopee"
        case .lazada: "Lazada"
        case .tiktokShop: "TikTok Shop"
        case .facebookAds: "Facebook Ads"
        case .googleAds: "Google Ads"
        case .tiktokAds: "TikTok Ads"
        case .lineAds: "LINE Ads"
        case .shopeeAds: "Shopee Ads"
        case .lazadaAds: "Lazada Ads"
        case .ga4: "Google Analytics 4"
        }
    }

    /// The section this platform reads under `sources:`, `nil` while Omnidash has no connector for it or when another
    /// platform's section covers it (a marketplace's ads). This is the one place Core names each source's settings type.
    public var settingsType: (any SourceSettings.Type)? {
        switch self {
        case .shopee: ShopeeSettings.self
        case .lazada: LazadaSettings.self
        case .tiktokShop: TikTokShopSettings.self
        case .facebookAds: FacebookAdsSettings.self
        case .googleAds: GoogleAdsSettings.self
        case .tiktokAds: TikTokAdsSettings.self
        case .lineAds: LineAdsSettings.self
        case .ga4: GA4Settings.self
        // A marketplace's ads are read on the shop's own authorisation, by its marketplace's connector.
        case .shopeeAds, .lazadaAds: nil
        }
    }

    /// The platforms Omnidash can pull today, each with its own section and sync source.
    public static var supported: [Platform] { allCases.filter { $0.settingsType != nil } }
}
