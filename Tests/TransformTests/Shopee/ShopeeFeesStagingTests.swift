import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
@testable import Transform
import Warehouse

@Suite("Shopee fees staging", .serialized)
struct ShopeeFeesStagingTests {
    @Test("the Shopee shops' fees per order date equal the world's fee truth", arguments: WarehouseEngine.allCases)
    func feesEqualTheTruth(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            // Given 20 days of Shopee synced and transformed
            let window = sandbox.window(days: 20)
            try await sandbox.loadSKUMap(into: fixture.warehouse)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.shopee)])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()

            // Then every staged Shopee order has exactly one fee row
            let orders = try await fixture.warehouse.scalar("SELECT count(*) FROM stg_orders WHERE platform = 'shopee'").int64 ?? 0
            let joined = try await fixture.warehouse.scalar("""
                SELECT count(*) FROM stg_orders o
                JOIN stg_order_fees f ON f.platform = o.platform AND f.shop_id = o.shop_id AND f.order_id = o.order_id
                WHERE o.platform = 'shopee'
                """).int64 ?? 0
            let fees = try await fixture.warehouse.scalar("SELECT count(*) FROM stg_order_fees WHERE platform = 'shopee'").int64 ?? 0
            #expect(orders > 1000 && joined == orders && fees == orders)
            // and an unsettled one has no fees.
            let unsettledWithFees = try await fixture.warehouse.scalar("""
                SELECT count(*) FROM stg_order_fees WHERE platform = 'shopee' AND settlement_status = 'unsettled'
                  AND (fees_minor IS NOT NULL OR commission_minor IS NOT NULL OR payout_minor IS NOT NULL OR settled_at IS NOT NULL)
                """).int64
            #expect(unsettledWithFees == 0)

            // And per (order date, shop), the fees per type, items total, payout and settled count are the truth's, to the satang.
            let columns = FeeType.allCases.map { "sum(\($0.column)) AS \($0.column)" }.joined(separator: ", ")
            let rows = try await fixture.warehouse.query(SQLStatement("""
                SELECT order_date, shop_id, \(columns), sum(items_total_minor) AS items_total_minor, sum(payout_minor) AS payout_minor,
                       sum(fees_minor) AS fees_minor,
                       sum(CASE WHEN settlement_status = 'settled' THEN 1 ELSE 0 END) AS settled,
                       sum(CASE WHEN settlement_status = 'unsettled' THEN 1 ELSE 0 END) AS unsettled
                FROM stg_order_fees WHERE platform = 'shopee' GROUP BY order_date, shop_id
                """))
            let staged = Dictionary(rows.map { ("\($0.text("order_date"))|\($0.text("shop_id"))", $0) }, uniquingKeysWith: { first, _ in first })
            let truth = sandbox.server.world.feeTruth(from: window.start, to: window.end).filter { $0.platform == .shopee }
            #expect(truth.count == 2 * window.dayCount && truth.contains { $0.settledOrders > 0 } && truth.contains { $0.unsettledOrders > 0 })
            for day in truth {
                let key = "\(day.date)|\(day.shopID)"
                guard let row = staged[key] else {
                    #expect(day.settledOrders + day.unsettledOrders == 0, "no fee rows for \(key)")
                    continue
                }
                for type in FeeType.allCases {
                    #expect(row.int(type.column) == day.fees[type], "\(key) \(type)")
                }
                #expect(row.int("fees_minor") == day.fees.totalMinor, "\(key)")
                #expect(row.int("items_total_minor") == day.itemsTotalMinor, "\(key)")
                #expect(row.int("payout_minor") == day.settlementMinor, "\(key)")
                #expect(row.int("settled") == day.settledOrders && row.int("unsettled") == day.unsettledOrders, "\(key)")
            }
            #expect(Set(staged.keys).isSubset(of: truth.map { "\($0.date)|\($0.shopID)" }))
        }
    }
}
