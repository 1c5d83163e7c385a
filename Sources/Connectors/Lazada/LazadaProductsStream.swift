import Foundation
import OmnidashCore
import Warehouse

/// Lazada products with their SKUs (prices, stock), refreshed in full on every sync; a catalogue is small next to
/// its orders.
public struct LazadaProductsStream: SyncStream {
    public let session: LazadaSession
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.lazada) }
    public var accountID: String { String(session.sellerID) }
    public var name: String { "products" }

    public init(session: LazadaSession, counters: RequestCounters) {
        self.session = session
        self.counters = counters
    }

    struct Product: Decodable {
        struct Attributes: Decodable { let name: String? }
        let itemID: NumericText
        let status: String?
        let updatedTime: NumericText?
        let attributes: Attributes?
        enum CodingKeys: String, CodingKey {
            case itemID = "item_id", status, updatedTime = "updated_time", attributes
        }
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        var summary = StreamSummary()
        var offset = 0
        while true {
            let call = Lazada.Requests.products(offset: offset)
            let scanner = JSONScanner([UInt8](try await session.send(call)))
            guard let list = try? scanner.value(at: ["data", "products"]), let products = try? scanner.elements(of: list) else {
                throw ConnectorError(.invalidResponse, platform: .lazada, endpoint: call.path, message: "data.products is missing or not an array")
            }
            var page = ParsedPage()
            for product in products { page.append(row(scanner, product)) }
            offset += products.count
            try await context.load(page, into: LazadaRawTables.products, of: self, position: "\(offset) products", summary: &summary)
            if products.count < Lazada.productPageSize { break }
        }
        return summary
    }

    private func row(_ scanner: JSONScanner, _ range: Range<Int>) -> ParsedRecord {
        let raw = scanner.text(range)
        do {
            let product = try JSONDecoder().decode(Product.self, from: Data(scanner.bytes[range]))
            var row = LazadaRawTables.products.row()
            row["seller_id"] = .text(accountID)
            row["item_id"] = .text(product.itemID.text)
            row["name"] = SQLValue(product.attributes?.name)
            row["status"] = SQLValue(product.status)
            row["skus"] = .text((try? scanner.members(of: range))?.first { $0.key == "skus" }.map { scanner.text($0.value) } ?? "[]")
            // `updated_time` is in milliseconds.
            row["update_time"] = .integer((product.updatedTime?.int64 ?? 0) / 1_000)
            row["raw_json"] = .text(raw)
            return .row(row)
        } catch {
            let reason = (error as? DecodingError)?.oneLine ?? "\(error)"
            return .reject(RawReject(source: Platform.lazada.rawValue, stream: name, accountID: accountID, recordKey: nil, reason: reason,
                                     payload: raw))
        }
    }
}
