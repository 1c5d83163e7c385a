import Foundation
import OmnidashCore
import Warehouse

/// TikTok Shop's daily settlement statements (`/finance/202309/statements`), walked by `statement_time`
/// (`TikTokShopStatementWalk`).
public struct TikTokShopStatementsStream: TikTokShopStatementWalk {
    public let session: TikTokShopSession
    public let counters: RequestCounters
    public var name: String { "statements" }
    public var table: RawTableContract { TikTokShopRawTables.statements }

    public init(session: TikTokShopSession, counters: RequestCounters) {
        self.session = session
        self.counters = counters
    }

    public func fetchPage(_ request: WindowRequest<Int64>) async throws -> (page: ParsedPage, next: String?) {
        let call = TikTokShop.Requests.statements(start: request.start, end: request.end, pageToken: request.cursor)
        let (scanner, statements, next) = try await session.searchPage(call, list: "statements")
        let parser = TikTokShopFinanceParser(shopID: accountID)
        var page = ParsedPage()
        for record in statements { page.append(parser.statement(scanner, record)) }
        return (page, next)
    }
}
