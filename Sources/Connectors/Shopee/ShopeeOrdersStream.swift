import Foundation
import Warehouse

/// Shopee orders: a first pass over creation times back to `since`, then passes over update times from where
/// the last pass ended, so status changes (cancellations, returns, completions) arrive too.
///
/// Passes are cut into windows of at most 15 days, listed 100 orders a page, and detailed 50 at a time. Each
/// listed page is one transaction with the state that points past it, so a killed sync resumes at the next page.
public struct ShopeeOrdersStream: SyncStream {
    public let session: ShopeeSession
    public let parser: ShopeeOrderParser
    public let counters: RequestCounters
    public var source: String { "shopee" }
    public var accountID: String { String(shopID) }
    public var name: String { "orders" }
    let shopID: Int64

    /// Orders updated while the previous pass ran are caught by starting the next pass this much earlier.
    static let overlapSeconds: Int64 = 3600

    struct State: Codable, Equatable {
        /// The time field of the current pass.
        var field: Shopee.Requests.TimeField
        var passStart: Int64
        var passEnd: Int64
        /// Start of the window being fetched; the pass is done when it reaches `passEnd`.
        var windowStart: Int64
        /// Cursor inside the current window; `""` at its start.
        var cursor: String
        /// Every order updated before this instant is loaded (set when a pass completes).
        var completedThrough: Int64?
    }

    public init(session: ShopeeSession, shopID: Int64, parser: ShopeeOrderParser, counters: RequestCounters) {
        self.session = session
        self.shopID = shopID
        self.parser = parser
        self.counters = counters
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        let saved = try await context.state.state(State.self, source: source, accountID: accountID, stream: name)
        var state = Self.plan(saved: saved, context: context)
        var summary = StreamSummary(windowStart: Self.iso(state.passStart), windowEnd: Self.iso(state.passEnd))
        while state.windowStart < state.passEnd {
            let windowEnd = min(state.windowStart + Shopee.maxOrderWindowSeconds, state.passEnd)
            let listCall = Shopee.Requests.orderList(field: state.field, from: state.windowStart, to: windowEnd, cursor: state.cursor)
            let list = try decodeResponse(Shopee.Envelope<Shopee.OrderListPage>.self, try await session.send(listCall), platform: .shopee, endpoint: listCall.path)
            guard let page = list.response else {
                throw ConnectorError(.invalidResponse, platform: .shopee, endpoint: listCall.path, message: "response is missing")
            }
            var rows: [[SQLValue]] = []
            var rejects: [RawReject] = []
            let orderSNs = page.orderList.map(\.orderSN)
            for start in stride(from: 0, to: orderSNs.count, by: Shopee.detailBatchSize) {
                let batch = Array(orderSNs[start..<min(start + Shopee.detailBatchSize, orderSNs.count)])
                let detailCall = Shopee.Requests.orderDetail(orderSNs: batch)
                let body = try await session.send(detailCall)
                let scanner = JSONScanner([UInt8](body))
                guard let list = try? scanner.value(at: ["response", "order_list"]), let elements = try? scanner.elements(of: list) else {
                    throw ConnectorError(.invalidResponse, platform: .shopee, endpoint: detailCall.path,
                                         message: "response.order_list is missing or not an array")
                }
                for element in elements {
                    switch parser.parse(scanner, element, shopID: accountID) {
                    case .row(let row): rows.append(row)
                    case .reject(let reject): rejects.append(reject)
                    }
                }
            }
            if page.more, !page.nextCursor.isEmpty {
                state.cursor = page.nextCursor
            } else {
                state.windowStart = windowEnd
                state.cursor = ""
            }
            if state.windowStart >= state.passEnd {
                state.completedThrough = max(state.completedThrough ?? 0, state.passEnd)
            }
            try await context.sink.load(RawPage(
                stream: Shopee.Streams.orders, rows: rows, rejects: rejects,
                state: try SyncStateStore.update(state, source: source, accountID: accountID, stream: name)))
            summary.records += rows.count
            summary.rejects += rejects.count
            context.progress(.pageLoaded(source: source, account: accountID, stream: name, records: rows.count,
                                         rejects: rejects.count, position: "\(state.field.rawValue) window from \(Self.iso(state.windowStart))"))
        }
        if saved == nil || saved != state {
            try await context.state.save(state, source: source, accountID: accountID, stream: name)
        }
        return summary
    }

    /// The pass to run: the unfinished one, or a new one (creation times back to `since` on the first sync or
    /// with an explicit `--since`; update times since the last pass otherwise).
    static func plan(saved: State?, context: StreamContext) -> State {
        let now = Int64(context.until.timeIntervalSince1970)
        let since = Int64(context.since.timeIntervalSince1970)
        // An unfinished pass resumes, unless an explicit --since asks for a different one.
        if let saved, saved.windowStart < saved.passEnd, !context.sinceIsExplicit || saved.passStart == since { return saved }
        if let completed = saved?.completedThrough, !context.sinceIsExplicit {
            let start = max(completed - overlapSeconds, since)
            return State(field: .updateTime, passStart: start, passEnd: max(now, start), windowStart: start, cursor: "",
                         completedThrough: completed)
        }
        return State(field: .createTime, passStart: since, passEnd: max(now, since), windowStart: since, cursor: "",
                     completedThrough: saved?.completedThrough)
    }

    static func iso(_ unixSeconds: Int64) -> String { Timestamp.string(unixSeconds: unixSeconds) }
}

