import OmnidashCore

/// The brand's TikTok advertising: a THB advertiser on Bangkok time and a USD advertiser for the region whose reports
/// run on UTC days, so a client must re-bucket its hours into Bangkok days.
///
/// Spend is about half of Meta's in Thailand, as usual for a mid-size beauty brand; every campaign returns ROAS 2.6–5.5.
enum TikTokAdAccounts {
    static let all: [SandboxAdAccount] = blueprints.enumerated().map { accountIndex, blueprint in
        blueprint.build { level, path in id(level: level, account: accountIndex, path: path) }
    }

    private static let blueprints = [
        AdAccountBlueprint(platform: .tiktokAds, id: "7301845290016273409", name: "Sukhon Beauty TH TikTok", currency: "THB",
                           utmSource: "tiktok", utmMedium: "paid_social", campaigns: [
            .init(name: "TH_Conversions_Serum_Spark", kind: .sales, roas: 4.0, aov: 72_000, spend: 55_000,
                  cpm: 6_000...9_000, ctr: 90...170, page: "vitamin-c-bright-serum", adSets: [
                      .init(name: "Broad_F18-34_TH", ads: ["Spark_creator_glow_review", "InFeed_vitc_before_after"]),
                      .init(name: "Interest_Beauty_Skincare", ads: ["Spark_morning_routine", "InFeed_serum_promo_15s"]),
                  ]),
            .init(name: "TH_VSA_Catalog_Retargeting", kind: .retargeting, roas: 5.5, aov: 65_000, spend: 30_000,
                  cpm: 9_000...14_000, ctr: 150...260, page: "bestsellers", budget: .adSet, adSets: [
                      .init(name: "Retarget_Viewers_14d", ads: ["Catalog_carousel_all", "Catalog_video_sunscreen"]),
                      .init(name: "Retarget_AddToCart_7d", ads: ["Catalog_video_bestsellers", "Catalog_free_shipping"]),
                  ]),
            .init(name: "TH_Reach_Herbal_Heritage", kind: .awareness, roas: 2.6, aov: 60_000, spend: 40_000,
                  cpm: 3_500...6_000, ctr: 50...110, page: "our-story", adSets: [
                      .init(name: "Broad_All_18-44_TH", ads: ["TopView_brand_story_9s", "InFeed_herbal_heritage_15s"]),
                      .init(name: "Interest_Wellness_25-54", ads: ["InFeed_spa_at_home", "Spark_thai_herbs_duet"]),
                  ]),
        ]),
        AdAccountBlueprint(platform: .tiktokAds, id: "7301845290016273522", name: "Sukhon Beauty SEA TikTok (USD)", currency: "USD",
                           timeZone: "UTC", utcOffsetHours: 0,
                           utmSource: "tiktok", utmMedium: "paid_social", campaigns: [
            .init(name: "SEA_Conversions_UV_Shield", kind: .sales, roas: 3.2, aov: 2_300, spend: 1_400,
                  cpm: 250...400, ctr: 100...180, page: "daily-uv-shield-spf50", adSets: [
                      .init(name: "Broad_F18-34_SEA", ads: ["Spark_beach_day_uvshield", "InFeed_spf50_texture"]),
                      .init(name: "Interest_Travel_SEA", ads: ["Spark_travel_kit", "InFeed_sun_range_15s"]),
                  ]),
            .init(name: "SEA_Conversions_LipCare_Bundles", kind: .sales, roas: 2.8, aov: 1_900, spend: 900,
                  cpm: 200...350, ctr: 120...200, page: "lip-care", budget: .adSet, adSets: [
                      .init(name: "Broad_F18-44_SEA", ads: ["Spark_lipbalm_shades", "InFeed_lip_bundle_offer"]),
                      .init(name: "Retarget_Engagers_SEA_30d", ads: ["InFeed_bundle_discount", "Spark_body_care_routine"]),
                  ]),
        ]),
    ]

    /// 16-digit TikTok-style object ids: `17`, the object level, the advertiser, then the position in the tree.
    private static func id(level: AdAccountBlueprint.Level, account: Int, path: [Int]) -> String {
        let position = path + Array(repeating: -1, count: 3 - path.count)
        let body = Int64(level.rawValue) * 1_000_000_000_000 + Int64(account + 1) * 10_000_000_000
            + Int64(position[0] + 1) * 100_000_000 + Int64(position[1] + 1) * 1_000_000 + Int64(position[2] + 1) * 10_000 + 4_321
        let digits = String(body)
        return "17" + String(repeating: "0", count: 14 - digits.count) + digits
    }
}

extension SandboxCampaign {
    /// TikTok's `objective_type` for the campaign.
    var tiktokObjective: String {
        switch kind {
        case .awareness: "REACH"
        case .retargeting, .shopping, .productListing: "PRODUCT_SALES"
        default: "WEB_CONVERSIONS"
        }
    }

    /// The ad groups' `optimization_goal`.
    var tiktokOptimizationGoal: String {
        kind == .awareness ? "REACH" : "CONVERT"
    }
}
