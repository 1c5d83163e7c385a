import OmnidashCore

extension LazadaConnector {
    /// Sponsored Solutions on the seller's own session and rate bucket: the campaigns (entities), then the daily
    /// campaign report staging reads.
    static func adsStreams(session: LazadaSession, settings: LazadaSettings, calendar: BusinessCalendar,
                           counters: RequestCounters) -> [any SyncStream] {
        let currency = Lazada.adsCurrency(baseURL: settings.baseURL)
        return [
            LazadaAdsCampaignsStream(session: session, calendar: calendar, currency: currency, counters: counters),
            LazadaAdsCampaignReportStream(session: session, calendar: calendar, currency: currency, counters: counters),
        ]
    }
}
