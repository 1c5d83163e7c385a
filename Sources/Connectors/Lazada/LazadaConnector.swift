import OmnidashCore

/// Lazada's streams for each configured seller: the seller, its products, its orders, its transaction lines.
public struct LazadaConnector: SourceConnector {
    public init() {}

    public func streamGroups(_ settings: LazadaSettings, kit: ConnectorKit) async throws -> [[any SyncStream]] {
        let parser = LazadaOrderParser(hasher: kit.hasher)
        var groups: [[any SyncStream]] = []
        for seller in settings.sellers {
            let counters = RequestCounters()
            let runner = await kit.runner(.platform(.lazada), account: String(seller.sellerID), limit: settings.rateLimit, counters: counters)
            let session = LazadaSession(settings: settings, seller: seller, vault: kit.vault, runner: runner, now: kit.environment.now)
            var streams: [any SyncStream] = [
                LazadaSellerStream(session: session, counters: counters),
                LazadaProductsStream(session: session, counters: counters),
                LazadaOrdersStream(session: session, parser: parser, calendar: kit.calendar, counters: counters),
                LazadaTransactionsStream(session: session, calendar: kit.calendar, counters: counters),
            ]
            if settings.ads { streams += LazadaConnector.adsStreams(session: session, settings: settings, calendar: kit.calendar, counters: counters) }
            groups.append(streams)
        }
        return groups
    }
}
