import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// Shared pieces of the finance tests: the fee truth as `/_sandbox/truth/fees` publishes it, and per-day tallies the
/// tests build from each platform's finance API after mapping its fee names to the neutral vocabulary.
enum FinanceTest {
    /// The neutral fee keys of the truth endpoint.
    static let feeKeys = ["commission", "transaction", "service", "shipping_subsidy", "seller_voucher", "platform_voucher",
                          "affiliate", "other"]

    /// What one shop's orders of one day settled for, as the truth or a test's tally has it.
    struct Tally: Equatable, CustomStringConvertible {
        var fees: [String: Int64] = Dictionary(uniqueKeysWithValues: FinanceTest.feeKeys.map { ($0, 0) })
        var itemsTotal: Int64 = 0
        var settlement: Int64 = 0
        var settledOrders: Int64 = 0

        var description: String { "fees \(fees.sorted { $0.key < $1.key }), items \(itemsTotal), settlement \(settlement), orders \(settledOrders)" }
    }

    /// The truth per (date, shop id), plus the unsettled counts.
    static func truth(_ server: SandboxServer, from: BusinessDate, to: BusinessDate) async throws
        -> (tallies: [String: Tally], unsettled: [String: Int64])
    {
        let days = try await SandboxTest.get(server.baseURL + "/_sandbox/truth/fees?from=\(from)&to=\(to)").json.array("days")
        var tallies: [String: Tally] = [:], unsettled: [String: Int64] = [:]
        for day in days {
            let date = try day.string("date")
            for row in try day.array("platforms") {
                let key = date + "|" + (try row.string("shop_id"))
                var tally = Tally()
                let fees = try row.object("fees")
                for name in feeKeys { tally.fees[name] = try #require(SandboxTest.int64(fees[name + "_minor"])) }
                tally.itemsTotal = try #require(SandboxTest.int64(row["items_total_minor"]))
                tally.settlement = try #require(SandboxTest.int64(row["settlement_minor"]))
                tally.settledOrders = try #require(SandboxTest.int64(row["settled_orders"]))
                // The published text agrees with the integers.
                #expect(try row.string("settlement") == Money.format(minorUnits: tally.settlement, digits: 2))
                tallies[key] = tally
                unsettled[key] = SandboxTest.int64(row["unsettled_orders"])
            }
        }
        return (tallies, unsettled)
    }

    /// Signed decimal text (`"-12.3"`, `"5000"`) as satang, exactly; `nil` for anything else.
    static func minor(text value: Any?) -> Int64? {
        guard var text = value as? String, !text.isEmpty else { return nil }
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].allSatisfy(\.isNumber), let whole = Int64(parts[0]) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber), let digits = Int64(parts[1]) else { return nil }
            fraction = parts[1].count == 1 ? digits * 10 : digits
        }
        let magnitude = whole * 100 + fraction
        return negative ? -magnitude : magnitude
    }

    /// A JSON number in baht (Shopee) as satang.
    static func minor(number value: Any?) -> Int64? {
        guard let number = value as? NSNumber else { return nil }
        return Int64((number.doubleValue * 100).rounded())
    }
}
