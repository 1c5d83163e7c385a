import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// `/finance/transaction/details/get` against the fee truth.
@Suite("Lazada finance")
struct LazadaFinanceTests {
    /// Lazada's transaction names mapped back to the neutral vocabulary (fees are negative amounts).
    static let neutral: [String: String] = [
        "Commission": "commission", "Payment Fee": "transaction", "Free Shipping Max Fee": "service",
        "Shipping Fee Paid by Seller": "shipping_subsidy",
    ]

    /// Every line of the window, paged by `limit`.
    static func lines(_ client: TestLazadaClient, from: BusinessDate, to: BusinessDate, limit: Int,
                      extra: [(String, String)] = []) async throws -> [[String: Any]] {
        var all: [[String: Any]] = []
        while true {
            let reply = try await client.call("/finance/transaction/details/get", [
                ("start_time", from.description), ("end_time", to.description), ("offset", String(all.count)), ("limit", String(limit)),
            ] + extra)
            let json = try reply.json
            #expect(json["code"] as? String == "0")
            let page = try #require(json["data"] as? [[String: Any]])
            all += page
            if page.count < limit { return all }
        }
    }

    @Test func transactionLinesOfAFewDaysEqualTheFeeTruth() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.lazada
            let client = TestLazadaClient(credentials: credentials, accessToken: credentials.accessToken)
            let first = SandboxTest.asOf.adding(days: -24), last = SandboxTest.asOf.adding(days: -22)
            let truth = try await FinanceTest.truth(server, from: first, to: last)

            // The orders of those days, by creation day (their `created_at` carries the local date).
            var dayOf: [String: String] = [:]
            var offset = 0, total = 0
            repeat {
                let reply = try await client.call("/orders/get", [
                    ("created_after", "\(first)T00:00:00+07:00"), ("created_before", "\(last)T23:59:59+07:00"),
                    ("sort_by", "created_at"), ("sort_direction", "ASC"), ("offset", String(offset)), ("limit", "100"),
                ])
                let data = try reply.json.object("data")
                for order in try data.array("orders") { dayOf[try order.string("order_id")] = String(try order.string("created_at").prefix(10)) }
                total = Int(data["countTotal"] as? String ?? "") ?? -1
                offset += 100
            } while offset < total

            // Paging by 137 returns every line once, the same as one call of 500 at a time.
            let lines = try await Self.lines(client, from: first, to: SandboxTest.asOf.adding(days: -1), limit: 137)
            let numbers = lines.compactMap { $0["transaction_number"] as? String }
            #expect(numbers.count == lines.count && Set(numbers).count == numbers.count, "every line once")
            let big = try await Self.lines(client, from: first, to: SandboxTest.asOf.adding(days: -1), limit: 500)
            #expect(big.compactMap { $0["transaction_number"] as? String } == numbers)

            var tallies: [String: FinanceTest.Tally] = [:]
            var orders: [String: Set<String>] = [:]
            for line in lines {
                let order = try line.string("order_no")
                guard let day = dayOf[order] else { continue }
                let key = "\(day)|\(credentials.sellerID)"
                let amount = try #require(FinanceTest.minor(text: line["amount"]))
                #expect(line["transaction_type"] as? String == line["fee_name"] as? String)
                var tally = tallies[key, default: FinanceTest.Tally()]
                let name = try line.string("transaction_type")
                if name == "Item Price Credit" {
                    #expect(amount > 0)
                    tally.itemsTotal += amount
                } else {
                    let type = try #require(Self.neutral[name], "unknown transaction type \(name)")
                    #expect(amount < 0, "fees are negative")
                    tally.fees[type, default: 0] -= amount
                }
                tally.settlement += amount
                tallies[key] = tally
                orders[key, default: []].insert(order)
            }
            for day in first...last {
                let key = "\(day)|\(credentials.sellerID)"
                var tally = tallies[key, default: FinanceTest.Tally()]
                tally.settledOrders = Int64(orders[key]?.count ?? 0)
                let expected = try #require(truth.tallies[key])
                #expect(expected.settledOrders > 20)
                #expect(tally == expected, "\(key)")
            }

            // A transaction type filter keeps only that type.
            let payment = try await Self.lines(client, from: first, to: last, limit: 500, extra: [("trans_type", "13")])
            #expect(!payment.isEmpty && payment.allSatisfy { $0["transaction_type"] as? String == "Payment Fee" })
        }
    }

    @Test func anUnsettledOrderHasNoLinesAndTheCallIsChecked() async throws {
        try await SandboxTest.withServer { server in
            let credentials = server.credentials.lazada
            let client = TestLazadaClient(credentials: credentials, accessToken: credentials.accessToken)
            let yesterday = SandboxTest.asOf.adding(days: -1)
            let truth = try await FinanceTest.truth(server, from: yesterday, to: yesterday)
            #expect(truth.tallies["\(yesterday)|\(credentials.sellerID)"]?.settledOrders == 0)
            #expect((truth.unsettled["\(yesterday)|\(credentials.sellerID)"] ?? 0) > 20)
            let order = try #require(server.world.orders(on: yesterday, shop: .sukhonLazada).first)
            let lines = try await Self.lines(client, from: yesterday.adding(days: -30), to: yesterday, limit: 500,
                                             extra: [("trade_order_id", order.orderSN)])
            #expect(lines.isEmpty)

            let window = [("start_time", yesterday.description), ("end_time", yesterday.description)]
            let forged = try await client.call("/finance/transaction/details/get", window, sign: String(repeating: "A", count: 64))
            #expect(try forged.json["code"] as? String == "IncompleteSignature")
            var stranger = client
            stranger.accessToken = "50000" + String(repeating: "0", count: 33)
            #expect(try await stranger.call("/finance/transaction/details/get", window).json["code"] as? String == "IllegalAccessToken")
            let long = try await client.call("/finance/transaction/details/get", [
                ("start_time", yesterday.adding(days: -200).description), ("end_time", yesterday.description),
            ])
            #expect(try long.json["code"] as? String == "1000012")
            let unknown = try await client.call("/finance/transaction/details/get", window + [("trans_type", "999")])
            #expect(try unknown.json["code"] as? String == "1000014")
        }
    }
}
