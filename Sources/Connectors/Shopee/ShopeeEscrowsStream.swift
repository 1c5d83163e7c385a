import Foundation
import OmnidashCore
import Warehouse

/// Shopee settlements: the orders whose escrow was released, walked by release time (`get_escrow_list`), each with
/// its accounting detail (`get_escrow_detail_batch`), one `raw_shopee_escrows` row per order.
///
/// The first pass starts at `since`; each later one starts `lateListing` before where the last one ended, since
/// an escrow can be listed after the release time it carries. Passes are cut into windows of 15 days (the API
/// documents no limit; the orders' limit keeps each window's listing short), listed 100 a page and detailed 50 at
/// a time.
public struct ShopeeEscrowsStream: WindowedStream {
    public let session: ShopeeSession
    public let parser: ShopeeEscrowParser
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.shopee) }
    public var accountID: String { String(shopID) }
    public var name: String { "escrows" }
    public var table: RawTableContract { ShopeeRawTables.escrows }
    public var windowLength: Int64 { Shopee.maxOrderWindowSeconds }
    public var policy: PassPolicy<Int64> {
        .incremental(backfill: Self.timeField, incremental: Self.timeField, overlap: Self.lateListing)
    }
    let shopID: Int64

    static let timeField = "release_time"
    /// How late an escrow may be listed after its release time and still be found (UNVERIFIED: Shopee documents no
    /// delay; three days costs one more page or two a sync).
    static let lateListing: Int64 = 3 * 86_400
    /// `get_escrow_list`'s largest page.
    static let pageSize = 100

    public init(session: ShopeeSession, shopID: Int64, parser: ShopeeEscrowParser, counters: RequestCounters) {
        self.session = session
        self.shopID = shopID
        self.parser = parser
        self.counters = counters
    }

    public func bounds(_ context: StreamContext) -> (since: Int64, until: Int64) {
        (Int64(context.since.timeIntervalSince1970), Int64(context.until.timeIntervalSince1970))
    }

    /// One page of the window's escrow list with its details; the cursor is the next `page_no`.
    public func fetchPage(_ request: WindowRequest<Int64>) async throws -> (page: ParsedPage, next: String?) {
        let pageNo = request.cursor.flatMap(Int.init) ?? 1
        // The list's `release_time_to` is inclusive, a window's end is not.
        let listCall = Shopee.Requests.escrowList(releasedFrom: request.start, to: request.end - 1, pageNo: pageNo,
                                                  pageSize: Self.pageSize)
        let list = JSONScanner([UInt8](try await session.send(listCall)))
        guard let entries = try? list.value(at: ["response", "escrow_list"]), let elements = try? list.elements(of: entries) else {
            throw ConnectorError(.invalidResponse, platform: .shopee, endpoint: listCall.path,
                                 message: "response.escrow_list is missing or not an array")
        }
        guard let moreRange = try? list.value(at: ["response", "more"]), ["true", "false"].contains(list.text(moreRange)) else {
            throw ConnectorError(.invalidResponse, platform: .shopee, endpoint: listCall.path,
                                 message: "response.more is missing or not a boolean")
        }
        var page = ParsedPage()
        var listings: [String: ShopeeEscrowParser.Listing] = [:]
        var listed: [String] = []
        for (index, element) in elements.enumerated() {
            switch parser.listing(list, element, index: index, shopID: accountID) {
            case .listed(let listing):
                if listings.updateValue(listing, forKey: listing.orderSN) == nil { listed.append(listing.orderSN) }
            case .rejected(let reject):
                page.rejects.append(reject)
            }
        }
        var answered = Set<String>()
        for start in stride(from: 0, to: listed.count, by: Shopee.detailBatchSize) {
            let batch = Array(listed[start..<min(start + Shopee.detailBatchSize, listed.count)])
            let detailCall = Shopee.Requests.escrowDetailBatch(orderSNs: batch)
            let scanner = JSONScanner([UInt8](try await session.send(detailCall)))
            guard let response = try? scanner.value(at: ["response"]), let details = try? scanner.elements(of: response) else {
                throw ConnectorError(.invalidResponse, platform: .shopee, endpoint: detailCall.path,
                                     message: "response is missing or not an array")
            }
            for detail in details {
                let record = parser.parse(scanner, detail, listings: listings, shopID: accountID)
                // An order answered twice is loaded once: one page must not hold two rows of one key.
                if let orderSN = record.row?["order_sn"].string, !answered.insert(orderSN).inserted { continue }
                page.append(record)
            }
        }
        for orderSN in listed where !answered.contains(orderSN) && !page.rejects.contains(where: { $0.recordKey == orderSN }) {
            page.rejects.append(RawReject(source: Platform.shopee.rawValue, stream: name, accountID: accountID, recordKey: orderSN,
                                          reason: "escrow_detail: listed as released but missing from get_escrow_detail_batch",
                                          payload: nil))
        }
        return (page, list.text(moreRange) == "true" ? String(pageNo + 1) : nil)
    }
}
