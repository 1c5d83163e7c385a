import Foundation
import OmnidashCore
import OmnidashTestSupport
import Testing
@testable import Transform
import Warehouse

@Suite("Staging and marts from raw rows")
struct TransformRunnerTests {
    static let configuration = OmnidashConfiguration()

    /// A raw Shopee order created at `hour` (Bangkok) on `date`.
    static func order(_ sn: String, date: String, hour: Int64 = 12, status: String, items: [(qty: Int, original: String, discounted: String)]) -> TableRow {
        let created = BusinessCalendar.bangkok.startOfDay(BusinessDate(date)!) + hour * 3600
        let itemJSON = items.enumerated().map { index, item in
            #"{"item_id":\#(index + 1),"item_name":"Serum \#(index)","item_sku":"SP-\#(index)","model_id":0,"model_sku":"","model_quantity_purchased":\#(item.qty),"model_original_price":\#(item.original),"model_discounted_price":\#(item.discounted)}"#
        }.joined(separator: ",")
        var row = ShopeeRawTables.orders.row()
        row["order_id"] = .text(sn)
        row["order_sn"] = .text(sn)
        row["shop_id"] = "600000001"
        row["buyer_username"] = "hmac:buyer"
        row["order_status"] = .text(status)
        row["payment_method"] = "Cash on Delivery"
        row["total_amount"] = "0"
        row["currency"] = "THB"
        row["create_time"] = .integer(created)
        row["update_time"] = .integer(created + 60)
        row["items"] = .text("[\(itemJSON)]")
        row["raw_json"] = "{}"
        return row
    }

    static func insight(ad: String, date: String, currency: String, spend: String, conversions: Int64, value: String,
                        clicks: Int64 = 100, impressions: Int64 = 10_000) -> TableRow {
        var row = FacebookAdsRawTables.insights.row()
        row["_date"] = .text(date)
        row["account_id"] = "1000000001"
        row["account_name"] = "Account"
        row["account_currency"] = .text(currency)
        row["campaign_id"] = "c1"
        row["campaign_name"] = "Campaign"
        row["adset_id"] = "s1"
        row["adset_name"] = "Ad set"
        row["ad_id"] = .text(ad)
        row["ad_name"] = "Ad"
        row["impressions"] = .integer(impressions)
        row["clicks"] = .integer(clicks)
        row["spend"] = .text(spend)
        row["reach"] = 900
        row["frequency"] = "1.1"
        row["conversions"] = .integer(conversions)
        row["conversion_value"] = .text(value)
        row["actions"] = "[]"
        row["action_values"] = "[]"
        row["raw_json"] = "{}"
        return row
    }

    @Test("revenue counts completed and pending orders, to the satang", arguments: WarehouseEngine.allCases)
    func revenueCountsCompletedAndPendingOrders(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let sink = RawSink(warehouse: fixture.warehouse, runID: "test")
            try await sink.load(RawPage(table: ShopeeRawTables.orders, rows: [
                Self.order("A", date: "2026-11-10", status: "COMPLETED", items: [(2, "300", "249.50"), (1, "100", "99.99")]),
                Self.order("B", date: "2026-11-10", hour: 23, status: "SHIPPED", items: [(1, "500", "450")]),
                Self.order("C", date: "2026-11-10", status: "CANCELLED", items: [(1, "500", "450")]),
                Self.order("D", date: "2026-11-10", status: "TO_RETURN", items: [(3, "10", "10")]),
                Self.order("E", date: "2026-11-11", hour: 0, status: "READY_TO_SHIP", items: [(1, "120", "100.01")]),
            ]))
            let report = try await TransformRunner(warehouse: fixture.warehouse, configuration: Self.configuration).run()
            #expect(report.martRange?.description == "2026-11-10…2026-11-11")
            let days = try await fixture.warehouse.query("""
                SELECT date, total_revenue_minor, total_orders, total_units, refunded_orders, refund_amount_minor, roas,
                       avg_order_value, revenue_vs_yesterday
                FROM mart_daily_performance ORDER BY date
                """)
            #expect(days.count == 2)
            // A: 2 × 249.50 + 99.99 = 598.99; B: 450 → 1,048.99
            #expect(days[0].int("total_revenue_minor") == 104_899)
            #expect(days[0].int("total_orders") == 2)
            #expect(days[0].int("total_units") == 4)
            #expect(days[0].int("refunded_orders") == 2)
            #expect(days[0].int("refund_amount_minor") == 48_000)
            #expect(days[0].double("roas") == nil, "no spend: ROAS has no value, not 0")
            #expect(abs((days[0].double("avg_order_value") ?? 0) - 524.495) < 1e-9)
            // E was created at 00:00 Bangkok on the 11th (17:00 UTC on the 10th): it belongs to the 11th.
            #expect(days[1].int("total_revenue_minor") == 10_001)
            #expect(abs((days[1].double("revenue_vs_yesterday") ?? 0) - (10_001.0 - 104_899.0) / 104_899.0) < 1e-12)
            let statuses = try await fixture.warehouse.query("SELECT order_id, order_status_normalized FROM stg_orders ORDER BY order_id")
            #expect(statuses.map { $0.text("order_status_normalized") } == ["completed", "pending", "cancelled", "refunded", "pending"])
        }
    }

    @Test("foreign-currency spend converts at the day's rate, each row rounded once", arguments: WarehouseEngine.allCases)
    func spendConvertsAtTheDaysRate(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            try await fixture.warehouse.write([.insert(RowSet(
                table: "ref_fx_rates", columns: ["date", "currency", "quote_currency", "rate", "source", "_loaded_at"],
                rows: [["2026-11-10", "USD", "THB", "35.1234", "test", "2026-11-25T00:00:00Z"],
                       ["2026-11-11", "USD", "THB", "36", "test", "2026-11-25T00:00:00Z"]]))])
            let sink = RawSink(warehouse: fixture.warehouse, runID: "test")
            try await sink.load(RawPage(table: FacebookAdsRawTables.insights, rows: [
                Self.insight(ad: "a1", date: "2026-11-10", currency: "USD", spend: "12.35", conversions: 2, value: "50.00"),
                Self.insight(ad: "a2", date: "2026-11-10", currency: "USD", spend: "0.01", conversions: 0, value: "0"),
                Self.insight(ad: "a3", date: "2026-11-10", currency: "THB", spend: "1000.50", conversions: 1, value: "2500"),
                Self.insight(ad: "a1", date: "2026-11-11", currency: "USD", spend: "10", conversions: 0, value: "0", clicks: 0, impressions: 0),
            ]))
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: Self.configuration).run()
            let days = try await fixture.warehouse.query(
                "SELECT date, total_ad_spend_minor, total_conversions, cpa, ctr, conversion_rate FROM mart_daily_performance ORDER BY date")
            // 12.35 × 35.1234 = 433.77399 → 433.77; 0.01 × 35.1234 = 0.351234 → 0.35; 1000.50 THB.
            #expect(days[0].int("total_ad_spend_minor") == 43_377 + 35 + 100_050)
            #expect(days[0].int("total_conversions") == 3)
            #expect(days[1].int("total_ad_spend_minor") == 36_000)
            #expect(days[1].double("cpa") == nil && days[1].double("ctr") == nil && days[1].double("conversion_rate") == nil)
            let channel = try await fixture.warehouse.query(
                "SELECT conversion_value_minor, roas FROM mart_ads_channel_performance WHERE date = '2026-11-10'")
            #expect(channel.first?.int("conversion_value_minor") == Int64(175_617 + 250_000), "50 USD × 35.1234 = 1,756.17 THB")
        }
    }

    @Test("a missing exchange rate stops the transform and names the currency and the date", arguments: WarehouseEngine.allCases)
    func missingRateIsAnError(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            try await RawSink(warehouse: fixture.warehouse, runID: "test").load(RawPage(table: FacebookAdsRawTables.insights, rows: [
                Self.insight(ad: "a1", date: "2026-11-12", currency: "USD", spend: "5", conversions: 0, value: "0"),
            ]))
            await #expect(throws: MissingRateError(currency: .usd, reportingCurrency: .thb, date: BusinessDate("2026-11-12")!)) {
                try await TransformRunner(warehouse: fixture.warehouse, configuration: Self.configuration).run()
            }
            #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM stg_ads_performance").int64 == 0, "nothing converted at 1.0")
        }
    }

    @Test("a second run with nothing new changes nothing; a changed order restages its day", arguments: WarehouseEngine.allCases)
    func incrementalRuns(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let sink = RawSink(warehouse: fixture.warehouse, runID: "test")
            try await sink.load(RawPage(table: ShopeeRawTables.orders, rows: [
                Self.order("A", date: "2026-11-01", status: "SHIPPED", items: [(1, "100", "100")]),
                Self.order("B", date: "2026-11-05", status: "SHIPPED", items: [(1, "200", "200")]),
            ]))
            let runner = TransformRunner(warehouse: fixture.warehouse, configuration: Self.configuration)
            _ = try await runner.run()
            let second = try await runner.run()
            #expect(second.martRange == nil)
            // B is cancelled later: a newer version of the same order.
            var cancelled = Self.order("B", date: "2026-11-05", status: "CANCELLED", items: [(1, "200", "200")])
            cancelled["update_time"] = .integer(cancelled["update_time"].int64! + 3600)
            try await sink.load(RawPage(table: ShopeeRawTables.orders, rows: [cancelled]))
            let third = try await runner.run()
            #expect(third.martRange?.contains(BusinessDate("2026-11-05")!) == true)
            let revenue = try await fixture.warehouse.query("SELECT date, total_revenue_minor, refunded_orders FROM mart_daily_performance ORDER BY date")
            #expect(revenue.first { $0.text("date") == "2026-11-01" }?.int("total_revenue_minor") == 10_000)
            #expect(revenue.first { $0.text("date") == "2026-11-05" }?.int("total_revenue_minor") == 0)
            #expect(revenue.first { $0.text("date") == "2026-11-05" }?.int("refunded_orders") == 1)
            #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM stg_orders").int64 == 2)
        }
    }

    @Test("the build time comes from the clock the caller gives", arguments: WarehouseEngine.allCases)
    func theClockIsInjected(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let pinned = Date(timeIntervalSince1970: 1_795_000_000)
            let sink = RawSink(warehouse: fixture.warehouse, runID: "test", clock: LoadClock(.fixed(pinned)))
            try await sink.load(RawPage(table: ShopeeRawTables.orders, rows: [
                Self.order("A", date: "2026-11-10", status: "COMPLETED", items: [(1, "100", "100")]),
            ]))
            #expect(try await fixture.warehouse.scalar("SELECT _ingested_at FROM raw_shopee_orders").string == "2026-11-18T11:06:40Z")
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: Self.configuration, clock: .fixed(pinned)).run()
            let built = try await fixture.warehouse.query("SELECT DISTINCT _built_at FROM mart_daily_performance")
            #expect(built.map { $0.text("_built_at") } == ["2026-11-18T11:06:40Z"])
        }
    }
}
