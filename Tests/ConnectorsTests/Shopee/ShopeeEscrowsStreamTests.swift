@testable import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Warehouse

@Suite("Shopee escrows stream", .serialized)
struct ShopeeEscrowsStreamTests {
    static let parser = ShopeeEscrowParser(hasher: PIIHasher(secret: "test-pii-key-0123456789"))
    static let listing = ShopeeEscrowParser.Listing(orderSN: "2611140001", releaseTime: 1_794_000_000, payoutAmount: "181.87")

    /// A `get_escrow_detail_batch` entry with `income` as its `order_income` members.
    static func entry(_ income: String, orderSN: String = "2611140001") -> String {
        #"{"escrow_detail":{"order_sn":"\#(orderSN)","buyer_user_name":"somchai.k","return_order_sn_list":[],"order_income":{\#(income)}}}"#
    }

    static let income = #"""
        "escrow_amount":181.87,"buyer_total_amount":239.00,"order_selling_price":199.00,"commission_fee":11.94,"service_fee":5.97,
        "seller_transaction_fee":5.02,"credit_card_transaction_fee":5.02,"final_shipping_fee":-40.2,"buyer_paid_shipping_fee":40,
        "voucher_from_seller":0,"order_ams_commission_fee":0,"items":[{"item_id":1,"quantity_purchased":1}]
        """#

    static func parse(_ json: String) throws -> ParsedRecord {
        let scanner = JSONScanner(Array(json.utf8))
        return parser.parse(scanner, try scanner.root(), listings: [listing.orderSN: listing], shopID: "600001")
    }

    @Test func anEscrowBecomesARowWithTheAmountsAsWrittenAndTheBuyerHashed() throws {
        let row = try #require(try Self.parse(Self.entry(Self.income)).row)
        #expect(row["shop_id"] == "600001" && row["order_sn"] == "2611140001")
        #expect(row["escrow_release_time"] == .integer(1_794_000_000) && row["payout_amount"] == "181.87")
        // The numbers' own text: `239.00` stays `239.00`, `-40.2` stays `-40.2`.
        #expect(row["buyer_total_amount"] == "239.00" && row["final_shipping_fee"] == "-40.2" && row["buyer_paid_shipping_fee"] == "40")
        #expect(row["commission_fee"] == "11.94" && row["escrow_amount"] == "181.87" && row["escrow_tax"] == .null)
        #expect(row["items"] == #"[{"item_id":1,"quantity_purchased":1}]"#)
        let raw = try #require(row["raw_json"].string)
        #expect(!raw.contains("somchai.k") && raw.contains(#""buyer_user_name":"hmac:"#) && raw.contains("\"credit_card_transaction_fee\":5.02"))
    }

    @Test("malformed escrow details are rejected with a reason that names the field", arguments: [
        (entry(income.replacingOccurrences(of: "\"commission_fee\":11.94", with: "\"commission_fee\":\"11.94\"")), "order_income.commission_fee"),
        (entry(income.replacingOccurrences(of: "\"escrow_amount\":181.87,", with: "")), "order_income.escrow_amount"),
        (entry(income.replacingOccurrences(of: "\"service_fee\":5.97", with: "\"service_fee\":5.0000001")), "order_income.service_fee"),
        (entry(income.replacingOccurrences(of: "\"items\":[", with: "\"items\":{\"a\":[")).replacingOccurrences(of: "1}]", with: "1}]}"),
         "order_income.items"),
        (entry(income, orderSN: "2611149999"), "order_sn"),
        (#"{"escrow_detail":{"order_sn":"2611140001"}}"#, "order_income"),
        (#"{"detail":{}}"#, "escrow_detail"),
        (#"[1]"#, "escrow_detail"),
    ])
    func malformedDetailsAreRejected(json: String, field: String) throws {
        guard case .reject(let reject) = try Self.parse(json) else {
            Issue.record("\(json) was accepted")
            return
        }
        #expect(reject.reason.hasPrefix(field + ":"), "\(reject.reason)")
        #expect(reject.source == "shopee" && reject.stream == "escrows" && reject.accountID == "600001")
        #expect(!(reject.payload ?? "").contains("somchai.k"))
    }

    @Test("malformed escrow list entries are rejected with a reason that names the field", arguments: [
        (#"{"order_sn":"A1","payout_amount":1.5,"escrow_release_time":"soon"}"#, "escrow_list[2].escrow_release_time"),
        (#"{"order_sn":"A1","payout_amount":"1.5","escrow_release_time":1794000000}"#, "escrow_list[2].payout_amount"),
        (#"{"payout_amount":1.5,"escrow_release_time":1794000000}"#, "escrow_list[2].order_sn"),
        (#"{"order_sn":"A1","escrow_release_time":1794000000}"#, "escrow_list[2].payout_amount"),
        (#""A1""#, "escrow_list[2]"),
    ])
    func malformedListEntriesAreRejected(json: String, field: String) throws {
        let scanner = JSONScanner(Array(json.utf8))
        guard case .rejected(let reject) = Self.parser.listing(scanner, try scanner.root(), index: 2, shopID: "600001") else {
            Issue.record("\(json) was accepted")
            return
        }
        #expect(reject.reason.hasPrefix(field + ":"), "\(reject.reason)")
    }

    @Test func theDetailBatchIsAPostOfAtMostFiftyOrders() throws {
        let call = Shopee.Requests.escrowDetailBatch(orderSNs: ["A1", "B2"])
        #expect(call.method == .post && call.path == "/api/v2/payment/get_escrow_detail_batch" && call.query.isEmpty)
        let body = try #require(call.body)
        #expect(try JSONSerialization.jsonObject(with: body) as? [String: [String]] == ["order_sn_list": ["A1", "B2"]])
        let list = Shopee.Requests.escrowList(releasedFrom: 100, to: 199, pageNo: 3)
        #expect(list.query.map { "\($0.0)=\($0.1)" } == ["release_time_from=100", "release_time_to=199", "page_size=100", "page_no=3"])
    }

    @Test func aSyncLandsOneRowPerEscrowReleasedSinceTheWindowStartAndARerunAddsNothing() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(.sqlite) { fixture in
            // Given 20 days: two escrow windows, several pages each
            let window = sandbox.window(days: 20)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.shopee)])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            #expect(report.rejects == 0)
            #expect(report.outcomes.filter { $0.stream == "escrows" }.count == 2, "one escrow stream per shop")

            // Then every Shopee order released since the window's start has exactly one row, in its shop, with the world's
            // payout and items total; an order can be created before the window and released in it.
            let world = sandbox.server.world
            let since = BusinessCalendar.bangkok.startOfDay(window.start)
            // An order settles at most 29 days after its creation (18 days of life, 10 of delay, a day of rounding).
            let released = world.orderFeeTruth(from: window.start.adding(days: -30), to: window.end).filter {
                $0.platform == .shopee && $0.settled && ($0.settlementTime ?? 0) >= since
            }
            let inWindow = world.orderFeeTruth(from: window.start, to: window.end).filter { $0.platform == .shopee && $0.settled }
            #expect(inWindow.count > 500 && released.count > inWindow.count)
            let rows = try await fixture.warehouse.query("""
                SELECT shop_id, order_sn, escrow_release_time, escrow_amount, payout_amount, order_selling_price FROM raw_shopee_escrows
                """)
            #expect(rows.count == released.count)
            let byKey = Dictionary(rows.map { ("\($0.text("shop_id"))/\($0.text("order_sn"))", $0) }, uniquingKeysWith: { first, _ in first })
            #expect(byKey.count == rows.count)
            for settlement in released {
                guard let row = byKey["\(settlement.shopID)/\(settlement.orderID)"] else {
                    Issue.record("no escrow row for \(settlement.shopID)/\(settlement.orderID)")
                    continue
                }
                #expect(row.int("escrow_release_time") == settlement.settlementTime)
                #expect(FixedDecimal(row.text("escrow_amount"))?.minorUnits(digits: 2) == settlement.settlementMinor)
                #expect(row.text("payout_amount") == row.text("escrow_amount"))
                #expect(FixedDecimal(row.text("order_selling_price"))?.minorUnits(digits: 2) == settlement.itemsTotalMinor)
            }
            for shop in Set(released.map(\.shopID)) {
                #expect(rows.filter { $0.text("shop_id") == String(shop) }.count == released.filter { $0.shopID == shop }.count)
            }

            // When the same window is synced again, every escrow is fetched again and replaces itself.
            let again = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.shopee)])
            #expect(again.succeeded)
            let after = try await fixture.warehouse.query("SELECT shop_id, order_sn FROM raw_shopee_escrows")
            #expect(after.count == rows.count && Set(after.map { "\($0.text("shop_id"))/\($0.text("order_sn"))" }) == Set(byKey.keys))
        }
    }
}
