import Connectors
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Transform
import Warehouse

/// The marts must add up to exactly what the simulated world sold and spent: every day, to the satang.
@Suite("Reconciliation with the Sandbox world", .serialized)
struct ReconciliationTests {
    @Test("90 days of orders, settlements and every ad platform's delivery reconcile with the world's truth, by day, shop, campaign and master SKU",
          arguments: WarehouseEngine.allCases)
    func ninetyDaysReconcile(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 90)
            let report = try await sandbox.syncAndTransform(window, into: fixture)
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            #expect(report.rejects == 0)
            let truth = sandbox.server.world.truth(from: window.start, to: window.end)
            let mart = try await DayTruth.mart(fixture.warehouse, window: window)
            #expect(truth.count == 90)
            #expect(truth.reduce(0) { $0 + $1.orders } > 90 * 100, "the world sells hundreds of orders a day")
            for (expected, actual) in zip(truth, mart) where expected != actual {
                Issue.record("\(engine): mart \(actual) differs from truth \(expected)")
            }
            // Every (date, platform, shop) of mart_shop_performance equals the world's shop.
            let shopTruth = sandbox.server.world.platformTruth(from: window.start, to: window.end).filter { $0.platform.kind == .marketplace }
            let shopMart = try await PlatformDayTruth.shopMart(fixture.warehouse, window: window)
            #expect(Set(shopTruth.map(\.platform)) == [.shopee, .lazada, .tiktokShop])
            #expect(shopMart.count == shopTruth.count)
            for expected in shopTruth {
                let actual = shopMart[PlatformDayTruth.Key(expected)]
                if actual != expected {
                    Issue.record("\(engine): mart_shop_performance \(String(describing: actual)) differs from truth \(expected)")
                }
            }
            // Settlement fees per (date, shop), by the orders' creation day: what each finance API withheld, mapped to one
            // vocabulary, equals what the world charged, type by type; so do the settled orders, items totals and payouts.
            let feeTruth = sandbox.server.world.feeTruth(from: window.start, to: window.end)
            let feeColumns = FeeType.allCases.map { "sum(coalesce(\($0.column), 0)) AS \($0.column)" }.joined(separator: ", ")
            let feeStaging = try await fixture.warehouse.query(SQLStatement("""
                SELECT order_date, platform, shop_id, \(feeColumns), sum(coalesce(payout_minor, 0)) AS payout_minor,
                       sum(coalesce(items_total_minor, 0)) AS items_total_minor,
                       sum(CASE WHEN settlement_status = 'settled' THEN 1 ELSE 0 END) AS settled_orders
                FROM stg_order_fees WHERE order_date BETWEEN :from AND :to GROUP BY order_date, platform, shop_id
                """, ["from": .text(window.start.description), "to": .text(window.end.description)]))
            let feeRows = Dictionary(feeStaging.map { ("\($0.text("order_date"))/\($0.text("platform"))/\($0.text("shop_id"))", $0) },
                                     uniquingKeysWith: { a, _ in a })
            let shopFees = try await fixture.warehouse.query(SQLStatement(
                "SELECT date, platform, shop_id, fees_minor, settled_orders FROM mart_shop_performance WHERE date BETWEEN :from AND :to",
                ["from": .text(window.start.description), "to": .text(window.end.description)]))
            let shopFeeRows = Dictionary(shopFees.map { ("\($0.text("date"))/\($0.text("platform"))/\($0.text("shop_id"))", $0) },
                                         uniquingKeysWith: { a, _ in a })
            #expect(feeTruth.reduce(0) { $0 + $1.settledOrders } > 1_000, "most of the window's orders have settled")
            for expected in feeTruth {
                let key = "\(expected.date)/\(expected.platform.rawValue)/\(expected.shopID)"
                let truth = FeeType.allCases.map { expected.fees[$0] }
                    + [expected.settlementMinor, expected.itemsTotalMinor, expected.settledOrders, expected.fees.totalMinor, expected.settledOrders]
                let staged = feeRows[key].map { row in
                    FeeType.allCases.map { row.int($0.column) } + [row.int("payout_minor"), row.int("items_total_minor"), row.int("settled_orders")]
                } ?? []
                let marted = shopFeeRows[key].map { [$0.int("fees_minor"), $0.int("settled_orders")] } ?? []
                if staged + marted != truth {
                    Issue.record("\(engine): fees of \(key): staged \(staged) + mart \(marted) differ from truth \(truth)")
                }
            }
            // Every (date, master SKU) of mart_product_performance equals what the world sold of it, on every marketplace,
            // and its cost is the units times the cost in force that day (a quarter of the SKUs changed cost mid-window); its
            // fees are the settled orders' fees shared by revenue, exactly as the world shares them.
            let productTruth = sandbox.server.world.productTruth(from: window.start, to: window.end)
            let productMart = try await fixture.warehouse.query(SQLStatement("""
                SELECT date, sku_master, total_units, total_revenue_minor, cost_minor, shopee_units, shopee_revenue_minor,
                       lazada_units, lazada_revenue_minor, tiktok_units, tiktok_revenue_minor, fees_minor, unsettled_revenue_minor
                FROM mart_product_performance WHERE date BETWEEN :from AND :to
                """, ["from": .text(window.start.description), "to": .text(window.end.description)]))
            #expect(!productMart.contains { $0.text("sku_master") == "unmapped" }, "every platform SKU of the world is in its map")
            #expect(productMart.count == productTruth.count)
            let productRows = Dictionary(productMart.map { ("\($0.text("date"))/\($0.text("sku_master"))", $0) }, uniquingKeysWith: { a, _ in a })
            #expect(sandbox.server.world.skuCosts.contains { $0.effectiveFrom.map { window.start < $0 } ?? false })
            for expected in productTruth {
                guard let row = productRows["\(expected.date)/\(expected.skuMaster)"] else {
                    Issue.record("\(engine): mart_product_performance lacks \(expected.skuMaster) on \(expected.date)")
                    continue
                }
                let actual: [Int64] = [row.int("total_units"), row.int("total_revenue_minor"), row.int("cost_minor"),
                              row.int("shopee_units"), row.int("shopee_revenue_minor"), row.int("lazada_units"), row.int("lazada_revenue_minor"),
                              row.int("tiktok_units"), row.int("tiktok_revenue_minor"), row.int("fees_minor"), row.int("unsettled_revenue_minor")]
                let truth: [Int64] = [expected.units, expected.revenueMinor, expected.costMinor,
                             expected.unitsByPlatform[.shopee] ?? 0, expected.revenueMinorByPlatform[.shopee] ?? 0,
                             expected.unitsByPlatform[.lazada] ?? 0, expected.revenueMinorByPlatform[.lazada] ?? 0,
                             expected.unitsByPlatform[.tiktokShop] ?? 0, expected.revenueMinorByPlatform[.tiktokShop] ?? 0,
                             expected.feesMinor, expected.unsettledRevenueMinor]
                if actual != truth {
                    Issue.record("\(engine): \(expected.skuMaster) on \(expected.date): mart \(actual) differs from truth \(truth)")
                }
            }
            // Every (date, platform, account, campaign) of mart_campaign_performance equals the world's campaign on all six ad
            // platforms: spend in THB at the day's rate (accounts in THB and USD), impressions, clicks, conversions, and the
            // budget in force; the Performance Max campaign and the advertiser re-bucketed from another time zone included.
            let campaignTruth = sandbox.server.world.campaignTruth(from: window.start, to: window.end)
            let campaignMart = try await fixture.warehouse.query(SQLStatement("""
                SELECT date, platform, account_id, campaign_id, spend_minor, impressions, clicks, conversions, conversion_value_minor,
                       daily_budget_minor
                FROM mart_campaign_performance WHERE date BETWEEN :from AND :to
                """, ["from": .text(window.start.description), "to": .text(window.end.description)]))
            let campaignRows = Dictionary(campaignMart.map {
                ([$0.text("date"), $0.text("platform"), $0.text("account_id"), $0.text("campaign_id")].joined(separator: "/"), $0)
            }, uniquingKeysWith: { a, _ in a })
            #expect(Set(campaignTruth.map(\.platform)) == Set(Platform.allCases.filter { $0.kind == .advertising }))
            #expect(campaignMart.count == campaignTruth.count)
            for expected in campaignTruth {
                let key = [expected.date.description, expected.platform.rawValue, expected.accountID, expected.campaignID].joined(separator: "/")
                let truth = [expected.spendMinor, expected.impressions, expected.clicks, expected.conversions, expected.conversionValueMinor,
                             expected.dailyBudgetMinor]
                let actual = campaignRows[key].map { row in
                    ["spend_minor", "impressions", "clicks", "conversions", "conversion_value_minor", "daily_budget_minor"].map { row.int($0) }
                } ?? []
                if actual != truth { Issue.record("\(engine): campaign \(key): mart \(actual) differs from truth \(truth)") }
            }
            try await Self.websiteReconciles(sandbox.server.world, fixture.warehouse, window: window, engine: engine)
            // The shops and the FX rates arrived too.
            #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM stg_shops").int64 == 4, "two Shopee shops, one Lazada, one TikTok Shop")
            #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM ref_fx_rates WHERE currency = 'USD'").int64 ?? 0 >= 90)
        }
    }

    /// GA4 through the Data API: per (date, default channel group) the sessions, distinct users, purchases and revenue
    /// equal what the world's website recorded; per (date, campaign) the sessions credited by UTM, their users,
    /// purchases and revenue, and the marketplace orders among those purchases equal the world's attribution truth.
    static func websiteReconciles(_ world: SandboxWorld, _ warehouse: any Warehouse, window: DateRange, engine: WarehouseEngine) async throws {
        let range: [String: SQLValue] = ["from": .text(window.start.description), "to": .text(window.end.description)]
        let channelTruth = world.websiteTruth(from: window.start, to: window.end)
        let channels = try await warehouse.query(SQLStatement("""
            SELECT date, value, sessions, users, transactions, revenue_minor FROM mart_website_audience
            WHERE dimension = 'channel' AND date BETWEEN :from AND :to
            """, range))
        let channelRows = Dictionary(channels.map { ($0.text("date") + "/" + $0.text("value"), $0) }, uniquingKeysWith: { a, _ in a })
        #expect(channelTruth.count > 90 * 10, "every day has a dozen channels")
        #expect(channels.count == channelTruth.count)
        for expected in channelTruth {
            let key = expected.date.description + "/" + expected.channelGroup
            let truth = [expected.sessions, expected.users, expected.transactions, expected.revenueMinor]
            let actual = channelRows[key].map { row in ["sessions", "users", "transactions", "revenue_minor"].map { row.int($0) } } ?? []
            if actual != truth { Issue.record("\(engine): website \(key): mart \(actual) differs from truth \(truth)") }
        }

        let attributionTruth = world.attributionTruth(from: window.start, to: window.end)
        let attribution = try await warehouse.query(SQLStatement("""
            SELECT date, ads_platform, campaign_id, ga_sessions, ga_users, ga_transactions, ga_revenue_minor, ecom_orders, ecom_revenue_minor
            FROM mart_cross_channel_attribution WHERE date BETWEEN :from AND :to AND ga_sessions > 0
            """, range))
        let attributionRows = Dictionary(attribution.map {
            ([$0.text("date"), $0.text("ads_platform"), $0.text("campaign_id")].joined(separator: "/"), $0)
        }, uniquingKeysWith: { a, _ in a })
        #expect(Set(attributionTruth.map(\.platform)).count >= 4, "every ad platform that sends people to the site")
        #expect(attributionTruth.contains { $0.ecomOrders > 0 }, "the site hands buyers on to the marketplaces")
        #expect(attribution.count == attributionTruth.count)
        for expected in attributionTruth {
            let key = [expected.date.description, expected.platform.rawValue, expected.campaignID].joined(separator: "/")
            let truth = [expected.sessions, expected.users, expected.transactions, expected.revenueMinor, expected.ecomOrders, expected.ecomRevenueMinor]
            let actual = attributionRows[key].map { row in
                ["ga_sessions", "ga_users", "ga_transactions", "ga_revenue_minor", "ecom_orders", "ecom_revenue_minor"].map { row.int($0) }
            } ?? []
            if actual != truth { Issue.record("\(engine): attribution \(key): mart \(actual) differs from truth \(truth)") }
        }
    }
}
