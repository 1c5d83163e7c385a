import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
@testable import Transform
import Warehouse

@Suite("TikTok Shop fees staging", .serialized)
struct TikTokShopFeesStagingTests {
    @Test("an order's transactions map to the fee vocabulary, and what no field names is other")
    func mapping() {
        func amounts(_ pairs: [String: String]) -> [String: FixedDecimal] { pairs.mapValues { FixedDecimal($0)! } }
        var sums = TikTokShopFeesStaging.Sums(shopID: "1", orderID: "2", currency: Currency("THB"), settledAt: 1_717_286_400)
        sums.fields = amounts([
            "after_seller_discounts_subtotal_amount": "500.00", "settlement_amount": "400.30", "platform_commission_amount": "-40.00",
            "transaction_fee_amount": "-16.20", "sfp_service_fee_amount": "-8.50", "affiliate_commission_amount": "-10",
            "affiliate_partner_commission_amount": "-2.5", "affiliate_ads_commission_amount": "-1.5", "shipping_fee_amount": "-60.00",
            "customer_shipping_fee_amount": "15.00", "shipping_fee_subsidy_amount": "40.00",
        ])
        let settlement = sums.settlement
        #expect(settlement.fees[.commission] == FixedDecimal("40")! && settlement.fees[.transaction] == FixedDecimal("16.2")!)
        #expect(settlement.fees[.service] == FixedDecimal("8.5")! && settlement.fees[.affiliate] == FixedDecimal("14")!)
        #expect(settlement.fees[.shippingSubsidy] == FixedDecimal("5")!, "60 charged, 15 paid by the buyer, 40 by TikTok")
        #expect(settlement.fees[.other] == FixedDecimal("16")!, "99.70 withheld, 83.70 of it named")
        #expect(settlement.totalFees == settlement.itemsTotal - settlement.payout)
    }

    @Test("stg_order_fees of the TikTok shop adds up to the world's fee truth", arguments: WarehouseEngine.allCases)
    func feesEqualTheTruth(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 14)
            let shopID = sandbox.server.credentials.tiktokShop.shopID
            try await sandbox.loadSKUMap(into: fixture.warehouse)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.tiktokShop)])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()

            let truth = sandbox.server.world.feeTruth(from: window.start, to: window.end)
                .filter { $0.platform == .tiktokShop && $0.shopID == shopID }
            // PostgreSQL sums BIGINTs as NUMERIC: cast back, on both engines.
            func sum(_ expression: String, _ name: String) -> String { "CAST(sum(\(expression)) AS BIGINT) AS \(name)" }
            let sums = (FeeType.allCases.map { sum($0.column, $0.column) } + [
                sum("items_total_minor", "items_total"), sum("payout_minor", "payout"), sum("fees_minor", "fees"),
                sum("CASE WHEN settlement_status = 'settled' THEN 1 ELSE 0 END", "settled"),
                sum("CASE WHEN settlement_status = 'unsettled' THEN 1 ELSE 0 END", "unsettled"),
            ]).joined(separator: ", ")
            let rows = try await fixture.warehouse.query(SQLStatement(
                """
                SELECT order_date, \(sums)
                FROM stg_order_fees WHERE platform = 'tiktok' AND shop_id = :shop GROUP BY order_date
                """, ["shop": .text(shopID)]))
            let byDate = Dictionary(rows.map { ($0.text("order_date"), $0) }, uniquingKeysWith: { first, _ in first })
            #expect(truth.count == window.dayCount && truth.reduce(0) { $0 + $1.settledOrders } > 100)
            #expect(truth.contains { $0.unsettledOrders > 0 && $0.settledOrders > 0 }, "the window holds both")
            for day in truth {
                let row = try #require(byDate[day.date.description], "\(day.date)")
                for type in FeeType.allCases {
                    #expect(row.int(type.column) == day.fees[type], "\(day.date) \(type)")
                }
                #expect(row.int("items_total") == day.itemsTotalMinor, "\(day.date)")
                #expect(row.int("payout") == day.settlementMinor, "\(day.date)")
                #expect(row.int("fees") == day.fees.totalMinor, "\(day.date)")
                #expect(row.int("settled") == day.settledOrders && row.int("unsettled") == day.unsettledOrders, "\(day.date)")
            }

            // Every staged TikTok order has exactly one row, and an unsettled one says nothing about fees.
            let missing = try await fixture.warehouse.scalar("""
                SELECT count(*) FROM stg_orders o WHERE o.platform = 'tiktok' AND NOT EXISTS (
                    SELECT 1 FROM stg_order_fees f WHERE f.platform = o.platform AND f.shop_id = o.shop_id AND f.order_id = o.order_id)
                """).int64
            let staged = try await fixture.warehouse.scalar("SELECT count(*) FROM stg_orders WHERE platform = 'tiktok'").int64 ?? 0
            let fees = try await fixture.warehouse.scalar("SELECT count(*) FROM stg_order_fees WHERE platform = 'tiktok'").int64
            #expect(missing == 0 && fees == staged && staged > 0)
            let feeColumns = (FeeType.allCases.map(\.column) + ["items_total_minor", "fees_minor", "payout_minor", "settled_at"])
                .map { "\($0) IS NOT NULL" }.joined(separator: " OR ")
            let unsettledWithFees = try await fixture.warehouse.scalar(SQLStatement(
                "SELECT count(*) FROM stg_order_fees WHERE settlement_status = 'unsettled' AND (\(feeColumns))")).int64
            #expect(unsettledWithFees == 0)
        }
    }
}
