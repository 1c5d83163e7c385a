import OmnidashCore
import Warehouse

extension LoadStaging {
    /// A page of parsed Shopee orders staged as it loads: `stg_orders` and `stg_order_items` rows depending on the
    /// page's raw rows, mapped exactly as `ShopeeOrdersStaging` maps them when it restages.
    /// - Parameter loadedAt: The page's load time (`RawSink.nextLoadTime()`), which `_ingested_at` is made from.
    public func shopeeOrders(_ orders: [ShopeeOrderColumns], loadedAt: Int64) throws -> StagedRows {
        let ingestedAt = RawSink.ingestedAt(loadedAt)
        let names = shopNames[.shopee] ?? [:]
        var outcome = StagingOutcome()
        let mapped = orders.map { ShopeeOrdersStaging.order($0, shopName: names[$0.shopID], ingestedAt: ingestedAt, outcome: &outcome) }
        return try stage(mapped, platform: .shopee, outcome: outcome)
    }
}
