import OmnidashCore

/// Shopee's streams for each configured shop: the shop, its products, its orders, their settlements (escrows).
public struct ShopeeConnector: SourceConnector {
    public init() {}

    public func streamGroups(_ settings: ShopeeSettings, kit: ConnectorKit) async throws -> [[any SyncStream]] {
        let parser = ShopeeOrderParser(hasher: kit.hasher)
        let escrowParser = ShopeeEscrowParser(hasher: kit.hasher)
        var groups: [[any SyncStream]] = []
        for shop in settings.shops {
            let counters = RequestCounters()
            let runner = await kit.runner(.platform(.shopee), account: String(shop.shopID), limit: settings.rateLimit, counters: counters)
            let session = ShopeeSession(source: settings, shop: shop, vault: kit.vault, runner: runner, now: kit.environment.now)
            var streams: [any SyncStream] = [
                ShopeeShopStream(session: session, shopID: shop.shopID, counters: counters),
                ShopeeProductsStream(session: session, shopID: shop.shopID, counters: counters),
                ShopeeOrdersStream(session: session, shopID: shop.shopID, parser: parser, counters: counters),
                ShopeeEscrowsStream(session: session, shopID: shop.shopID, parser: escrowParser, counters: counters),
            ]
            if settings.ads { streams += ShopeeConnector.adsStreams(session: session, calendar: kit.calendar, counters: counters) }
            groups.append(streams)
        }
        return groups
    }
}
