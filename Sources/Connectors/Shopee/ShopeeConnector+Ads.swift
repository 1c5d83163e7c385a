import OmnidashCore

extension ShopeeConnector {
    /// Shopee Ads on the shop's own session and rate bucket: the campaigns (entities) first, then the campaigns'
    /// daily performance staging reads, then the shop's daily totals.
    static func adsStreams(session: ShopeeSession, calendar: BusinessCalendar, counters: RequestCounters) -> [any SyncStream] {
        [
            ShopeeAdsCampaignsStream(session: session, counters: counters),
            ShopeeAdsCampaignDailyStream(session: session, calendar: calendar, counters: counters),
            ShopeeAdsDailyStream(session: session, calendar: calendar, counters: counters),
        ]
    }
}
