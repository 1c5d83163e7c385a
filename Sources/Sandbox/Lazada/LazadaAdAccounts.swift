import OmnidashCore

/// The brand's Lazada Sponsored Discovery ("sponsoredSearch") campaigns, on the seller's authorisation: the account
/// id is the seller's `seller_id`, the currency THB and the days Bangkok's.
///
/// Lazada reports campaigns, ad groups (one per promoted product) and keywords; the world's ads stand for the
/// products' placements, which the campaign report sums.
enum LazadaAdAccounts {
    static let all: [SandboxAdAccount] = blueprints.enumerated().map { accountIndex, blueprint in
        blueprint.build { level, path in id(level: level, account: accountIndex, path: path) }
    }

    private static let blueprints = [
        AdAccountBlueprint(platform: .lazadaAds, id: String(SandboxShop.sukhonLazada.shopID), name: "Sukhon Beauty",
                           currency: "THB", utmSource: "lazada", utmMedium: "marketplace_ads", campaigns: [
            .init(name: "SD_Manual_Serums_Search", kind: .productListing, roas: 4.6, aov: 48_000, spend: 28_000,
                  cpm: 5_500...9_000, ctr: 200...350, page: "vitamin-c-bright-serum", adSets: [
                      .init(name: "VitC Bright Serum 30ml", ads: ["search_placement", "product_detail_placement"]),
                  ]),
            .init(name: "SD_Auto_Sunscreen", kind: .productListing, roas: 3.6, aov: 36_000, spend: 24_000,
                  cpm: 4_000...7_000, ctr: 150...260, page: "daily-uv-shield-spf50", adSets: [
                      .init(name: "UV Shield SPF50", ads: ["auto_all_placements"]),
                  ]),
            .init(name: "SD_Manual_Lip_Care", kind: .productListing, roas: 2.8, aov: 22_000, spend: 16_000,
                  cpm: 4_500...7_500, ctr: 160...280, page: "lip-care", budget: .campaign,
                  startDate: BusinessDate(year: 2025, month: 2, day: 10)!, adSets: [
                      .init(name: "Herbal Lip Balm", ads: ["search_placement", "recommendation_placement"]),
                  ]),
        ]),
    ]

    /// Lazada's sponsored-solutions ids are 15 digits starting `1011000` (campaigns) and `1012000` (ad groups).
    private static func id(level: AdAccountBlueprint.Level, account: Int, path: [Int]) -> String {
        let position = path + Array(repeating: -1, count: 3 - path.count)
        let body = Int64(account + 1) * 1_000_000 + Int64(position[0] + 1) * 10_000 + Int64(position[1] + 1) * 100
            + Int64(position[2] + 1)
        return String((1_011_000 + Int64(level.rawValue - 1) * 1_000) * 100_000_000 + 21_000_000 + body)
    }
}
