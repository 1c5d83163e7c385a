import Foundation
import Warehouse

/// Shopee products: every listed and unlisted item with its base info (SKU, prices, stock), refreshed in full
/// on every sync; a seller's catalogue is small next to its orders.
public struct ShopeeProductsStream: SyncStream {
    public let session: ShopeeSession
    public let counters: RequestCounters
    public var source: String { "shopee" }
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
            var rows: [[SQLValue]] = []
            var rejects: [RawReject] = []
            for element in elements {
                switch Self.row(scanner, element, shopID: accountID) {
                case .success(let row): rows.append(row)
                case .failure(let reject): rejects.append(reject)
                }
            }
            try await context.sink.load(RawPage(stream: Shopee.Streams.products, rows: rows, rejects: rejects))
            summary.records += rows.count
            summary.rejects += rejects.count
            context.progress(.pageLoaded(source: source, account: accountID, stream: name, records: rows.count,
                                         rejects: rejects.count, position: "\(start + batch.count) of \(itemIDs.count) items"))
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

    static func row(_ scanner: JSONScanner, _ range: Range<Int>, shopID: String) -> Result<[SQLValue], RawReject> {
        let raw = scanner.text(range)
        do {
            let item = try JSONDecoder().decode(Item.self, from: Data(scanner.bytes[range]))
            let price = item.priceInfo?.first
            return .success([
                .text(shopID), .text(String(item.itemID)), SQLValue(item.itemName), SQLValue(item.itemSKU),
                SQLValue(item.itemStatus), SQLValue(price?.currency), SQLValue(price?.currentPrice.map { "\($0)" }),
                SQLValue(price?.originalPrice.map { "\($0)" }), SQLValue(item.stockInfoV2?.summaryInfo?.totalAvailableStock),
                .integer(item.updateTime), .text(raw),
            ])
        } catch {
            let reason = (error as? DecodingError)?.oneLine ?? "\(error)"
            return .failure(RawReject(source: "shopee", stream: "products", accountID: shopID, recordKey: nil, reason: reason, payload: raw))
        }
    }
}

extension RawReject: Error {}
