import OmnidashCore

/// The brand's LINE advertising: one THB account on Bangkok time with three campaigns (Talk Head View conversions,
/// LINE VOOM catalogue retargeting, LINE VOOM video), two ad groups each and two ads per ad group.
///
/// LINE sets daily budgets on ad groups, not campaigns (a campaign only has a spending limit), so every campaign's
/// budget sits on its ad groups. Spend is about a fifth of the brand's Meta spend in Thailand.
enum LineAdAccounts {
    static let all: [SandboxAdAccount] = blueprints.map { blueprint in
        blueprint.build { level, path in id(level: level, path: path) }
    }

    /// The LINE Ads group that owns the account (`GET /api/v3/groups/{groupId}/adaccounts`).
    static let groupID = "73105"

    private static let blueprints = [
        AdAccountBlueprint(platform: .lineAds, id: "A73510284619", name: "Sukhon Beauty LINE TH", currency: "THB",
                           utmSource: "line", utmMedium: "paid_social", campaigns: [
            .init(name: "LINE_CV_TalkHeadView_Serums", kind: .sales, roas: 3.8, aov: 72_000, spend: 38_000,
                  cpm: 6_000...11_000, ctr: 70...150, page: "vitamin-c-bright-serum", budget: .adSet,
                  startDate: BusinessDate(year: 2025, month: 3, day: 3)!, adSets: [
                      .init(name: "THV_F25-44_Beauty", ads: ["THV_vitc_serum_1200x628", "THV_glow_set_1200x628"]),
                      .init(name: "THV_Lookalike_Purchasers", ads: ["THV_bestsellers_banner", "THV_free_shipping_banner"]),
                  ]),
            .init(name: "LINE_VOOM_Retargeting_Catalog", kind: .retargeting, roas: 5.2, aov: 66_000, spend: 24_000,
                  cpm: 9_000...15_000, ctr: 140...260, page: "bestsellers", budget: .adSet,
                  startDate: BusinessDate(year: 2025, month: 3, day: 3)!, adSets: [
                      .init(name: "VOOM_Retarget_Cart_14d", ads: ["DPA_catalog_all", "DPA_catalog_sunscreen"]),
                      .init(name: "VOOM_Retarget_Visitors_30d", ads: ["DPA_catalog_bestsellers", "Static_member_coupon"]),
                  ]),
            .init(name: "LINE_VOOM_Video_Herbal_Story", kind: .awareness, roas: 2.6, aov: 61_000, spend: 30_000,
                  cpm: 4_500...8_000, ctr: 60...120, page: "our-story", budget: .adSet,
                  startDate: BusinessDate(year: 2025, month: 6, day: 2)!, tagged: false, adSets: [
                      .init(name: "VOOM_Video_F18-44", ads: ["Video_herbal_story_15s", "Video_spa_at_home_6s"]),
                      .init(name: "VOOM_Video_Interest_Wellness", ads: ["Video_thai_herbs_15s", "Video_ritual_30s"]),
                  ]),
        ]),
    ]

    /// LINE's ids are numbers: the level's digit, then the position in the tree (`173010000` is the first campaign,
    /// `273010100` its first ad group, `373010101` that ad group's first ad).
    private static func id(level: AdAccountBlueprint.Level, path: [Int]) -> String {
        let position = path + Array(repeating: -1, count: 3 - path.count)
        let body = Int64(level.rawValue) * 100_000_000 + 73_000_000 + Int64(position[0] + 1) * 10_000
            + Int64(position[1] + 1) * 100 + Int64(position[2] + 1)
        return String(body)
    }
}

extension SandboxCampaign {
    /// LINE's `campaignObjective` for the campaign.
    var lineObjective: String {
        switch kind {
        case .retargeting: "DYNAMIC_PRODUCT"
        case .awareness: "VIDEO_VIEW"
        default: "WEBSITE_CONVERSION"
        }
    }
}
