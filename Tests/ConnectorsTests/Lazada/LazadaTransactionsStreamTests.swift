@testable import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

@Suite("Lazada transactions", .serialized)
struct LazadaTransactionsStreamTests {
    /// The doc's sample line (`/finance/transaction/details/get`), trimmed to the fields that matter here.
    static let sampleLine = #"""
        {"order_no":"248612346","orderItem_no":"248612347","orderItem_status":"Delivered","transaction_date":"17 May 2016",
         "transaction_type":"Payment Fee","fee_type":"13","fee_name":"Payment Fee","amount":"-0.62","VAT_in_amount":"0.0672",
         "WHT_amount":"0.0112","WHT_included_in_amount":"Yes","statement":"11 May 2016 - 17 May 2016","paid_status":"Not paid",
         "seller_sku":"sellerSKU","lazada_sku":"Item test -123","details":"details","transaction_number":"TH1234-5678"}
        """#

    static func parse(_ json: String) throws -> ParsedRecord {
        let scanner = JSONScanner(Array(json.utf8))
        return LazadaTransactionParser(sellerID: "1001").parse(scanner, try scanner.root())
    }

    @Test func theRequestAsksForWholeDaysBothInclusive() throws {
        let call = Lazada.Requests.transactions(from: BusinessDate("2026-11-01")!, through: BusinessDate("2026-11-07")!, offset: 500)
        #expect(call.path == "/finance/transaction/details/get")
        let parameters = Dictionary(uniqueKeysWithValues: call.parameters)
        #expect(parameters == ["start_time": "2026-11-01", "end_time": "2026-11-07", "offset": "500", "limit": "500"])
    }

    @Test func theDocumentedLineBecomesARowWithItsAmountAsWritten() throws {
        let row = try #require(try Self.parse(Self.sampleLine).row)
        #expect(row["seller_id"] == "1001" && row["transaction_number"] == "TH1234-5678")
        #expect(row["order_no"] == "248612346" && row["order_item_no"] == "248612347")
        #expect(row["transaction_date"] == "17 May 2016" && row["transaction_day"] == "2016-05-17")
        #expect(row["amount"] == "-0.62" && row["vat_in_amount"] == "0.0672" && row["fee_type"] == "13")
        #expect(row["fee_name"] == "Payment Fee" && row["paid_status"] == "Not paid")
        #expect(try #require(row["raw_json"].string).contains(#""WHT_amount":"0.0112""#))
        // Numbers may come unquoted, and ids too.
        let numeric = try #require(try Self.parse(#"{"transaction_number":9001,"order_no":248612346,"transaction_date":"7 Jun 2026","amount":-12.5}"#).row)
        #expect(numeric["transaction_number"] == "9001" && numeric["order_no"] == "248612346" && numeric["amount"] == "-12.5")
        #expect(numeric["transaction_day"] == "2026-06-07")
    }

    @Test func transactionDatesParseInBothForms() {
        #expect(LazadaTransactionParser.day("17 May 2016") == BusinessDate("2016-05-17"))
        #expect(LazadaTransactionParser.day("1 Dec 2026") == BusinessDate("2026-12-01"))
        #expect(LazadaTransactionParser.day("2026-12-01") == BusinessDate("2026-12-01"))
        #expect(LazadaTransactionParser.day("31 Feb 2026") == nil)
        #expect(LazadaTransactionParser.day("17 Mai 2016") == nil)
        #expect(LazadaTransactionParser.day("yesterday") == nil)
    }

    @Test("malformed lines are rejected with a reason that names the field", arguments: [
        (#"{"transaction_date":"17 May 2016","amount":"-0.62"}"#, "transaction_number"),
        (#"{"transaction_number":"T1","amount":"-0.62"}"#, "transaction_date"),
        (#"{"transaction_number":"T1","transaction_date":"May 17th","amount":"-0.62"}"#, "transaction_date"),
        (#"{"transaction_number":"T1","transaction_date":"17 May 2016"}"#, "amount"),
        (#"{"transaction_number":"T1","transaction_date":"17 May 2016","amount":"n/a"}"#, "amount"),
        (#"{"transaction_number":"T1","transaction_date":"17 May 2016","amount":{"value":1}}"#, "amount"),
        (#"{"transaction_number":"T1","transaction_date":"17 May 2016","amount":"1.00","VAT_in_amount":"seven"}"#, "VAT_in_amount"),
        (#"{"transaction_number":"T1","transaction_date":17,"amount":"1.00"}"#, "transaction_date"),
    ])
    func malformedLinesAreRejected(json: String, field: String) throws {
        guard case .reject(let reject) = try Self.parse(json) else {
            Issue.record("\(json) was accepted")
            return
        }
        #expect(reject.reason.hasPrefix(field), "\(reject.reason)")
        #expect(reject.source == "lazada" && reject.stream == "transactions" && reject.accountID == "1001")
    }

    @Test func aSyncLandsEveryLineOfTheWindowsSettledOrdersOnceAndARerunAddsNothing() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(.sqlite) { fixture in
            let window = sandbox.window(days: 21)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.lazada)])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            #expect(report.rejects == 0)
            #expect(report.outcomes.contains { $0.stream == "transactions" && $0.summary.records > 0 })

            // Every line of every order created in the window, against the world's settlement of that order.
            let lines = try await fixture.warehouse.query("""
                SELECT order_no, transaction_number, transaction_type, fee_name, amount, transaction_day FROM raw_lazada_transactions
                """)
            let byOrder = Dictionary(grouping: lines, by: { $0.text("order_no") })
            let names: [String: FeeType] = ["Commission": .commission, "Payment Fee": .transaction, "Free Shipping Max Fee": .service,
                                            "Shipping Fee Paid by Seller": .shippingSubsidy]
            let settlements = sandbox.server.world.orderFeeTruth(from: window.start, to: window.end).filter { $0.platform == .lazada }
            #expect(settlements.filter(\.settled).count > 500, "most of the window's orders have settled")
            for settlement in settlements {
                let orderLines = byOrder[settlement.orderID] ?? []
                guard settlement.settled else {
                    #expect(orderLines.isEmpty, "unsettled order \(settlement.orderID) has lines")
                    continue
                }
                var fees: [FeeType: Int64] = [:]
                var items: Int64 = 0, payout: Int64 = 0
                for line in orderLines {
                    let amount = try #require(FixedDecimal(line.text("amount"))).minorUnits(digits: 2)
                    payout += amount
                    if line.text("fee_name") == "Item Price Credit" {
                        items += amount
                    } else {
                        fees[try #require(names[line.text("fee_name")], "unknown line \(line.text("fee_name"))"), default: 0] -= amount
                    }
                }
                let expectedFees = Dictionary(uniqueKeysWithValues: FeeType.allCases.compactMap { type in
                    settlement.fees[type] == 0 ? nil : (type, settlement.fees[type])
                })
                #expect(items == settlement.itemsTotalMinor && payout == settlement.settlementMinor && fees == expectedFees,
                        "order \(settlement.orderID)")
                let day = try #require(settlement.settlementTime.map { BusinessCalendar.bangkok.date(unixSeconds: $0) })
                #expect(orderLines.allSatisfy { $0.text("transaction_day") == day.description })
            }

            // The same window again: every line is fetched again and replaces itself.
            let numbers = Set(lines.map { $0.text("transaction_number") })
            #expect(numbers.count == lines.count)
            let again = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.lazada)])
            #expect(again.succeeded)
            #expect(again.outcomes.first { $0.stream == "transactions" }.map(\.summary.records) == lines.count)
            let after = try await fixture.warehouse.query("SELECT transaction_number FROM raw_lazada_transactions")
            #expect(after.count == lines.count && Set(after.map { $0.text("transaction_number") }) == numbers)
        }
    }
}
