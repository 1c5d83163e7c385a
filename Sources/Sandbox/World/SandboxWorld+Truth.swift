import OmnidashCore

extension SandboxWorld {
    /// The ground truth for every day of the closed range, in date order; days on or after `asOf` are all zero.
    public func truth(from: BusinessDate, to: BusinessDate) -> [DayTruth] {
        guard from <= to else { return [] }
        return (from...to).map { day in
            var truth = DayTruth(date: day)
            for order in orders(on: day) where order.status(at: nowUnix).normalized.countsAsRevenue {
                truth.revenueMinor += order.itemsTotalMinor
                truth.orders += 1
                truth.units += order.units
            }
            let age = age(of: day)
            for row in adPerformance(on: day) {
                let account = adsPlan.account(of: adsPlan.ads[row.adIndex])
                truth.spendMinor += thbMinor(row.spendMinor, currency: account.currency, on: day)
                truth.clicks += row.clicks
                truth.impressions += row.impressions
                truth.conversions += row.conversions(age: age).purchases
            }
            return truth
        }
    }

    /// The ground truth per Meta campaign per day over the closed range (campaigns without delivery that day are
    /// left out), ordered by date, then account, then campaign.
    public func campaignTruth(from: BusinessDate, to: BusinessDate) -> [CampaignTruth] {
        guard from <= to else { return [] }
        var result: [CampaignTruth] = []
        for day in from...to {
            let age = age(of: day)
            var byCampaign: [String: CampaignTruth] = [:]
            var order: [String] = []
            for row in adPerformance(on: day) {
                let position = adsPlan.ads[row.adIndex]
                let account = adsPlan.account(of: position)
                let campaign = adsPlan.campaign(of: position)
                let conversions = row.conversions(age: age)
                if byCampaign[campaign.id] == nil {
                    order.append(campaign.id)
                    byCampaign[campaign.id] = CampaignTruth(
                        date: day, accountID: account.id, campaignID: campaign.id, campaignName: campaign.name,
                        spendMinor: 0, clicks: 0, impressions: 0, conversions: 0, conversionValueMinor: 0)
                }
                byCampaign[campaign.id]!.spendMinor += thbMinor(row.spendMinor, currency: account.currency, on: day)
                byCampaign[campaign.id]!.clicks += row.clicks
                byCampaign[campaign.id]!.impressions += row.impressions
                byCampaign[campaign.id]!.conversions += conversions.purchases
                byCampaign[campaign.id]!.conversionValueMinor += thbMinor(
                    conversions.valueMinor, currency: account.currency, on: day)
            }
            result.append(contentsOf: order.map { byCampaign[$0]! })
        }
        return result
    }
}
