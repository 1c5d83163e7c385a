import OmnidashCore

extension SandboxWorld {
    /// The website's sessions that started on `day` (none on or after `asOf`), in start order.
    func websiteSessions(on day: BusinessDate) -> [WebsiteSession] {
        guard day < asOf else { return [] }
        if let cached = sessionDays.withLock({ $0.value(for: day.daysSinceEpoch) }) { return cached }
        // The site sends buyers on to each marketplace's reference shop.
        let candidates = shops.enumerated().filter { index, shop in
            shop.platform.kind == .marketplace && shops.firstIndex { $0.platform == shop.platform } == index
        }.flatMap { _, shop in self.orders(on: day, shop: shop).map { (order: $0, marketplace: shop.platform) } }
        let sessions = websiteDays.sessions(on: day, visitors: { visitors(firstArrivingOn: $0) }, marketplaceOrders: candidates)
        sessionDays.withLock { $0.insert(sessions, for: day.daysSinceEpoch) }
        return sessions
    }

    /// The visitors whose first visit fell on `day` (they may return on later days, even after `asOf`'s history ends).
    private func visitors(firstArrivingOn day: BusinessDate) -> [WebsiteVisitor] {
        guard day < asOf else { return [] }
        if let cached = visitorDays.withLock({ $0.value(for: day.daysSinceEpoch) }) { return cached }
        let visitors = websiteVisitors.visitors(firstArrivingOn: day, adRows: adPerformance(on: day))
        visitorDays.withLock { $0.insert(visitors, for: day.daysSinceEpoch) }
        return visitors
    }

    /// What GA4 records per (date, default channel group) over the closed range: what the warehouse's website figures
    /// must reproduce. Users are distinct within the row; revenue is the purchases' item value (shipping excluded).
    public func websiteTruth(from: BusinessDate, to: BusinessDate) -> [WebsiteChannelTruth] {
        guard from <= to else { return [] }
        return (from...to).flatMap { day -> [WebsiteChannelTruth] in
            var rows: [String: WebsiteChannelTruth] = [:]
            var users: [String: Set<String>] = [:]
            for session in websiteSessions(on: day) {
                let channel = session.attributed.channelGroup
                var row = rows[channel] ?? WebsiteChannelTruth(date: day, channelGroup: channel)
                row.sessions += 1
                row.newUsers += session.isNewUser ? 1 : 0
                row.engagedSessions += session.isEngaged ? 1 : 0
                row.pageviews += Int64(session.pageViews.count)
                if let purchase = session.purchase {
                    row.transactions += 1
                    row.revenueMinor += purchase.valueMinor
                }
                users[channel, default: []].insert(session.userPseudoID)
                rows[channel] = row
            }
            return rows.values.map { row in
                var row = row
                row.users = Int64(users[row.channelGroup]?.count ?? 0)
                return row
            }.sorted { $0.channelGroup < $1.channelGroup }
        }
    }

    /// What each ad campaign brought to the website per date over the closed range, as attribution by UTM can know it:
    /// sessions whose session-scope campaign is one of the campaign's tagged ads (a direct return inherits it; an ad
    /// without tags arrives as a plain referral and is credited to no campaign), their distinct users, purchases and
    /// revenue, and the marketplace orders among those purchases that count as revenue, at their revenue.
    public func attributionTruth(from: BusinessDate, to: BusinessDate) -> [AttributionTruth] {
        guard from <= to else { return [] }
        return (from...to).flatMap { day -> [AttributionTruth] in
            var orders: [String: SimulatedOrder] = [:]
            var rows: [WebsiteTrafficSource.AdReference: AttributionTruth] = [:]
            var users: [WebsiteTrafficSource.AdReference: Set<String>] = [:]
            for session in websiteSessions(on: day) {
                guard let ad = session.attributed.ad, session.attributed.namesCampaign else { continue }
                let key = WebsiteTrafficSource.AdReference(platform: ad.platform, accountID: ad.accountID, campaignID: ad.campaignID, adID: "")
                var row = rows[key] ?? AttributionTruth(date: day, platform: ad.platform, accountID: ad.accountID, campaignID: ad.campaignID)
                row.sessions += 1
                users[key, default: []].insert(session.userPseudoID)
                if let purchase = session.purchase {
                    row.transactions += 1
                    row.revenueMinor += purchase.valueMinor
                    if let marketplace = purchase.marketplace {
                        if orders.isEmpty { orders = marketplaceOrders(on: day) }
                        if let order = orders[marketplace.rawValue + "/" + purchase.transactionID],
                           order.status(at: nowUnix).normalized.countsAsRevenue {
                            row.ecomOrders += 1
                            row.ecomRevenueMinor += order.itemsTotalMinor(at: nowUnix)
                        }
                    }
                }
                rows[key] = row
            }
            return rows.map { key, row in
                var row = row
                row.users = Int64(users[key]?.count ?? 0)
                return row
            }.sorted { ($0.platform.rawValue, $0.accountID, $0.campaignID) < ($1.platform.rawValue, $1.accountID, $1.campaignID) }
        }
    }

    private func marketplaceOrders(on day: BusinessDate) -> [String: SimulatedOrder] {
        var result: [String: SimulatedOrder] = [:]
        for shop in shops where shop.platform.kind == .marketplace {
            for order in orders(on: day, shop: shop) { result[shop.platform.rawValue + "/" + order.orderSN] = order }
        }
        return result
    }
}
