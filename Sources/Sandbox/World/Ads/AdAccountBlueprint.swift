import OmnidashCore

/// How a platform's folder declares one of the brand's ad accounts: names and economics, with ids minted in the
/// platform's own format. `build()` turns it into the account the world delivers for.
struct AdAccountBlueprint: Sendable {
    let platform: Platform
    let id: String
    let name: String
    let currency: String
    var timeZone = "Asia/Bangkok"
    var utcOffsetHours = 7
    /// `utm_source` and `utm_medium` of the ads' landing pages.
    let utmSource: String
    let utmMedium: String
    /// Whether the tags carry `utm_id` with the campaign's id (as some platforms' value-tracking parameters make easy),
    /// so GA4 sessions can be matched on the id rather than the name.
    var tagsCampaignID = false
    let campaigns: [Campaign]

    struct Campaign: Sendable {
        let name: String
        let kind: SandboxCampaign.Kind
        /// Purchase value over spend the campaign is built to return.
        let roas: Double
        /// Average purchase value and spend per ad per day, in the account currency's minor units.
        let aov: Int64
        let spend: Int64
        let cpm: ClosedRange<Int64>
        /// Click-through range in basis points.
        let ctr: ClosedRange<Int>
        /// The landing page path under the brand's site.
        let page: String
        var budget: BudgetLevel = .campaign
        var startDate = BusinessDate(year: 2025, month: 1, day: 6)!
        var plantedUnderperformer = false
        /// `false` for a campaign whose ads carry no UTM parameters at all (the UTM-governance list finds it).
        var tagged = true
        let adSets: [AdSet]
    }

    struct AdSet: Sendable {
        let name: String
        let ads: [String]
        var keywords: [String] = []
    }

    /// Where the budget sits: shared by the campaign, or one per ad set.
    enum BudgetLevel: Sendable { case campaign, adSet }

    /// The levels of the tree an id is minted for.
    enum Level: Int, Sendable { case campaign = 1, adSet, ad, keyword }

    /// Builds the account; `id` mints the platform-format id of the object at a level and position in the tree
    /// (campaign, ad set, ad or keyword indices, as deep as the level goes).
    func build(id mint: (Level, [Int]) -> String) -> SandboxAdAccount {
        let campaigns = self.campaigns.enumerated().map { campaignIndex, campaign in
            let campaignID = mint(.campaign, [campaignIndex])
            let utmCampaign = campaign.name.lowercased().replacingAll("+", with: "plus")
            let adSets = campaign.adSets.enumerated().map { setIndex, set in
                let ads = set.ads.enumerated().map { adIndex, adName in
                    var landingURL = "https://www.sukhonbeauty.co.th/\(campaign.page)"
                    if campaign.tagged {
                        landingURL += "?utm_source=\(utmSource)&utm_medium=\(utmMedium)&utm_campaign=\(utmCampaign)"
                            + "&utm_content=\(adName.lowercased())" + (tagsCampaignID ? "&utm_id=\(campaignID)" : "")
                    }
                    return SandboxAd(id: mint(.ad, [campaignIndex, setIndex, adIndex]), name: adName, landingURL: landingURL,
                                     alwaysOn: adIndex == 0)
                }
                return SandboxAdSet(
                    id: mint(.adSet, [campaignIndex, setIndex]), name: set.name,
                    dailyBudgetMinor: campaign.budget == .adSet ? budget(campaign.spend * Int64(ads.count)) : nil,
                    keywords: keywords(set.keywords) { mint(.keyword, [campaignIndex, setIndex, $0]) }, ads: ads)
            }
            let adCount = Int64(adSets.reduce(0) { $0 + $1.ads.count })
            return SandboxCampaign(
                id: campaignID, name: campaign.name, kind: campaign.kind, adSets: adSets,
                startDate: campaign.startDate,
                dailyBudgetMinor: campaign.budget == .campaign ? budget(campaign.spend * adCount) : nil,
                targetROAS: campaign.roas, isPlantedUnderperformer: campaign.plantedUnderperformer,
                averageOrderValueMinor: campaign.aov, dailySpendPerAdMinor: campaign.spend, cpmMinor: campaign.cpm,
                ctrBasisPoints: campaign.ctr)
        }
        return SandboxAdAccount(platform: platform, id: id, name: name, currency: currency, timeZone: timeZone,
                                utcOffsetHours: utcOffsetHours, campaigns: campaigns)
    }

    /// A budget with headroom over the expected spend (about 1.4 times), rounded up to a round figure a person would
    /// type: 100 baht, or 10 of another currency.
    private func budget(_ expectedSpendMinor: Int64) -> Int64 {
        let step: Int64 = currency == "THB" ? 10_000 : 1_000
        let target = expectedSpendMinor * 14 / 10
        return (target + step - 1) / step * step
    }

    /// Keywords with descending shares of their ad group (the first wins most), which sum to 1,000 ‰ exactly.
    private func keywords(_ texts: [String], id: (Int) -> String) -> [SandboxKeyword] {
        guard !texts.isEmpty else { return [] }
        let weights = texts.indices.map { texts.count - $0 + 1 }
        let total = weights.reduce(0, +)
        var shares = weights.map { $0 * 1_000 / total }
        shares[0] += 1_000 - shares.reduce(0, +)
        let matchTypes = ["exact", "phrase", "broad"]
        return texts.enumerated().map { index, text in
            SandboxKeyword(id: id(index), text: text, matchType: matchTypes[index % matchTypes.count], sharePermille: shares[index])
        }
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
