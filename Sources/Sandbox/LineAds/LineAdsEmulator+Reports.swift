import Hummingbird
import OmnidashCore

/// The online report: statistics per campaign, ad group or ad, summed over `since…until` (the account's days),
/// without a date on the rows, so a client that wants days asks one day at a time.
extension LineAdsEmulator {
    /// What one reported object delivered over the range, in minor units of the account currency.
    struct ReportTotals {
        var costMinor: Int64 = 0
        var impressions: Int64 = 0
        var clicks: Int64 = 0
        var conversions: Int64 = 0
        var conversionValueMinor: Int64 = 0
        var reach: Int64 = 0
        var videoStarts: Int64 = 0
        var videoViews3s: Int64 = 0
        /// Ad-day rows summed; reach is deduplicated once more than one is.
        var rows = 0
    }

    static let reportLevels = ["campaign": 1, "adgroup": 2, "ad": 3]

    func onlineReport(_ account: SandboxAdAccount, level: String, query: QueryParameters) throws(LineAdsError) -> Response {
        guard let depth = Self.reportLevels[level] else {
            throw .badRequest("reportLevel: '\(level)' must be one of campaign, adgroup, ad")
        }
        let paging = try Paging(query)
        // Without dates LINE's default is unverified; the Sandbox reports the last complete day.
        let yesterday = world.asOf.adding(days: -1).description
        let sinceText = query["since"] ?? query["until"] ?? yesterday, untilText = query["until"] ?? sinceText
        guard let since = BusinessDate(sinceText) else { throw .badRequest("since: '\(sinceText)' is not YYYY-MM-DD") }
        guard let until = BusinessDate(untilText) else { throw .badRequest("until: '\(untilText)' is not YYYY-MM-DD") }
        guard since <= until else { throw .badRequest("since: \(since) is after until \(until)") }
        guard since.distance(to: until) < 366 else { throw .badRequest("since…until: at most one year at a time") }

        let accountIndex = world.adsPlan.accounts.firstIndex { $0.platform == .lineAds && $0.id == account.id }
        var totals: [[Int]: ReportTotals] = [:]
        let lastDelivered = min(until, world.asOf.adding(days: -1))
        for day in since <= lastDelivered ? Array(since...lastDelivered) : [] {
            let age = world.age(of: day)
            for row in world.adPerformance(on: day) {
                let position = world.adsPlan.ads[row.adIndex]
                guard position.account == accountIndex else { continue }
                let key = Array([position.campaign, position.adSet, position.ad].prefix(depth))
                let served = row.conversions(age: age)
                var sum = totals[key, default: ReportTotals()]
                sum.costMinor += row.spendMinor
                sum.impressions += row.impressions
                sum.clicks += row.clicks
                sum.conversions += served.purchases
                sum.conversionValueMinor += served.valueMinor
                sum.reach += row.reach
                sum.videoStarts += row.videoViews
                sum.videoViews3s += row.videoViews * 7 / 10
                sum.rows += 1
                totals[key] = sum
            }
        }
        let datas = totals.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { key in
            reportRow(account, key: key, totals: totals[key]!)
        }
        return HTTPReply.json(.ok, paging.page(of: datas, extra: [
            ("timeRange", .object([("since", .string(since.description)), ("until", .string(until.description))])),
        ]))
    }

    private func reportRow(_ account: SandboxAdAccount, key: [Int], totals: ReportTotals) -> JSONValue {
        let campaign = account.campaigns[key[0]]
        var members: [(String, JSONValue)] = [("adaccount", accountJSON(account)), ("campaign", campaignJSON(campaign))]
        if key.count > 1 { members.append(("adgroup", adGroupJSON(campaign.adSets[key[1]], campaign: campaign))) }
        if key.count > 2 { members.append(("ad", adJSON(campaign.adSets[key[1]].ads[key[2]], adGroup: campaign.adSets[key[1]]))) }
        members.append(("statistics", statistics(totals, currency: account.currency)))
        return .object(members)
    }

    /// LINE's `statistics`: numbers only; money in major units of the account currency.
    private func statistics(_ totals: ReportTotals, currency: String) -> JSONValue {
        func ratio(_ numerator: Int64, _ denominator: Int64, digits: Int) -> JSONValue {
            denominator == 0 ? .null : .number(AmountText.ratio(numerator, denominator, digits: digits))
        }
        let reach = totals.rows > 1 ? totals.reach * 9 / 10 : totals.reach
        return .object([
            ("currency", .string(currency)),
            ("cost", .amount(minor: totals.costMinor)),
            ("imp", .int(totals.impressions)),
            ("viewableImp", .int(totals.impressions * 62 / 100)),
            ("click", .int(totals.clicks)),
            ("cv", .int(totals.conversions)),
            ("cvPurchase", .int(totals.conversions)),
            ("cvPurchaseValue", .amount(minor: totals.conversionValueMinor)),
            ("ROAS", ratio(totals.conversionValueMinor, totals.costMinor, digits: 4)),
            ("reach", .int(reach)),
            ("videoStart", .int(totals.videoStarts)),
            ("videoView3s", .int(totals.videoViews3s)),
            ("ctr", ratio(totals.clicks, totals.impressions, digits: 6)),
            ("cvr", ratio(totals.conversions, totals.clicks, digits: 6)),
            ("cpc", ratio(totals.costMinor, totals.clicks * 100, digits: 2)),
            ("cpm", ratio(totals.costMinor * 10, totals.impressions, digits: 2)),
            ("cpa", ratio(totals.costMinor, totals.conversions * 100, digits: 2)),
        ])
    }
}
