import Foundation
import OmnidashCore
import Warehouse

/// The transactions of TikTok Shop's statements (`/finance/202309/statements/{id}/statement_transactions`): an order's
/// settlement with its fee breakdown. Transactions are listed per statement, so this stream walks the statements as
/// `TikTokShopStatementsStream` does (the same windows and overlap) and, for each page of them, fetches every page of
/// every statement's transactions and loads them as one page: a statement's transactions are stored whole or not at
/// all, and an interrupted sync resumes at the next page of statements.
public struct TikTokShopStatementTransactionsStream: TikTokShopStatementWalk {
    public let session: TikTokShopSession
    public let counters: RequestCounters
    public var name: String { "statement_transactions" }
    public var table: RawTableContract { TikTokShopRawTables.statementTransactions }

    public init(session: TikTokShopSession, counters: RequestCounters) {
        self.session = session
        self.counters = counters
    }

    public func fetchPage(_ request: WindowRequest<Int64>) async throws -> (page: ParsedPage, next: String?) {
        let call = TikTokShop.Requests.statements(start: request.start, end: request.end, pageToken: request.cursor)
        let (scanner, statements, next) = try await session.searchPage(call, list: "statements")
        let parser = TikTokShopFinanceParser(shopID: accountID)
        var page = ParsedPage()
        for record in statements {
            // A statement that cannot be read is rejected by the statements stream; its transactions wait until it can.
            guard let statement = parser.statement(scanner, record).row, let id = statement["statement_id"].string,
                  let time = statement["statement_time"].int64 else { continue }
            var token: String?
            repeat {
                let listing = TikTokShop.Requests.statementTransactions(statementID: id, pageToken: token)
                let (body, transactions, following) = try await session.searchPage(listing, list: "statement_transactions")
                for transaction in transactions {
                    page.append(parser.transaction(body, transaction, statementID: id, statementTime: time))
                }
                if let following, following == token {
                    throw ConnectorError(.invalidResponse, platform: .tiktokShop, endpoint: listing.path,
                                         message: "statement \(id) gave the same next_page_token twice")
                }
                token = following
            } while token != nil
        }
        return (page, next)
    }
}
