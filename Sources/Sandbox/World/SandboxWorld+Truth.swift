import OmnidashCore

extension SandboxWorld {
    /// The ground truth for every day of the closed range, in date order; days on or after `asOf` are all zero.
    public func truth(from: BusinessDate, to: BusinessDate) -> [DayTruth] {
        guard from <= to else { return [] }
        let slices = Dictionary(grouping: platformTruth(from: from, to: to), by: \.date)
        return (from...to).map { day in
            var truth = DayTruth(date: day)
            for slice in slices[day] ?? [] {
                truth.revenueMinor += slice.revenueMinor
                truth.orders += slice.orders
                truth.units += slice.units
                truth.spendMinor += slice.spendMinor
                truth.clicks += slice.clicks
                truth.impressions += slice.impressions
                truth.conversions += slice.conversions
            }
            return truth
        }
    }

    /// The ground truth per (date, platform, shop or account) over the closed range, ordered by date, then platform,
    /// then id. Every shop has a slice every day; an ad account has one on days it delivered.
    public func platformTruth(from: BusinessDate, to: BusinessDate) -> [PlatformDayTruth] {
        guard from <= to else { return [] }
        var result: [PlatformDayTruth] = []
        for day in from...to {
            var slices: [PlatformDayTruth] = []
            for shop in shops {
                var slice = PlatformDayTruth(date: day, platform: shop.platform, accountID: String(shop.shopID))
                for order in orders(on: day, shop: shop) {
                    if order.status(at: nowUnix).normalized.countsAsRevenue {
                        slice.revenueMinor += order.itemsTotalMinor(at: nowUnix)
                        slice.orders += 1
                        slice.units += order.units(at: nowUnix)
                    } else {
                        // A cancelled or returned order is refunded whole, a line withdrawn before included.
                        slice.refundedOrders += 1
                        slice.refundMinor += order.lines.reduce(0) { $0 + $1.discountedPriceMinor * Int64($1.quantity) }
                    }
                }
                slices.append(slice)
            }
            let age = age(of: day)
            var accounts: [String: PlatformDayTruth] = [:]
            for row in adPerformance(on: day) {
                let account = adsPlan.account(of: adsPlan.ads[row.adIndex])
                var slice = accounts[account.platform.rawValue + "/" + account.id]
                    ?? PlatformDayTruth(date: day, platform: account.platform, accountID: account.id)
                slice.spendMinor += thbMinor(row.spendMinor, currency: account.currency, on: day)
                slice.clicks += row.clicks
                slice.impressions += row.impressions
                slice.conversions += row.conversions(age: age).purchases
                accounts[account.platform.rawValue + "/" + account.id] = slice
            }
            slices += accounts.values
            result += slices.sorted { ($0.platform.rawValue, $0.accountID) < ($1.platform.rawValue, $1.accountID) }
        }
        return result
    }

    /// The ground truth per campaign per day on every ad platform over the closed range (campaigns without delivery that day are
    /// left out), ordered by date, then plan order (platform, account, campaign).
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
                // Ids are unique within a platform's account only.
                let key = [account.platform.rawValue, account.id, campaign.id].joined(separator: "/")
                if byCampaign[key] == nil {
                    order.append(key)
                    byCampaign[key] = CampaignTruth(
                        date: day, platform: account.platform, accountID: account.id, campaignID: campaign.id, campaignName: campaign.name,
                        spendMinor: 0, clicks: 0, impressions: 0, conversions: 0, conversionValueMinor: 0,
                        dailyBudgetMinor: thbMinor(campaign.effectiveDailyBudgetMinor, currency: account.currency, on: day))
                }
                byCampaign[key]!.spendMinor += thbMinor(row.spendMinor, currency: account.currency, on: day)
                byCampaign[key]!.clicks += row.clicks
                byCampaign[key]!.impressions += row.impressions
                byCampaign[key]!.conversions += conversions.purchases
                byCampaign[key]!.conversionValueMinor += thbMinor(
                    conversions.valueMinor, currency: account.currency, on: day)
            }
            result.append(contentsOf: order.map { byCampaign[$0]! })
        }
        return result
    }
}
