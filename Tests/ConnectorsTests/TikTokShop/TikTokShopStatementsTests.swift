@testable import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

@Suite("TikTok Shop statements", .serialized)
struct TikTokShopStatementsTests {
    /// A documented-shape statement transaction (202309), amounts as TikTok writes them.
    static let transaction = #"""
        {"id":"7300000000000000001","type":"ORDER","order_id":"576461413038785752","order_create_time":1717174800,\#
        "currency":"THB","revenue_amount":"540.00","settlement_amount":"455.3","fee_amount":"-84.70","adjustment_amount":"0",\#
        "after_seller_discounts_subtotal_amount":"500.00","customer_shipping_fee_amount":"0","shipping_fee_amount":"-60.00",\#
        "shipping_fee_subsidy_amount":"40.00","platform_commission_amount":"-40.00","transaction_fee_amount":"-16.20",\#
        "sfp_service_fee_amount":"-8.50","affiliate_commission_amount":"0","gross_sales_amount":"520.00"}
        """#

    static func parse(_ json: String) throws -> ParsedRecord {
        let scanner = JSONScanner(Array(json.utf8))
        return TikTokShopFinanceParser(shopID: "7494").transaction(scanner, try scanner.root(), statementID: "7200", statementTime: 1_717_286_400)
    }

    @Test("the statement list is a signed GET over statement time, a hundred a page, with the shop's cipher")
    func statementRequests() throws {
        let call = TikTokShop.Requests.statements(start: 1_717_200_000, end: 1_717_804_800, pageToken: "b2Zm")
        let request = call.request(baseURL: "https://open-api.tiktokglobalshop.com", appKey: "38abcd", appSecret: "e59af819cc",
                                   timestamp: 1_717_804_800, accessToken: "TTP_token", shopCipher: "ROW_abc123")
        let components = try #require(URLComponents(string: request.url))
        let items = (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
        let query = Dictionary(uniqueKeysWithValues: items)
        #expect(request.method == .get && request.body == nil)
        #expect(components.path == "/finance/202309/statements")
        #expect(query["statement_time_ge"] == "1717200000" && query["statement_time_lt"] == "1717804800")
        #expect(query["sort_field"] == "statement_time" && query["page_size"] == "100" && query["page_token"] == "b2Zm")
        #expect(query["shop_cipher"] == "ROW_abc123")
        #expect(query["sign"] == TikTokShop.signature(path: call.path, query: items, body: nil, appSecret: "e59af819cc"))
        let transactions = TikTokShop.Requests.statementTransactions(statementID: "7200", pageToken: nil)
        #expect(transactions.path == "/finance/202309/statements/7200/statement_transactions")
        #expect(transactions.query.contains { $0 == ("sort_field", "order_create_time") })
        #expect(!transactions.query.contains { $0.0 == "page_token" })
    }

    @Test func aTransactionKeepsTheExactTextOfItsAmounts() throws {
        let row = try #require(try Self.parse(Self.transaction).row)
        #expect(row["transaction_id"] == "7300000000000000001" && row["statement_id"] == "7200" && row["statement_time"] == 1_717_286_400)
        #expect(row["order_id"] == "576461413038785752" && row["type"] == "ORDER" && row["order_create_time"] == 1_717_174_800)
        #expect(row["settlement_amount"] == "455.3" && row["shipping_fee_amount"] == "-60.00")
        #expect(row["affiliate_partner_commission_amount"] == .null, "a field TikTok leaves out stays null")
        #expect(try #require(row["raw_json"].string).contains("gross_sales_amount"))
    }

    @Test("a malformed transaction is rejected with the field named", arguments: [
        (#""transaction_fee_amount":"-16.20""#, #""transaction_fee_amount":"-16,20""#, "transaction_fee_amount: expected an amount"),
        (#""transaction_fee_amount":"-16.20""#, #""transaction_fee_amount":-16.2"#, "transaction_fee_amount: expected a string"),
        (#""order_create_time":1717174800"#, #""order_create_time":"soon""#, "order_create_time: expected a number"),
        (#""order_id":"576461413038785752","#, "", "order_id: is required for an ORDER transaction"),
        (#""settlement_amount":"455.3","#, "", "settlement_amount: is required for an ORDER transaction"),
        (#""currency":"THB""#, #""currency":"BAHT""#, "currency: missing or not a 3-letter code"),
    ])
    func malformedTransactions(original: String, broken: String, reason: String) throws {
        #expect(Self.transaction.contains(original), "the sample no longer holds \(original)")
        let record = try Self.parse(Self.transaction.replacingOccurrences(of: original, with: broken))
        guard case .reject(let reject) = record else {
            Issue.record("\(broken) should be rejected")
            return
        }
        #expect(reject.reason.hasPrefix(reason), "\(reject.reason)")
        #expect(reject.recordKey == "7300000000000000001" && reject.stream == "statement_transactions")
    }

    @Test func aStatementWhoseIDCannotGoIntoAPathIsRejected() throws {
        let scanner = JSONScanner(Array(#"{"id":"72/../x","statement_time":1717286400,"settlement_amount":"1.00"}"#.utf8))
        guard case .reject(let reject) = TikTokShopFinanceParser(shopID: "1").statement(scanner, try scanner.root()) else {
            Issue.record("the statement should be rejected")
            return
        }
        #expect(reject.reason.hasPrefix("id: "), "\(reject.reason)")
    }

    @Test("a sync lands one transaction per settled order of the window, and a rerun adds nothing", arguments: WarehouseEngine.allCases)
    func syncAgainstTheSandbox(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 14)
            let shopID = sandbox.server.credentials.tiktokShop.shopID
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.tiktokShop)])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM raw_rejects").int64 == 0)

            let truth = sandbox.server.world.feeTruth(from: window.start, to: window.end)
                .filter { $0.platform == .tiktokShop && $0.shopID == shopID }
            #expect(truth.count == window.dayCount && truth.reduce(0) { $0 + $1.settledOrders } > 100)
            let calendar = BusinessCalendar.bangkok
            let rows = try await fixture.warehouse.query(SQLStatement(
                """
                SELECT order_id, order_create_time, statement_id FROM raw_tiktok_statement_transactions
                WHERE shop_id = :shop AND type = 'ORDER' AND order_create_time >= :start AND order_create_time < :end
                """,
                ["shop": .text(shopID), "start": .integer(calendar.startOfDay(window.start)),
                 "end": .integer(calendar.startOfDay(window.end.adding(days: 1)))]))
            var perDay: [BusinessDate: Int64] = [:]
            for row in rows { perDay[calendar.date(unixSeconds: row.int("order_create_time")), default: 0] += 1 }
            for day in truth { #expect(perDay[day.date, default: 0] == day.settledOrders, "\(day.date)") }
            #expect(Set(rows.map { $0.text("order_id") }).count == rows.count, "one transaction per order")
            let orphans = try await fixture.warehouse.scalar("""
                SELECT count(*) FROM raw_tiktok_statement_transactions t
                WHERE NOT EXISTS (SELECT 1 FROM raw_tiktok_statements s WHERE s.shop_id = t.shop_id AND s.statement_id = t.statement_id)
                """).int64
            #expect(orphans == 0, "every transaction's statement is stored")

            let counts = try await Self.counts(fixture.warehouse)
            let rerun = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.tiktokShop)])
            #expect(rerun.succeeded)
            #expect(try await Self.counts(fixture.warehouse) == counts)
        }
    }

    static func counts(_ warehouse: any Warehouse) async throws -> [Int64] {
        var counts: [Int64] = []
        for table in TikTokShopRawTables.settlements {
            counts.append(try await warehouse.scalar(SQLStatement("SELECT count(*) FROM \(table.table)")).int64 ?? 0)
        }
        return counts
    }
}
