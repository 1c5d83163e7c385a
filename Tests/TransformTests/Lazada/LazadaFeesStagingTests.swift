import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
@testable import Transform
import Warehouse

@Suite("Lazada settlement fees", .serialized)
struct LazadaFeesStagingTests {
    @Test func lineNamesMapToTheFeeVocabulary() {
        func kind(_ feeName: String?, _ transactionType: String? = nil) -> LazadaFeesStaging.LineKind {
            LazadaFeesStaging.kind(feeName: feeName, transactionType: transactionType)
        }
        // The names the Sandbox writes, in any case and with stray spaces.
        #expect(kind("Item Price Credit") == .itemsTotal)
        #expect(kind("Commission") == .fee(.commission))
        #expect(kind("payment fee ") == .fee(.transaction))
        #expect(kind("Free Shipping Max Fee") == .fee(.service))
        #expect(kind("Shipping Fee Paid by Seller") == .fee(.shippingSubsidy))
        // Other names by table, then by family.
        #expect(kind("Shipping Fee (Paid By Customer)") == .fee(.shippingSubsidy))
        #expect(kind("Shipping Fee Charged by Lazada") == .fee(.shippingSubsidy))
        #expect(kind("LazCoins Discount") == .fee(.service))
        #expect(kind("Affiliate Commission") == .fee(.affiliate))
        #expect(kind("Voucher Co-funding") == .fee(.platformVoucher))
        #expect(kind("Seller Voucher") == .fee(.sellerVoucher))
        #expect(kind("Adjustment - Lost Parcel") == .fee(.other))
        // The fee name first; the transaction type when the fee name is missing or empty.
        #expect(kind("Commission", "Orders-Lazada Fees") == .fee(.commission))
        #expect(kind(nil, "Payment Fee") == .fee(.transaction))
        #expect(kind("", "Item Price Credit") == .itemsTotal)
        #expect(kind(nil, nil) == .fee(.other))
        // Every table entry is its own name's meaning (no two entries differ only in case).
        #expect(Set(LazadaFeesStaging.lineNames.map { $0.name.lowercased() }).count == LazadaFeesStaging.lineNames.count)
        for entry in LazadaFeesStaging.lineNames { #expect(kind(entry.name) == entry.kind, "\(entry.name)") }
    }

    @Test("after a Sandbox sync, the Lazada shop's fees per day equal the world's, to the satang", arguments: WarehouseEngine.allCases)
    func feesReconcileWithTheWorld(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 21)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.lazada)])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()

            let feeColumns = FeeType.allCases.map { "sum(\($0.column)) AS \($0.column)" }.joined(separator: ", ")
            let staged = try await fixture.warehouse.query(SQLStatement("""
                SELECT order_date, shop_id, \(feeColumns), sum(items_total_minor) AS items_total_minor, sum(fees_minor) AS fees_minor,
                       sum(payout_minor) AS payout_minor,
                       sum(CASE WHEN settlement_status = 'settled' THEN 1 ELSE 0 END) AS settled_orders,
                       sum(CASE WHEN settlement_status = 'unsettled' THEN 1 ELSE 0 END) AS unsettled_orders
                FROM stg_order_fees WHERE platform = 'lazada' AND order_date BETWEEN :from AND :to GROUP BY order_date, shop_id
                """, ["from": .text(window.start.description), "to": .text(window.end.description)]))
            let rows = Dictionary(staged.map { ("\($0.text("order_date"))/\($0.text("shop_id"))", $0) }, uniquingKeysWith: { a, _ in a })
            let truth = sandbox.server.world.feeTruth(from: window.start, to: window.end).filter { $0.platform == .lazada }
            #expect(truth.count == 21)
            #expect(truth.reduce(0) { $0 + $1.settledOrders } > 500 && truth.reduce(0) { $0 + $1.unsettledOrders } > 100,
                    "the window has both")
            for expected in truth {
                let key = "\(expected.date)/\(expected.shopID)"
                let want = FeeType.allCases.map { expected.fees[$0] }
                    + [expected.itemsTotalMinor, expected.fees.totalMinor, expected.settlementMinor, expected.settledOrders, expected.unsettledOrders]
                let got = rows[key].map { row in
                    FeeType.allCases.map { row.int($0.column) }
                        + ["items_total_minor", "fees_minor", "payout_minor", "settled_orders", "unsettled_orders"].map { row.int($0) }
                } ?? []
                if got != want { Issue.record("\(engine): \(key): staged \(got) differ from truth \(want)") }
            }

            // Every staged Lazada order has exactly one fee row; an unsettled one has no fees, payout or date.
            let orders = try await fixture.warehouse.scalar("SELECT count(*) FROM stg_orders WHERE platform = 'lazada'").int64 ?? 0
            let feeRows = try await fixture.warehouse.scalar("""
                SELECT count(*) FROM stg_order_fees f
                JOIN stg_orders o ON o.platform = f.platform AND o.shop_id = f.shop_id AND o.order_id = f.order_id AND o.order_date = f.order_date
                WHERE f.platform = 'lazada'
                """).int64 ?? 0
            let allFeeRows = try await fixture.warehouse.scalar("SELECT count(*) FROM stg_order_fees WHERE platform = 'lazada'").int64 ?? 0
            #expect(orders > 1_000 && feeRows == orders && allFeeRows == orders)
            let nullChecks = (FeeType.allCases.map(\.column) + ["items_total_minor", "fees_minor", "payout_minor", "settlement_date"])
                .map { "\($0) IS NOT NULL" }.joined(separator: " OR ")
            let unsettledWithFees = try await fixture.warehouse.scalar(SQLStatement(
                "SELECT count(*) FROM stg_order_fees WHERE settlement_status = 'unsettled' AND (\(nullChecks))")).int64
            #expect(unsettledWithFees == 0)
            // A settled order's date is the day of its lines, on or after the order's own.
            let early = try await fixture.warehouse.scalar("""
                SELECT count(*) FROM stg_order_fees WHERE platform = 'lazada' AND settlement_status = 'settled'
                  AND (settlement_date IS NULL OR settlement_date < order_date)
                """).int64
            #expect(early == 0)
        }
    }
}
