import OmnidashCore
/// The brand's Meta advertising: two accounts (THB and USD, both on Bangkok time), three campaigns each, two ad
/// sets per campaign and two ads per ad set.
///
/// Every campaign returns a comfortable ROAS except `TH_Prospecting_Broad_Video`, the planted problem, whose
/// purchase value stays well under twice its spend.
struct MetaAdsPlan: Sendable {
    /// The ad platform this plan's accounts advertise on.
    let platform = Platform.facebookAds
    let accounts: [SandboxAdAccount]
    /// Every ad with its position in the tree, in a stable order.
    let ads: [AdPosition]

    struct AdPosition: Sendable {
        let account: Int
        let campaign: Int
        let adSet: Int
        let ad: Int
    }

    static let shared = MetaAdsPlan()

    static let underperformingCampaignName = "TH_Prospecting_Broad_Video"

    func account(of position: AdPosition) -> SandboxAdAccount { accounts[position.account] }
    func campaign(of position: AdPosition) -> SandboxCampaign { accounts[position.account].campaigns[position.campaign] }
    func adSet(of position: AdPosition) -> SandboxAdSet { campaign(of: position).adSets[position.adSet] }
    func ad(of position: AdPosition) -> SandboxAd { adSet(of: position).ads[position.ad] }

    private init() {
        let specs: [(id: String, name: String, currency: String, campaigns: [CampaignSpec])] = [
            ("728401936155012", "Sukhon Beauty TH", "THB", [
                CampaignSpec(name: "TH_Sales_Advantage+_Serums", roas: 4.2, aov: 78_000, spend: 85_000,
                             cpm: 9_500...14_000, ctr: 140...240, page: "vitamin-c-bright-serum", adSets: [
                                 ("Broad_F25-44", ["UGC_video_vitc_v1", "Carousel_serum_bestsellers"]),
                                 ("Interest_Skincare_F18-34", ["Reels_glow_routine", "Static_vitc_promo"]),
                             ]),
                CampaignSpec(name: "TH_Retargeting_DPA_Catalog", roas: 6.0, aov: 69_000, spend: 42_000,
                             cpm: 15_000...22_000, ctr: 200...320, page: "bestsellers", adSets: [
                                 ("Retarget_ATC_7d", ["DPA_catalog_all", "DPA_catalog_sunscreen"]),
                                 ("Retarget_ViewContent_30d", ["DPA_catalog_bestsellers", "Static_free_shipping"]),
                             ]),
                CampaignSpec(name: MetaAdsPlan.underperformingCampaignName, roas: 1.3, aov: 64_000, spend: 110_000,
                             cpm: 7_000...11_000, ctr: 90...160, page: "our-story", adSets: [
                                 ("Broad_All_18-54", ["Video_brand_story_30s", "Video_herbal_heritage_15s"]),
                                 ("Interest_ThaiHerbal_25-54", ["Video_spa_at_home", "Carousel_herbal_range"]),
                             ]),
            ]),
            ("728401936155087", "Sukhon Beauty SEA (USD)", "USD", [
                CampaignSpec(name: "SEA_Sales_Sunscreen_Launch", roas: 3.4, aov: 2_400, spend: 2_600,
                             cpm: 320...500, ctr: 130...220, page: "daily-uv-shield-spf50", adSets: [
                                 ("LAL_1pct_Purchasers", ["UGC_uvshield_beach", "Static_uvshield_spf50"]),
                                 ("Interest_Travel_Beach", ["Reels_uvshield_daily", "Carousel_sun_range"]),
                             ]),
                CampaignSpec(name: "SEA_Sales_Bundle_Offers", roas: 3.8, aov: 2_900, spend: 2_000,
                             cpm: 350...550, ctr: 150...250, page: "gift-sets", adSets: [
                                 ("Broad_F25-44_SEA", ["Static_trio_giftset", "Carousel_bundles"]),
                                 ("Retarget_Engagers_30d", ["DPA_bundles", "Static_bundle_discount"]),
                             ]),
                CampaignSpec(name: "SEA_Lookalike_Purchasers_3pct", roas: 3.0, aov: 2_200, spend: 1_600,
                             cpm: 280...420, ctr: 120...200, page: "lip-care", adSets: [
                                 ("LAL_3pct_Purchasers", ["UGC_lipbalm_review", "Static_lipbalm_shades"]),
                                 ("LAL_5pct_Purchasers", ["Reels_body_care", "Carousel_body_range"]),
                             ]),
            ]),
        ]
        var accounts: [SandboxAdAccount] = []
        var positions: [AdPosition] = []
        for (accountIndex, spec) in specs.enumerated() {
            var campaigns: [SandboxCampaign] = []
            for (campaignIndex, campaign) in spec.campaigns.enumerated() {
                let utmCampaign = campaign.name.lowercased().replacingAll("+", with: "plus")
                var adSets: [SandboxAdSet] = []
                for (adSetIndex, adSet) in campaign.adSets.enumerated() {
                    var ads: [SandboxAd] = []
                    for (adIndex, adName) in adSet.ads.enumerated() {
                        ads.append(SandboxAd(
                            id: MetaAdsPlan.id(kind: 3, accountIndex, campaignIndex, adSetIndex, adIndex),
                            name: adName,
                            landingURL: "https://www.sukhonbeauty.co.th/\(campaign.page)?utm_source=facebook"
                                + "&utm_medium=paid_social&utm_campaign=\(utmCampaign)&utm_content=\(adName.lowercased())",
                            alwaysOn: adIndex == 0
                        ))
                        positions.append(AdPosition(account: accountIndex, campaign: campaignIndex, adSet: adSetIndex,
                                                    ad: adIndex))
                    }
                    adSets.append(SandboxAdSet(
                        id: MetaAdsPlan.id(kind: 2, accountIndex, campaignIndex, adSetIndex, -1),
                        name: adSet.name, ads: ads))
                }
                campaigns.append(SandboxCampaign(
                    id: MetaAdsPlan.id(kind: 1, accountIndex, campaignIndex, -1, -1),
                    name: campaign.name, objective: "OUTCOME_SALES", adSets: adSets, targetROAS: campaign.roas,
                    averageOrderValueMinor: campaign.aov, dailySpendPerAdMinor: campaign.spend,
                    cpmMinor: campaign.cpm, ctrBasisPoints: campaign.ctr))
            }
            accounts.append(SandboxAdAccount(id: spec.id, name: spec.name, currency: spec.currency,
                                             timezoneName: "Asia/Bangkok", campaigns: campaigns))
        }
        self.accounts = accounts
        self.ads = positions
    }

    private struct CampaignSpec {
        let name: String
        let roas: Double
        let aov: Int64
        let spend: Int64
        let cpm: ClosedRange<Int64>
        let ctr: ClosedRange<Int>
        let page: String
        let adSets: [(name: String, ads: [String])]
    }

    /// 18-digit Meta-style ids: `120214`, the object kind, then its position in the tree.
    private static func id(kind: Int, _ account: Int, _ campaign: Int, _ adSet: Int, _ ad: Int) -> String {
        let body = Int64(kind) * 100_000_000_000 + Int64(account + 1) * 1_000_000_000 + Int64(campaign + 1) * 10_000_000
            + Int64(adSet + 1) * 100_000 + Int64(ad + 1) * 1_000 + 7
        let digits = String(body)
        return "120214" + String(repeating: "0", count: 12 - digits.count) + digits
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
