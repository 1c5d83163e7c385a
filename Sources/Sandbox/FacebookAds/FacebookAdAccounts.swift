import OmnidashCore

/// The brand's Meta advertising: two accounts (THB and USD, both on Bangkok time), three campaigns each, two ad
/// sets per campaign and two ads per ad set.
///
/// Every campaign returns a comfortable ROAS except `TH_Prospecting_Broad_Video`, the planted problem, whose
/// purchase value stays well under twice its spend.
enum FacebookAdAccounts {
    static let all: [SandboxAdAccount] = blueprints.enumerated().map { accountIndex, blueprint in
        blueprint.build { level, path in id(level: level, account: accountIndex, path: path) }
    }

    private static let blueprints = [
        AdAccountBlueprint(platform: .facebookAds, id: "728401936155012", name: "Sukhon Beauty TH", currency: "THB",
                           utmSource: "facebook", utmMedium: "paid_social", tagsCampaignID: true, campaigns: [
            .init(name: "TH_Sales_Advantage+_Serums", kind: .sales, roas: 4.2, aov: 78_000, spend: 85_000,
                  cpm: 9_500...14_000, ctr: 140...240, page: "vitamin-c-bright-serum", adSets: [
                      .init(name: "Broad_F25-44", ads: ["UGC_video_vitc_v1", "Carousel_serum_bestsellers"]),
                      .init(name: "Interest_Skincare_F18-34", ads: ["Reels_glow_routine", "Static_vitc_promo"]),
                  ]),
            .init(name: "TH_Retargeting_DPA_Catalog", kind: .retargeting, roas: 6.0, aov: 69_000, spend: 42_000,
                  cpm: 15_000...22_000, ctr: 200...320, page: "bestsellers", budget: .adSet, adSets: [
                      .init(name: "Retarget_ATC_7d", ads: ["DPA_catalog_all", "DPA_catalog_sunscreen"]),
                      .init(name: "Retarget_ViewContent_30d", ads: ["DPA_catalog_bestsellers", "Static_free_shipping"]),
                  ]),
            .init(name: "TH_Prospecting_Broad_Video", kind: .sales, roas: 1.3, aov: 64_000, spend: 110_000,
                  cpm: 7_000...11_000, ctr: 90...160, page: "our-story", plantedUnderperformer: true, adSets: [
                      .init(name: "Broad_All_18-54", ads: ["Video_brand_story_30s", "Video_herbal_heritage_15s"]),
                      .init(name: "Interest_ThaiHerbal_25-54", ads: ["Video_spa_at_home", "Carousel_herbal_range"]),
                  ]),
        ]),
        AdAccountBlueprint(platform: .facebookAds, id: "728401936155087", name: "Sukhon Beauty SEA (USD)", currency: "USD",
                           utmSource: "facebook", utmMedium: "paid_social", tagsCampaignID: true, campaigns: [
            .init(name: "SEA_Sales_Sunscreen_Launch", kind: .sales, roas: 3.4, aov: 2_400, spend: 2_600,
                  cpm: 320...500, ctr: 130...220, page: "daily-uv-shield-spf50", adSets: [
                      .init(name: "LAL_1pct_Purchasers", ads: ["UGC_uvshield_beach", "Static_uvshield_spf50"]),
                      .init(name: "Interest_Travel_Beach", ads: ["Reels_uvshield_daily", "Carousel_sun_range"]),
                  ]),
            .init(name: "SEA_Sales_Bundle_Offers", kind: .sales, roas: 3.8, aov: 2_900, spend: 2_000,
                  cpm: 350...550, ctr: 150...250, page: "gift-sets", budget: .adSet, adSets: [
                      .init(name: "Broad_F25-44_SEA", ads: ["Static_trio_giftset", "Carousel_bundles"]),
                      .init(name: "Retarget_Engagers_30d", ads: ["DPA_bundles", "Static_bundle_discount"]),
                  ]),
            .init(name: "SEA_Lookalike_Purchasers_3pct", kind: .sales, roas: 3.0, aov: 2_200, spend: 1_600,
                  cpm: 280...420, ctr: 120...200, page: "lip-care", adSets: [
                      .init(name: "LAL_3pct_Purchasers", ads: ["UGC_lipbalm_review", "Static_lipbalm_shades"]),
                      .init(name: "LAL_5pct_Purchasers", ads: ["Reels_body_care", "Carousel_body_range"]),
                  ]),
        ]),
    ]

    /// 18-digit Meta-style ids: `120214`, the object level, then its position in the tree.
    private static func id(level: AdAccountBlueprint.Level, account: Int, path: [Int]) -> String {
        let position = path + Array(repeating: -1, count: 3 - path.count)
        let body = Int64(level.rawValue) * 100_000_000_000 + Int64(account + 1) * 1_000_000_000
            + Int64(position[0] + 1) * 10_000_000 + Int64(position[1] + 1) * 100_000 + Int64(position[2] + 1) * 1_000 + 7
        let digits = String(body)
        return "120214" + String(repeating: "0", count: 12 - digits.count) + digits
    }
}

extension SandboxAdAccount {
    /// The id as Meta writes it in paths and credentials: `act_…`.
    var actID: String { "act_" + id }
}

extension SandboxCampaign {
    /// Meta's objective for the campaign.
    var metaObjective: String {
        switch kind {
        case .awareness: "OUTCOME_AWARENESS"
        default: "OUTCOME_SALES"
        }
    }
}
