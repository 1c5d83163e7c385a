import OmnidashCore

/// The brand's Shopee Ads: the reference shop advertises its own listings (Shopee "product ads"), paid from the
/// shop's ads balance in THB and reported in the shop's Bangkok days. The account id is the shop's `shop_id`, as the
/// ads endpoints are called on the shop's authorisation.
///
/// Each campaign promotes one listing; Shopee reports no level below the campaign, so each has one ad set (the
/// placement) holding its ads (the keyword or discovery slots the world delivers through).
enum ShopeeAdAccounts {
    static let all: [SandboxAdAccount] = blueprints.enumerated().map { accountIndex, blueprint in
        blueprint.build { level, path in id(level: level, account: accountIndex, path: path) }
    }

    private static let blueprints = [
        AdAccountBlueprint(platform: .shopeeAds, id: String(SandboxShop.sukhonShopee.shopID), name: "Sukhon Beauty Official Store",
                           currency: "THB", utmSource: "shopee", utmMedium: "marketplace_ads", campaigns: [
            .init(name: "Search_VitC_Bright_Serum", kind: .productListing, roas: 5.2, aov: 52_000, spend: 38_000,
                  cpm: 6_000...9_500, ctr: 220...380, page: "vitamin-c-bright-serum", adSets: [
                      .init(name: "Search", ads: ["keyword_serum_vitc", "keyword_serum_brightening"]),
                  ]),
            .init(name: "Discovery_UV_Shield_SPF50", kind: .productListing, roas: 4.1, aov: 39_000, spend: 30_000,
                  cpm: 4_500...7_500, ctr: 150...260, page: "daily-uv-shield-spf50", adSets: [
                      .init(name: "Discovery", ads: ["daily_discover", "you_may_also_like"]),
                  ]),
            .init(name: "Auto_Herbal_Body_Lotion", kind: .productListing, roas: 3.4, aov: 34_000, spend: 26_000,
                  cpm: 5_000...8_000, ctr: 180...300, page: "herbal-body-lotion", adSets: [
                      .init(name: "All placements", ads: ["auto_all_placements"]),
                  ]),
            .init(name: "Search_Gift_Sets_Bundle", kind: .productListing, roas: 5.8, aov: 89_000, spend: 22_000,
                  cpm: 7_000...11_000, ctr: 200...340, page: "gift-sets", budget: .campaign,
                  startDate: BusinessDate(year: 2025, month: 3, day: 3)!, adSets: [
                      .init(name: "Search", ads: ["keyword_gift_set", "keyword_skincare_set"]),
                  ]),
        ]),
    ]

    /// Shopee's ids are plain integers: campaigns 9 digits (`1542…`), the world's ads below them never shown by Shopee.
    private static func id(level: AdAccountBlueprint.Level, account: Int, path: [Int]) -> String {
        let position = path + Array(repeating: -1, count: 3 - path.count)
        let body = Int64(account + 1) * 10_000_000 + Int64(position[0] + 1) * 100_000 + Int64(position[1] + 1) * 1_000
            + Int64(position[2] + 1) * 10
        switch level {
        case .campaign: return String(154_000_000 + Int64(account + 1) * 1_000_000 + Int64(position[0] + 1) * 7_919)
        default: return String(Int64(level.rawValue) * 100_000_000_000 + body)
        }
    }
}
