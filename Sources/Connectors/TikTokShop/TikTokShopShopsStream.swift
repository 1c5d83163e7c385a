import Foundation
import OmnidashCore
import Warehouse

/// The shop as `/authorization/202309/shops` lists it (name, region, seller type), for `stg_shops`. Asking also
/// confirms that the authorisation still covers the shop before its orders are read.
public struct TikTokShopShopsStream: SyncStream {
    public let session: TikTokShopSession
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.tiktokShop) }
    public var accountID: String { session.shopID }
    public var name: String { "shop" }

    public init(session: TikTokShopSession, counters: RequestCounters) {
        self.session = session
        self.counters = counters
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        let (body, shop) = try await session.authorizedShops()
        var row = TikTokShopRawTables.shops.row()
        row["shop_id"] = .text(shop.id)
        row["name"] = SQLValue(shop.name)
        row["region"] = SQLValue(shop.region)
        row["seller_type"] = SQLValue(shop.sellerType)
        row["code"] = SQLValue(shop.code)
        row["raw_json"] = .text(String(decoding: body, as: UTF8.self))
        var summary = StreamSummary()
        try await context.load(ParsedPage(rows: [row]), into: TikTokShopRawTables.shops, of: self, position: shop.name ?? shop.id,
                               summary: &summary)
        return summary
    }
}
