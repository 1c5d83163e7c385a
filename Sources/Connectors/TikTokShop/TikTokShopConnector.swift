import OmnidashCore

/// TikTok Shop's streams for each configured shop: the shop, its products, its orders, its returns, its settlement
/// statements and their transactions. Each shop has its own tokens, rate limiter and sync state.
public struct TikTokShopConnector: SourceConnector {
    public init() {}

    public func streamGroups(_ settings: TikTokShopSettings, kit: ConnectorKit) async throws -> [[any SyncStream]] {
        let parser = TikTokShopOrderParser(hasher: kit.hasher)
        var groups: [[any SyncStream]] = []
        for shop in settings.shops {
            let counters = RequestCounters()
            let runner = await kit.runner(.platform(.tiktokShop), account: shop.shopID, limit: settings.rateLimit, counters: counters)
            let session = TikTokShopSession(settings: settings, shop: shop, vault: kit.vault, runner: runner, now: kit.environment.now)
            groups.append([
                TikTokShopShopsStream(session: session, counters: counters),
                TikTokShopProductsStream(session: session, counters: counters),
                TikTokShopOrdersStream(session: session, parser: parser, counters: counters),
                TikTokShopReturnsStream(session: session, counters: counters),
                TikTokShopStatementsStream(session: session, counters: counters),
                TikTokShopStatementTransactionsStream(session: session, counters: counters),
            ])
        }
        return groups
    }
}
