import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// `/finance/202309/statements` and their statement transactions against the fee truth.
@Suite("TikTok Shop finance")
struct TikTokShopFinanceTests {
    /// TikTok's transaction fields mapped back to the neutral vocabulary (fees are negative amounts).
    static func neutralFees(_ transaction: [String: Any]) throws -> [String: Int64] {
        func value(_ name: String) throws -> Int64 { try #require(FinanceTest.minor(text: transaction[name]), "\(name)") }
        return [
            "commission": -(try value("platform_commission_amount")),
            "transaction": -(try value("transaction_fee_amount")),
            "service": -(try value("sfp_service_fee_amount")),
            // What the carrier charged, less what the buyer paid and the platform's subsidy, is the seller's share.
            "shipping_subsidy": try -value("actual_shipping_fee_amount") - value("customer_shipping_fee_amount")
                - value("shipping_fee_subsidy_amount"),
            "seller_voucher": 0,
            "platform_voucher": 0,
            "affiliate": -(try value("affiliate_commission_amount")),
            "other": 0,
        ]
    }

    /// A call's `data`, waiting out TikTok's 50-requests-a-second limit per API as a client must.
    static func data(_ client: TestTikTokClient, _ path: String, _ query: [(String, String)]) async throws -> [String: Any] {
        for _ in 0..<50 {
            let json = try await client.call(path, query).json
            if SandboxTest.int64(json["code"]) == 36_009_002 {
                try await Task.sleep(for: .milliseconds(100))
                continue
            }
            #expect(SandboxTest.int64(json["code"]) == 0, "\(json)")
            return try json.object("data")
        }
        throw CancellationError()
    }

    @Test func statementTransactionsOfAFewDaysEqualTheFeeTruth() async throws {
        try await SandboxTest.withServer { server in
            let client = TestTikTokClient(server.credentials.tiktokShop)
            let calendar = server.world.calendar
            let shopID = server.credentials.tiktokShop.shopID
            let first = SandboxTest.asOf.adding(days: -24), last = SandboxTest.asOf.adding(days: -22)
            let yesterday = SandboxTest.asOf.adding(days: -1)
            let truth = try await FinanceTest.truth(server, from: first, to: yesterday)

            // Every statement since the first day, five a page.
            var statements: [[String: Any]] = []
            var token = ""
            repeat {
                let data = try await Self.data(client, "/finance/202309/statements", [
                    ("statement_time_ge", String(calendar.startOfDay(first))), ("sort_field", "statement_time"),
                    ("page_size", "5"), ("page_token", token),
                ])
                statements += try data.array("statements")
                token = data["next_page_token"] as? String ?? ""
            } while !token.isEmpty
            let ids = statements.compactMap { $0["id"] as? String }
            #expect(ids.count == statements.count && Set(ids).count == ids.count && ids.count > 15)

            var tallies: [String: FinanceTest.Tally] = [:]
            var transactionIDs: [String] = []
            for statement in statements {
                let id = try statement.string("id")
                var transactions: [[String: Any]] = []
                var page = ""
                repeat {
                    let data = try await Self.data(client, "/finance/202309/statements/\(id)/statement_transactions", [
                        ("sort_field", "order_create_time"), ("page_size", "40"), ("page_token", page),
                    ])
                    #expect(data["statement_id"] as? String == id)
                    transactions += try data.array("statement_transactions")
                    page = data["next_page_token"] as? String ?? ""
                } while !page.isEmpty
                // The statement's totals are its transactions'.
                for field in ["settlement_amount", "revenue_amount", "fee_amount"] {
                    let sum = try transactions.reduce(Int64(0)) { $0 + (try #require(FinanceTest.minor(text: $1[field]))) }
                    #expect(FinanceTest.minor(text: statement[field]) == sum, "\(field) of \(id)")
                }
                for transaction in transactions {
                    transactionIDs.append(try transaction.string("id"))
                    let created = try #require(SandboxTest.int64(transaction["order_create_time"]))
                    let day = calendar.date(unixSeconds: created)
                    #expect(day < yesterday, "yesterday's orders are not settled")
                    guard day >= first, day <= last else { continue }
                    let fees = try Self.neutralFees(transaction)
                    let settlement = try #require(FinanceTest.minor(text: transaction["settlement_amount"]))
                    let revenue = try #require(FinanceTest.minor(text: transaction["revenue_amount"]))
                    let fee = try #require(FinanceTest.minor(text: transaction["fee_amount"]))
                    #expect(settlement == revenue + fee, "settlement = revenue + fee + adjustment (0)")
                    let items = try #require(FinanceTest.minor(text: transaction["after_seller_discounts_subtotal_amount"]))
                    #expect(settlement == items - fees.values.reduce(0, +))
                    let key = "\(day)|\(shopID)"
                    var tally = tallies[key, default: FinanceTest.Tally()]
                    for (name, amount) in fees { tally.fees[name, default: 0] += amount }
                    tally.itemsTotal += items
                    tally.settlement += settlement
                    tally.settledOrders += 1
                    tallies[key] = tally
                }
            }
            #expect(Set(transactionIDs).count == transactionIDs.count, "every transaction once")
            for day in first...last {
                let key = "\(day)|\(shopID)"
                let expected = try #require(truth.tallies[key])
                #expect(expected.settledOrders > 20)
                #expect(expected.fees["affiliate", default: 0] > 0, "about a fifth of TikTok orders pay an affiliate")
                #expect(tallies[key, default: FinanceTest.Tally()] == expected, "\(key)")
            }
            #expect(truth.tallies["\(yesterday)|\(shopID)"]?.settledOrders == 0)
        }
    }

    @Test func theFinanceCallsAreCheckedAsTheOthers() async throws {
        try await SandboxTest.withServer { server in
            let client = TestTikTokClient(server.credentials.tiktokShop)
            let list = [("sort_field", "statement_time")]
            #expect(try await client.code("/finance/202309/statements", list).code == 0)
            let forged = try await client.code("/finance/202309/statements", list, sign: String(repeating: "0", count: 64))
            #expect(forged == (401, 106_001))
            var stranger = client
            stranger.accessToken = "TTP_" + String(repeating: "x", count: 40)
            #expect(try await stranger.code("/finance/202309/statements", list).code == 36_009_004)
            #expect(try await client.code("/finance/202309/statements", list, cipher: .some(nil)).code == 106_013)
            #expect(try await client.code("/finance/202309/statements").code == 36_009_004, "sort_field is required")
            let unknown = try await client.code("/finance/202309/statements/7200000000000000001/statement_transactions",
                                                [("sort_field", "order_create_time")])
            #expect(unknown.code == 36_009_004)
        }
    }
}
