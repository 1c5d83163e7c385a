import Foundation
import OmnidashCore
import Warehouse

/// Shopee shop information (`get_shop_info`): the shop's name, region and status, for `stg_shops`.
public struct ShopeeShopStream: SyncStream {
    public let session: ShopeeSession
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.shopee) }
    public var accountID: String { String(shopID) }
    public var name: String { "shop" }
    let shopID: Int64

    public init(session: ShopeeSession, shopID: Int64, counters: RequestCounters) {
        self.session = session
        self.shopID = shopID
        self.counters = counters
    }

    struct ShopInfo: Decodable {
        let shopName: String?
        let region: String?
        let status: String?
        /// When the shop's authorisation of the app ends (Unix seconds).
        let expireTime: NumericText?
        enum CodingKeys: String, CodingKey { case shopName = "shop_name", region, status, expireTime = "expire_time" }
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        let call = Shopee.Requests.shopInfo()
        let body = try await session.send(call)
        // get_shop_info answers at the top level, without `response`.
        let info = try decodeResponse(ShopInfo.self, body, platform: .shopee, endpoint: call.path)
        var row = ShopeeRawTables.shops.row()
        row["shop_id"] = .text(accountID)
        row["shop_name"] = SQLValue(info.shopName)
        row["region"] = SQLValue(info.region)
        row["status"] = SQLValue(info.status)
        row["raw_json"] = .text(String(decoding: body, as: UTF8.self))
        if let expireTime = info.expireTime?.int64, expireTime > 0 { try await session.recordAuthorizationExpiry(expireTime) }
        var summary = StreamSummary()
        try await context.load(ParsedPage(rows: [row]), into: ShopeeRawTables.shops, of: self, position: info.shopName ?? accountID,
                               summary: &summary)
        return summary
    }
}
