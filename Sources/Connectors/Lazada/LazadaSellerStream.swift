import Foundation
import OmnidashCore
import Warehouse

/// The seller (`/seller/get`): its name, short code and status, for `stg_shops`.
public struct LazadaSellerStream: SyncStream {
    public let session: LazadaSession
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.lazada) }
    public var accountID: String { String(session.sellerID) }
    public var name: String { "seller" }

    public init(session: LazadaSession, counters: RequestCounters) {
        self.session = session
        self.counters = counters
    }

    struct Seller: Decodable {
        let name: String?
        let shortCode: String?
        let status: String?
        enum CodingKeys: String, CodingKey { case name, shortCode = "short_code", status }
    }

    struct Envelope: Decodable { let data: Seller }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        let call = Lazada.Requests.seller()
        let body = try await session.send(call)
        let seller = try decodeResponse(Envelope.self, body, platform: .lazada, endpoint: call.path).data
        var row = LazadaRawTables.sellers.row()
        row["seller_id"] = .text(accountID)
        row["name"] = SQLValue(seller.name)
        row["short_code"] = SQLValue(seller.shortCode)
        row["status"] = SQLValue(seller.status)
        row["raw_json"] = .text(String(decoding: body, as: UTF8.self))
        var summary = StreamSummary()
        try await context.load(ParsedPage(rows: [row]), into: LazadaRawTables.sellers, of: self, position: seller.name ?? accountID,
                               summary: &summary)
        return summary
    }
}
