import Hummingbird
import OmnidashCore

/// `GET /{version}/act_{id}/insights`: rows per object per time bucket, only the requested fields (plus
/// `date_start`, `date_stop` and `account_id`), every metric a numeric string, paged with cursors and a full
/// `paging.next` URL that is left out on the last page.
extension FacebookEmulator {
    func insights(_ account: Int, path: String, query: QueryParameters) throws -> Response {
        let request = try InsightsRequest(query: query, asOf: world.asOf)
        let rows = rows(account: account, request: request)
        let page = rows.dropFirst(request.offset).prefix(request.limit)
        var writer = JSONWriter(reservingCapacity: 32_768)
        writer.beginObject()
        writer.key("data")
        writer.beginArray()
        for row in page { write(row, request: request, into: &writer) }
        writer.endArray()
        if !page.isEmpty {
            let last = request.offset + page.count - 1
            writer.key("paging")
            writer.beginObject()
            writer.key("cursors")
            writer.beginObject()
            writer.field("before", GraphCursor.encode(request.offset))
            writer.field("after", GraphCursor.encode(last))
            writer.endObject()
            if last + 1 < rows.count {
                let base = baseURL.withLock { $0 }
                writer.field("next", base + path + "?" + query.replacing("after", with: GraphCursor.encode(last)))
            }
            writer.endObject()
        }
        writer.endObject()
        return HTTPReply.json(.ok, writer.bytes)
    }

    // MARK: - Rows

    private func rows(account: Int, request: InsightsRequest) -> [InsightsRow] {
        let key = request.rowsKey(accountID: world.adAccounts[account].id)
        if let cached = insightRows.withLock({ $0.value(for: key) }) { return cached }
        let plan = world.adsPlan
        let cells = request.breakdowns.isEmpty ? [] : AudienceSplit.cells(request.breakdowns)
        var rows: [InsightsRow] = []
        for (start, stop) in buckets(request) {
            var groups: [Int: InsightsRow] = [:]
            // Days from the world's "now" on have no delivery, however far the range reaches.
            let lastDelivered = min(stop, world.asOf.adding(days: -1))
            for day in stride(from: start, through: lastDelivered, by: 1) {
                let age = world.age(of: day)
                for delivery in world.adPerformance(on: day) {
                    let position = plan.ads[delivery.adIndex]
                    guard position.account == account, passes(request.filter, position) else { continue }
                    let (groupKey, row) = group(request.level, position: position, adIndex: delivery.adIndex,
                                                start: start, stop: stop)
                    guard !cells.isEmpty else {
                        groups[groupKey, default: row].metrics.add(delivery, age: age)
                        continue
                    }
                    // Each ad-day is split on its own, so broken-down rows add up to the unbroken ones at every level.
                    var whole = InsightsMetrics()
                    whole.add(delivery, age: age)
                    for (index, part) in whole.split(cells.map(\.weight)).enumerated() {
                        var cellRow = row
                        (cellRow.age, cellRow.gender) = (cells[index].age, cells[index].gender)
                        groups[groupKey * 32 + index, default: cellRow].metrics.add(part)
                    }
                }
            }
            let kept = groups.keys.sorted().compactMap { groups[$0] }
                .filter { cells.isEmpty ? $0.metrics.impressions > 0 : !$0.metrics.isEmpty }
            rows.append(contentsOf: kept)
        }
        insightRows.withLock { $0.insert(rows, for: key) }
        return rows
    }

    private func group(_ level: InsightsRequest.Level, position: AdsPlan.AdPosition, adIndex: Int,
                       start: BusinessDate, stop: BusinessDate) -> (Int, InsightsRow)
    {
        switch level {
        case .account:
            return (0, InsightsRow(account: position.account, campaign: nil, adSet: nil, ad: nil, dateStart: start, dateStop: stop))
        case .campaign:
            return (position.campaign, InsightsRow(account: position.account, campaign: position.campaign, adSet: nil,
                                                   ad: nil, dateStart: start, dateStop: stop))
        case .adset:
            return (position.campaign * 100 + position.adSet,
                    InsightsRow(account: position.account, campaign: position.campaign, adSet: position.adSet, ad: nil,
                                dateStart: start, dateStop: stop))
        case .ad:
            return (adIndex, InsightsRow(account: position.account, campaign: position.campaign, adSet: position.adSet,
                                         ad: position.ad, dateStart: start, dateStop: stop))
        }
    }

    private func passes(_ filter: InsightsRequest.IDFilter, _ position: AdsPlan.AdPosition) -> Bool {
        let plan = world.adsPlan
        if let ids = filter.campaignIDs, !ids.contains(plan.campaign(of: position).id) { return false }
        if let ids = filter.adSetIDs, !ids.contains(plan.adSet(of: position).id) { return false }
        if let ids = filter.adIDs, !ids.contains(plan.ad(of: position).id) { return false }
        return true
    }

    /// The time buckets of the request: single days, N-day runs from `since`, calendar months, or the whole range.
    /// Buckets starting on or after the world's "now" could hold no rows and are not made.
    private func buckets(_ request: InsightsRequest) -> [(BusinessDate, BusinessDate)] {
        let lastStart = min(request.until, world.asOf.adding(days: -1))
        switch request.increment {
        case .allDays:
            return [(request.since, request.until)]
        case .days(let length):
            return stride(from: request.since, through: lastStart, by: length).map {
                ($0, min($0.adding(days: length - 1), request.until))
            }
        case .monthly:
            var result: [(BusinessDate, BusinessDate)] = []
            var start = request.since
            while start <= lastStart {
                let stop = min(start.endOfMonth, request.until)
                result.append((start, stop))
                start = stop.adding(days: 1)
            }
            return result
        }
    }

    // MARK: - Rendering

    private func write(_ row: InsightsRow, request: InsightsRequest, into writer: inout JSONWriter) {
        let plan = world.adsPlan
        let account = plan.accounts[row.account]
        let campaign = row.campaign.map { account.campaigns[$0] }
        let adSet = row.adSet.flatMap { set in campaign.map { $0.adSets[set] } }
        let ad = row.ad.flatMap { index in adSet.map { $0.ads[index] } }
        let metrics = row.metrics
        let fields = Set(request.fields)
        let want = { (name: String) in fields.contains(name) }
        let spend = metrics.spendMinor

        writer.beginObject()
        writer.field("account_id", account.id)
        if want("account_name") { writer.field("account_name", account.name) }
        if want("account_currency") { writer.field("account_currency", account.currency) }
        if let campaign {
            if want("campaign_id") { writer.field("campaign_id", campaign.id) }
            if want("campaign_name") { writer.field("campaign_name", campaign.name) }
        }
        if let adSet {
            if want("adset_id") { writer.field("adset_id", adSet.id) }
            if want("adset_name") { writer.field("adset_name", adSet.name) }
        }
        if let ad {
            if want("ad_id") { writer.field("ad_id", ad.id) }
            if want("ad_name") { writer.field("ad_name", ad.name) }
        }
        if want("objective"), let campaign { writer.field("objective", campaign.metaObjective) }
        if want("buying_type") { writer.field("buying_type", "AUCTION") }
        if want("impressions") { writer.field("impressions", String(metrics.impressions)) }
        if want("reach") { writer.field("reach", String(metrics.reach)) }
        if want("frequency"), metrics.reach > 0 { writer.field("frequency", AmountText.ratio(metrics.impressions, metrics.reach)) }
        if want("clicks") { writer.field("clicks", String(metrics.clicks)) }
        if want("inline_link_clicks") { writer.field("inline_link_clicks", String(metrics.inlineLinkClicks)) }
        if want("inline_link_click_ctr"), metrics.impressions > 0 {
            writer.field("inline_link_click_ctr", AmountText.ratio(metrics.inlineLinkClicks * 100, metrics.impressions))
        }
        if want("cost_per_inline_link_click"), metrics.inlineLinkClicks > 0 {
            writer.field("cost_per_inline_link_click", AmountText.ratio(spend, metrics.inlineLinkClicks * 100))
        }
        if want("spend") { writer.field("spend", AmountText.twoDecimals(minor: spend)) }
        if want("cpc"), metrics.clicks > 0 { writer.field("cpc", AmountText.ratio(spend, metrics.clicks * 100)) }
        if want("cpm"), metrics.impressions > 0 { writer.field("cpm", AmountText.ratio(spend * 10, metrics.impressions)) }
        if want("cpp"), metrics.reach > 0 { writer.field("cpp", AmountText.ratio(spend * 10, metrics.reach)) }
        if want("ctr"), metrics.impressions > 0 { writer.field("ctr", AmountText.ratio(metrics.clicks * 100, metrics.impressions)) }
        let actions = actionEntries(metrics)
        if want("actions"), !actions.isEmpty {
            writer.key("actions")
            writeStats(actions, windows: request.windows, values: false, into: &writer)
        }
        let valued = actions.filter { $0.valued }
        if want("action_values"), !valued.isEmpty {
            writer.key("action_values")
            writeStats(valued, windows: request.windows, values: true, into: &writer)
        }
        if want("cost_per_action_type"), !actions.isEmpty, spend > 0 {
            writer.key("cost_per_action_type")
            writer.beginArray()
            for action in actions {
                writer.beginObject()
                writer.field("action_type", action.type)
                writer.field("value", AmountText.ratio(spend, action.stat.count * 100))
                writer.endObject()
            }
            writer.endArray()
        }
        if want("purchase_roas"), metrics.purchases.count > 0, spend > 0 {
            writer.key("purchase_roas")
            writer.beginArray()
            writer.beginObject()
            writer.field("action_type", "omni_purchase")
            writer.field("value", AmountText.ratio(metrics.purchases.value, spend))
            writer.endObject()
            writer.endArray()
        }
        if want("attribution_setting") { writer.field("attribution_setting", "7d_click_1d_view") }
        if let age = row.age { writer.field("age", age) }
        if let gender = row.gender { writer.field("gender", gender) }
        writer.field("date_start", row.dateStart.description)
        writer.field("date_stop", row.dateStop.description)
        writer.endObject()
    }

    private struct ActionEntry {
        let type: String
        let stat: ActionStat
        /// Whether the action has a value (conversions do; clicks and page views do not).
        let valued: Bool
        /// Whether view-through windows apply (only conversions).
        let conversion: Bool
    }

    /// The actions of a row with a non-zero count, in Meta's usual order. A purchase is reported under three
    /// aliases with the same count (ads-apis.md §1.5); summing them would triple conversions.
    private func actionEntries(_ metrics: InsightsMetrics) -> [ActionEntry] {
        var clicks = ActionStat()
        clicks.add(count: metrics.inlineLinkClicks, value: 0)
        var views = ActionStat()
        views.add(count: metrics.landingPageViews, value: 0)
        let entries = [
            ActionEntry(type: "link_click", stat: clicks, valued: false, conversion: false),
            ActionEntry(type: "landing_page_view", stat: views, valued: false, conversion: false),
            ActionEntry(type: "add_to_cart", stat: metrics.addToCart, valued: true, conversion: true),
            ActionEntry(type: "purchase", stat: metrics.purchases, valued: true, conversion: true),
            ActionEntry(type: "offsite_conversion.fb_pixel_purchase", stat: metrics.purchases, valued: true, conversion: true),
            ActionEntry(type: "omni_purchase", stat: metrics.purchases, valued: true, conversion: true),
        ]
        return entries.filter { $0.stat.count > 0 }
    }

    /// `[{action_type, value, <window>…}]`; window keys only for the requested windows the world models, and
    /// view windows only for conversions. Counts are integers as strings, values two-decimal strings.
    private func writeStats(_ entries: [ActionEntry], windows: [String], values: Bool, into writer: inout JSONWriter) {
        writer.beginArray()
        for entry in entries {
            writer.beginObject()
            writer.field("action_type", entry.type)
            let text = { (window: ActionStat.Window) -> String in
                // A click or a page view happens within every click window at once.
                let window = entry.conversion ? window : .value
                return values ? AmountText.twoDecimals(minor: entry.stat.values[window.rawValue])
                    : String(entry.stat.counts[window.rawValue])
            }
            writer.field("value", text(.value))
            for name in windows {
                guard let window = ActionStat.Window.allCases.first(where: { $0.key == name }) else { continue }
                if window == .oneDayView, !entry.conversion { continue }
                writer.field(name, text(window))
            }
            writer.endObject()
        }
        writer.endArray()
    }
}
