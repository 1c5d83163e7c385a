import Foundation
import OmnidashCore
import Warehouse

/// Shopee products: every listed and unlisted item with its base info (SKU, prices, stock), refreshed in full
/// on every sync; a seller's catalogue is small next to its orders.
public struct ShopeeProductsStream: SyncStream {
    public let session: ShopeeSession
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.shopee) }
    public var accountID: String { String(shopID) }
    public var name: String { "products" }
    let shopID: Int64

    public init(session: ShopeeSession, shopID: Int64, counters: RequestCounters) {
        self.session = session
        self.shopID = shopID
        self.counters = counters
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        var itemIDs: [Int64] = []
        var offset = 0
        while true {
            let call = Shopee.Requests.itemList(offset: offset)
            let page = try decodeResponse(Shopee.Envelope<Shopee.ItemListPage>.self, try await session.send(call),
                                          platform: .shopee, endpoint: call.path)
            itemIDs += page.response?.item?.map(\.itemID) ?? []
            guard let response = page.response, response.hasNextPage, let next = response.nextOffset, next > offset else { break }
            offset = next
        }
        var summary = StreamSummary()
        for start in stride(from: 0, to: itemIDs.count, by: Shopee.itemBatchSize) {
            let batch = Array(itemIDs[start..<min(start + Shopee.itemBatchSize, itemIDs.count)])
            let call = Shopee.Requests.itemBaseInfo(itemIDs: batch)
            let body = try await session.send(call)
            let scanner = JSONScanner([UInt8](body))
            guard let list = try? scanner.value(at: ["response", "item_list"]), let elements = try? scanner.elements(of: list) else {
                throw ConnectorError(.invalidResponse, platform: .shopee, endpoint: call.path,
                                     message: "response.item_list is missing or not an array")
            }
            var page = ParsedPage()
            for element in elements { page.append(Self.row(scanner, element, shopID: accountID)) }
            try await context.load(page, into: ShopeeRawTables.products, of: self,
                                   position: "\(start + batch.count) of \(itemIDs.count) items", summary: &summary)
        }
        return summary
    }

    struct Item: Decodable {
        struct Price: Decodable {
            let currency: String?
            let originalPrice: Decimal?
            let currentPrice: Decimal?
            enum CodingKeys: String, CodingKey { case currency, originalPrice = "original_price", currentPrice = "current_price" }
        }
        struct Stock: Decodable {
            struct Summary: Decodable {
                let totalAvailableStock: Int64?
                enum CodingKeys: String, CodingKey { case totalAvailableStock = "total_available_stock" }
            }
            let summaryInfo: Summary?
            enum CodingKeys: String, CodingKey { case summaryInfo = "summary_info" }
        }
        let itemID: Int64
        let itemName: String?
        let itemSKU: String?
        let itemStatus: String?
        let updateTime: Int64
        let priceInfo: [Price]?
        let stockInfoV2: Stock?

        enum CodingKeys: String, CodingKey {
            case itemID = "item_id", itemName = "item_name", itemSKU = "item_sku", itemStatus = "item_status",
                 updateTime = "update_time", priceInfo = "price_info", stockInfoV2 = "stock_info_v2"
        }
    }

    static func row(_ scanner: JSONScanner, _ range: Range<Int>, shopID: String) -> ParsedRecord {
        let raw = scanner.text(range)
        do {
            let item = try JSONDecoder().decode(Item.self, from: Data(scanner.bytes[range]))
            let price = item.priceInfo?.first
            var row = ShopeeRawTables.products.row()
            row["shop_id"] = .text(shopID)
            row["item_id"] = .text(String(item.itemID))
            row["item_name"] = SQLValue(item.itemName)
            row["item_sku"] = SQLValue(item.itemSKU)
            row["item_status"] = SQLValue(item.itemStatus)
            row["currency"] = SQLValue(price?.currency)
            row["current_price"] = SQLValue(price?.currentPrice.map { "\($0)" })
            row["original_price"] = SQLValue(price?.originalPrice.map { "\($0)" })
            row["stock"] = SQLValue(item.stockInfoV2?.summaryInfo?.totalAvailableStock)
            row["update_time"] = .integer(item.updateTime)
            row["raw_json"] = .text(raw)
            return .row(row)
        } catch {
            let reason = (error as? DecodingError)?.oneLine ?? "\(error)"
            return .reject(RawReject(source: Platform.shopee.rawValue, stream: "products", accountID: shopID, recordKey: nil, reason: reason, payload: raw))
        }
    }
}
