import OmnidashCore

/// The brand's Google Ads: two client customers (THB and USD, both on Bangkok time) under one manager account.
///
/// Google puts budgets on campaigns (`campaign_budget`), never on ad groups. Search campaigns bid on keywords; the
/// Shopping campaign serves product ads; each customer runs a Performance Max campaign, whose asset groups Google does
/// not report as ad groups, so it appears at campaign level only. In the USD customer every ad group holds one ad, so an
/// ad group's day converts to THB exactly as its one ad does.
enum GoogleAdsAccounts {
    /// The manager (MCC) account both clients sit under; the Sandbox's OAuth user is a user of the manager only.
    static let managerCustomerID = "5129904417"

    static let all: [SandboxAdAccount] = blueprints.enumerated().map { accountIndex, blueprint in
        blueprint.build { level, path in id(level: level, account: accountIndex, path: path) }
    }

    private static let blueprints = [
        AdAccountBlueprint(platform: .googleAds, id: "3861047295", name: "Sukhon Beauty TH - Google", currency: "THB",
                           utmSource: "google", utmMedium: "cpc", tagsCampaignID: true, campaigns: [
            .init(name: "TH_Search_Brand", kind: .search, roas: 5.8, aov: 74_000, spend: 32_000,
                  cpm: 45_000...70_000, ctr: 600...950, page: "brand", adSets: [
                      .init(name: "Brand_Exact", ads: ["RSA_brand_core"],
                            keywords: ["sukhon beauty", "สุคนธ์ บิวตี้", "sukhon beauty official"]),
                      .init(name: "Brand_Products", ads: ["RSA_brand_serum", "RSA_brand_sunscreen"],
                            keywords: ["sukhon vitamin c serum", "sukhon sunscreen spf50"]),
                  ]),
            .init(name: "TH_Search_Generic_Skincare", kind: .search, roas: 3.1, aov: 68_000, spend: 55_000,
                  cpm: 35_000...55_000, ctr: 350...600, page: "vitamin-c-bright-serum", adSets: [
                      .init(name: "Serum_VitaminC", ads: ["RSA_vitc_benefits", "RSA_vitc_price"],
                            keywords: ["เซรั่มวิตามินซี", "vitamin c serum", "เซรั่มหน้าใส", "best serum for dark spots"]),
                      .init(name: "Sunscreen_Face", ads: ["RSA_sunscreen_daily"],
                            keywords: ["กันแดดหน้า", "sunscreen spf50 face", "กันแดดไม่เหนียว"]),
                  ]),
            .init(name: "TH_Shopping_All_Products", kind: .shopping, roas: 4.4, aov: 66_000, spend: 48_000,
                  cpm: 9_000...14_000, ctr: 90...160, page: "bestsellers", adSets: [
                      .init(name: "All_Products", ads: ["Product_ads_all"]),
                      .init(name: "Bestsellers_Boost", ads: ["Product_ads_bestsellers"]),
                  ]),
            .init(name: "TH_PMax_Skincare", kind: .automated, roas: 3.9, aov: 71_000, spend: 60_000,
                  cpm: 6_000...10_000, ctr: 70...130, page: "skincare", adSets: [
                      .init(name: "AssetGroup_Serums", ads: ["AssetGroup_serums"]),
                      .init(name: "AssetGroup_Sunscreen", ads: ["AssetGroup_sunscreen"]),
                  ]),
        ]),
        AdAccountBlueprint(platform: .googleAds, id: "7402918365", name: "Sukhon Beauty SEA (USD) - Google", currency: "USD",
                           utmSource: "google", utmMedium: "cpc", tagsCampaignID: true, campaigns: [
            .init(name: "SEA_Search_Brand_EN", kind: .search, roas: 5.2, aov: 2_300, spend: 700,
                  cpm: 1_500...2_600, ctr: 500...850, page: "brand", adSets: [
                      .init(name: "Brand_EN_Exact", ads: ["RSA_brand_en"], keywords: ["sukhon beauty", "sukhon skincare thailand"]),
                      .init(name: "Brand_EN_Sunscreen", ads: ["RSA_uvshield_en"],
                            keywords: ["sukhon uv shield", "thai sunscreen spf50", "daily uv shield"]),
                  ]),
            .init(name: "SEA_PMax_Sunscreen", kind: .automated, roas: 3.3, aov: 2_400, spend: 1_400,
                  cpm: 250...400, ctr: 60...120, page: "daily-uv-shield-spf50", adSets: [
                      .init(name: "AssetGroup_UVShield", ads: ["AssetGroup_uvshield"]),
                  ]),
        ]),
    ]

    /// Google-style numeric ids: campaigns 11 digits, ad groups and ads 12, keyword criteria 12, each from the object's
    /// position in the tree.
    private static func id(level: AdAccountBlueprint.Level, account: Int, path: [Int]) -> String {
        let position = path + Array(repeating: -1, count: 3 - path.count)
        let tail = Int64(account + 1) * 1_000_000 + Int64(position[0] + 1) * 10_000 + Int64(position[1] + 1) * 100 + Int64(position[2] + 1)
        switch level {
        case .campaign: return String(21_480_000_000 + tail / 10_000 * 37)
        case .adSet: return String(158_200_000_000 + tail / 100 * 11)
        case .ad: return String(693_100_000_000 + tail * 3)
        case .keyword: return String(401_700_000_000 + tail * 7)
        }
    }
}

extension SandboxCampaign {
    /// `campaign.advertising_channel_type` as Google names it.
    var googleChannelType: String {
        switch kind {
        case .search: "SEARCH"
        case .shopping: "SHOPPING"
        case .automated: "PERFORMANCE_MAX"
        case .awareness: "VIDEO"
        default: "DISPLAY"
        }
    }

    /// `ad_group_ad.ad.type` for the ads of the campaign's ad groups.
    var googleAdType: String {
        switch kind {
        case .shopping: "SHOPPING_PRODUCT_AD"
        case .awareness: "VIDEO_RESPONSIVE_AD"
        case .search: "RESPONSIVE_SEARCH_AD"
        default: "RESPONSIVE_DISPLAY_AD"
        }
    }

    /// `campaign.final_url_suffix`: the tracking parameters every ad of the campaign shares (source, medium,
    /// campaign), which Google appends to the final URL of an ad that sets no suffix of its own. Empty when the ads
    /// share none.
    var googleFinalURLSuffix: String {
        let queries = adSets.flatMap(\.ads).map { GoogleLandingURL($0.landingURL).parameters }
        guard let first = queries.first else { return "" }
        return first.filter { pair in queries.allSatisfy { $0.contains(pair) } }.joined(separator: "&")
    }

    /// `ad_group.type` for the campaign's ad groups.
    var googleAdGroupType: String {
        switch kind {
        case .shopping: "SHOPPING_PRODUCT_ADS"
        case .awareness: "VIDEO_RESPONSIVE"
        case .search: "SEARCH_STANDARD"
        default: "DISPLAY_STANDARD"
        }
    }
}
