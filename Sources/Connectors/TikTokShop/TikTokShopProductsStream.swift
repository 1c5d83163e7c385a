import Foundation
import OmnidashCore
import Warehouse

/// TikTok Shop products with their SKUs (seller SKU codes, prices), refreshed in full on every sync; a catalogue is
/// small next to its orders.
public struct TikTokShopProductsStream: SyncStream {
    public let session: TikTokShopSession
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.tiktokShop) }
    public var accountID: String { session.shopID }
    public var name: String { "products" }

    public init(session: TikTokShopSession, counters: RequestCounters) {
        self.session = session
        self.counters = counters
    }

    struct Product: Decodable {
        let id: String
        let title: String?
        let status: String?
        let updateTime: Int64?
        enum CodingKeys: String, CodingKey { case id, title, status, updateTime = "update_time" }
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        var summary = StreamSummary()
        var token: String?
        var count = 0
        repeat {
            let (scanner, products, next) = try await session.searchPage(TikTokShop.Requests.products(pageToken: token), list: "products")
            var page = ParsedPage()
            for product in products { page.append(row(scanner, product)) }
            count += products.count
            try await context.load(page, into: TikTokShopRawTables.products, of: self, position: "\(count) products", summary: &summary)
            token = next
        } while token != nil
        return summary
    }

    private func row(_ scanner: JSONScanner, _ range: Range<Int>) -> ParsedRecord {
        let raw = scanner.text(range)
        do {
            let product = try JSONDecoder().decode(Product.self, from: Data(scanner.bytes[range]))
            var row = TikTokShopRawTables.products.row()
            row["shop_id"] = .text(accountID)
            row["product_id"] = .text(product.id)
            row["title"] = SQLValue(product.title)
            row["status"] = SQLValue(product.status)
            row["skus"] = .text((try? scanner.members(of: range))?.first { $0.key == "skus" }.map { scanner.text($0.value) } ?? "[]")
            row["update_time"] = .integer(product.updateTime ?? 0)
            row["raw_json"] = .text(raw)
            return .row(row)
        } catch {
            let reason = (error as? DecodingError)?.oneLine ?? "\(error)"
            return .reject(RawReject(source: Platform.tiktokShop.rawValue, stream: name, accountID: accountID, recordKey: nil,
                                     reason: reason, payload: raw))
        }
    }
}
