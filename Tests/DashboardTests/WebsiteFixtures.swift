@testable import Dashboard
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Warehouse

/// A fresh, migrated warehouse holding website and attribution mart rows written by hand, on SQLite or on the
/// PostgreSQL server `scripts/with-postgres` starts. The marts are inserted directly: the pages read only the marts.
enum WebsiteFixtures {
    static let engines = ["sqlite", "postgres"]

    /// 2 and 3 November 2026, compared with 31 October and 1 November.
    static let filters = DashboardFilters(preset: .custom, range: DateRange(start: BusinessDate("2026-11-02")!, end: BusinessDate("2026-11-03")!))

    static func withWarehouse<T>(_ engine: String, _ body: (any Warehouse) async throws -> T) async throws -> T {
        try await withTestWarehouse(engine == "postgres" ? .postgres : .sqlite) { try await body($0.warehouse) }
    }

    /// Inserts rows given by column name; columns left out are NULL.
    static func insert(_ warehouse: any Warehouse, _ table: TableSchema, _ rows: [[String: SQLValue]]) async throws {
        let columns = table.columnNames
        for row in rows { precondition(Set(row.keys).isSubset(of: columns), "\(table.name) has no column among \(row.keys)") }
        try await warehouse.write([.insert(RowSet(table: table.name, columns: columns, rows: rows.map { row in columns.map { row[$0] ?? .null } }))])
    }

    // MARK: Website marts

    static func daily(_ date: String, _ source: String, sessions: Int64, engaged: Int64, users: Int64, newUsers: Int64,
                      pageviews: Int64, duration: Double, transactions: Int64, revenueMinor: Int64) -> [String: SQLValue] {
        ["date": .text(date), "data_source": .text(source), "sessions": .integer(sessions), "engaged_sessions": .integer(engaged),
         "users": .integer(users), "new_users": .integer(newUsers), "returning_users": .integer(users - newUsers),
         "pageviews": .integer(pageviews), "avg_session_duration": .real(duration), "transactions": .integer(transactions),
         "revenue": .text(PageExport.money(revenueMinor)), "revenue_minor": .integer(revenueMinor),
         // Daily ratios the page must not average.
         "engagement_rate": .real(Double(engaged) / Double(sessions)), "bounce_rate": .real(1 - Double(engaged) / Double(sessions))]
    }

    static func audience(_ date: String, _ dimension: String, _ value: String, sessions: Int64, engaged: Int64, users: Int64,
                         newUsers: Int64, transactions: Int64 = 0, revenueMinor: Int64 = 0) -> [String: SQLValue] {
        ["date": .text(date), "data_source": .text("export"), "dimension": .text(dimension), "value": .text(value),
         "sessions": .integer(sessions), "engaged_sessions": .integer(engaged), "users": .integer(users), "new_users": .integer(newUsers),
         "transactions": .integer(transactions), "revenue_minor": .integer(revenueMinor)]
    }

    static func traffic(_ date: String, _ channel: String, _ source: String, _ medium: String, _ campaign: String, sessions: Int64,
                        engaged: Int64, users: Int64, newUsers: Int64, pageviews: Int64, duration: Double, transactions: Int64 = 0,
                        revenueMinor: Int64 = 0) -> [String: SQLValue] {
        ["date": .text(date), "data_source": .text("export"), "channel_grouping": .text(channel), "source": .text(source),
         "medium": .text(medium), "campaign": .text(campaign), "sessions": .integer(sessions), "engaged_sessions": .integer(engaged),
         "users": .integer(users), "new_users": .integer(newUsers), "pageviews": .integer(pageviews), "avg_session_duration": .real(duration),
         "transactions": .integer(transactions), "revenue": .text(PageExport.money(revenueMinor)), "revenue_minor": .integer(revenueMinor)]
    }

    static func page(_ date: String, _ path: String, _ title: String, pageviews: Int64, entrances: Int64, exits: Int64,
                     timeOnPage: Double, bounceRate: Double) -> [String: SQLValue] {
        ["date": .text(date), "data_source": .text("export"), "page_path": .text(path), "page_title": .text(title),
         "pageviews": .integer(pageviews), "unique_pageviews": .integer(pageviews * 4 / 5), "entrances": .integer(entrances),
         "exits": .integer(exits), "avg_time_on_page": .real(timeOnPage), "bounce_rate": .real(bounceRate)]
    }

    /// Two days in the range (the first from the export, the second from the Data API) and one in the comparison.
    static func fillWebsite(_ warehouse: any Warehouse) async throws {
        try await insert(warehouse, MartTables.websiteAnalytics, [
            daily("2026-11-01", "export", sessions: 100, engaged: 50, users: 80, newUsers: 30, pageviews: 250, duration: 60,
                  transactions: 2, revenueMinor: 200_000),
            daily("2026-11-02", "export", sessions: 100, engaged: 90, users: 90, newUsers: 40, pageviews: 300, duration: 120,
                  transactions: 4, revenueMinor: 123_450),
            daily("2026-11-03", "data_api", sessions: 300, engaged: 150, users: 200, newUsers: 100, pageviews: 600, duration: 40,
                  transactions: 6, revenueMinor: 456_789),
        ])
        try await insert(warehouse, MartTables.websiteAudience, [
            audience("2026-11-01", "channel", "Organic Search", sessions: 100, engaged: 50, users: 80, newUsers: 30, transactions: 2,
                     revenueMinor: 200_000),
            audience("2026-11-02", "channel", "Organic Search", sessions: 60, engaged: 55, users: 55, newUsers: 25, transactions: 3,
                     revenueMinor: 100_000),
            audience("2026-11-02", "channel", "Paid Social", sessions: 40, engaged: 35, users: 36, newUsers: 15, transactions: 1,
                     revenueMinor: 23_450),
            audience("2026-11-03", "channel", "Organic Search", sessions: 200, engaged: 100, users: 130, newUsers: 60, transactions: 4,
                     revenueMinor: 300_000),
            audience("2026-11-03", "channel", "Paid Social", sessions: 80, engaged: 40, users: 60, newUsers: 30, transactions: 2,
                     revenueMinor: 156_789),
            audience("2026-11-03", "channel", "Direct", sessions: 10, engaged: 5, users: 8, newUsers: 5),
            audience("2026-11-03", "channel", "Marketplace", sessions: 10, engaged: 5, users: 7, newUsers: 5),
            audience("2026-11-02", "device", "mobile", sessions: 70, engaged: 60, users: 63, newUsers: 28, transactions: 3, revenueMinor: 100_000),
            audience("2026-11-02", "device", "desktop", sessions: 30, engaged: 30, users: 27, newUsers: 12, transactions: 1, revenueMinor: 23_450),
            audience("2026-11-03", "device", "mobile", sessions: 200, engaged: 100, users: 140, newUsers: 70, transactions: 6,
                     revenueMinor: 456_789),
            audience("2026-11-03", "device", "desktop", sessions: 100, engaged: 50, users: 60, newUsers: 30),
            audience("2026-11-02", "country", "Thailand", sessions: 100, engaged: 90, users: 90, newUsers: 40, transactions: 4,
                     revenueMinor: 123_450),
            audience("2026-11-03", "country", "Thailand", sessions: 290, engaged: 145, users: 192, newUsers: 96, transactions: 6,
                     revenueMinor: 456_789),
            audience("2026-11-03", "country", "Laos", sessions: 10, engaged: 5, users: 8, newUsers: 4),
        ])
        try await insert(warehouse, MartTables.trafficSources, [
            traffic("2026-11-02", "Organic Search", "google", "organic", "(organic)", sessions: 60, engaged: 55, users: 55, newUsers: 25,
                    pageviews: 200, duration: 150, transactions: 3, revenueMinor: 100_000),
            traffic("2026-11-02", "Paid Social", "facebook", "paid", "sukhon_1111_sale", sessions: 40, engaged: 35, users: 36, newUsers: 15,
                    pageviews: 100, duration: 75, transactions: 1, revenueMinor: 23_450),
            traffic("2026-11-03", "Organic Search", "google", "organic", "(organic)", sessions: 200, engaged: 100, users: 130, newUsers: 60,
                    pageviews: 400, duration: 40, transactions: 4, revenueMinor: 300_000),
            traffic("2026-11-03", "Paid Social", "facebook", "paid", "sukhon_1111_sale", sessions: 80, engaged: 40, users: 60, newUsers: 30,
                    pageviews: 150, duration: 45, transactions: 2, revenueMinor: 156_789),
            traffic("2026-11-03", "Direct", "(direct)", "(none)", "(direct)", sessions: 10, engaged: 5, users: 8, newUsers: 5,
                    pageviews: 25, duration: 10),
            traffic("2026-11-03", "Marketplace", "shopee.co.th", "referral", "(referral)", sessions: 10, engaged: 5, users: 7, newUsers: 5,
                    pageviews: 25, duration: 10),
        ])
        try await insert(warehouse, MartTables.websitePages, [
            page("2026-11-02", "/", "Sukhon Beauty", pageviews: 100, entrances: 60, exits: 30, timeOnPage: 20, bounceRate: 0.5),
            page("2026-11-03", "/", "Sukhon Beauty", pageviews: 300, entrances: 140, exits: 90, timeOnPage: 40, bounceRate: 0.3),
            page("2026-11-03", "/products/vitamin-c-serum", "Vitamin C Serum", pageviews: 150, entrances: 50, exits: 60, timeOnPage: 90,
                 bounceRate: 0.2),
        ])
    }

    /// The names the website fixtures show, which stay as they are on a Thai page; GA4, BigQuery, the Data API and UTM
    /// are the products' and the parameters' own names.
    static let names = ["Organic Search", "Paid Social", "Direct", "Marketplace", "Thailand", "Laos", "mobile", "desktop", "google",
                        "organic", "facebook", "paid", "sukhon_1111_sale", "direct", "none", "shopee.co.th", "referral", "Sukhon Beauty",
                        "Vitamin C Serum", "products", "vitamin-c-serum", "GA4", "BigQuery", "Data API", "export", "UTM",
                        "Brand search", "Sukhon 11.11 Sale", "brand_search", "act_1", "line_oa_broadcast", "line", "social",
                        "TikTok Awareness"] + Platform.allCases.map(\.displayName)

    // MARK: Attribution mart

    static func attribution(_ date: String, _ platform: String, _ account: String, _ campaign: String, _ name: String,
                            utm: String?, match: String?, spendMinor: Int64, conversions: Int64, valueMinor: Int64,
                            gaSessions: Int64, gaUsers: Int64, gaTransactions: Int64, gaRevenueMinor: Int64, orders: Int64,
                            ordersRevenueMinor: Int64) -> [String: SQLValue] {
        ["date": .text(date), "ads_platform": .text(platform), "account_id": .text(account), "campaign_id": .text(campaign),
         "campaign_name": .text(name), "utm_campaign": SQLValue(utm), "match_method": SQLValue(match), "data_source": .text("export"),
         "ad_spend": .text(PageExport.money(spendMinor)), "ad_spend_minor": .integer(spendMinor), "ad_clicks": .integer(spendMinor / 200),
         "ad_impressions": .integer(spendMinor / 5), "platform_conversions": .integer(conversions),
         "platform_conversion_value_minor": .integer(valueMinor), "ga_sessions": .integer(gaSessions), "ga_users": .integer(gaUsers),
         "ga_transactions": .integer(gaTransactions), "ga_revenue": .text(PageExport.money(gaRevenueMinor)),
         "ga_revenue_minor": .integer(gaRevenueMinor), "ecom_orders": .integer(orders),
         "ecom_revenue": .text(PageExport.money(ordersRevenueMinor)), "ecom_revenue_minor": .integer(ordersRevenueMinor),
         // A daily ROAS the page must not average.
         "roas_platform": spendMinor == 0 ? .null : .real(Double(valueMinor) / Double(spendMinor))]
    }

    /// A paid-social campaign on both days (ROAS 5 on the first, 1.33 on the second), a search campaign with sessions
    /// but no spend, one comparison day, and one line of each governance list.
    static func fillAttribution(_ warehouse: any Warehouse) async throws {
        try await insert(warehouse, MartTables.crossChannelAttribution, [
            attribution("2026-11-01", "facebook", "act_1", "c1", "Sukhon 11.11 Sale", utm: "sukhon_1111_sale", match: "name",
                        spendMinor: 200_000, conversions: 6, valueMinor: 300_000, gaSessions: 30, gaUsers: 25, gaTransactions: 1,
                        gaRevenueMinor: 100_000, orders: 1, ordersRevenueMinor: 50_000),
            attribution("2026-11-02", "facebook", "act_1", "c1", "Sukhon 11.11 Sale", utm: "sukhon_1111_sale", match: "name",
                        spendMinor: 100_000, conversions: 10, valueMinor: 500_000, gaSessions: 40, gaUsers: 36, gaTransactions: 1,
                        gaRevenueMinor: 23_450, orders: 1, ordersRevenueMinor: 20_000),
            attribution("2026-11-03", "facebook", "act_1", "c1", "Sukhon 11.11 Sale", utm: "sukhon_1111_sale", match: "name",
                        spendMinor: 300_000, conversions: 5, valueMinor: 400_000, gaSessions: 80, gaUsers: 60, gaTransactions: 2,
                        gaRevenueMinor: 156_789, orders: 1, ordersRevenueMinor: 100_000),
            attribution("2026-11-03", "google", "1234567890", "g1", "Brand search", utm: "brand_search", match: "id",
                        spendMinor: 0, conversions: 0, valueMinor: 0, gaSessions: 5, gaUsers: 5, gaTransactions: 1,
                        gaRevenueMinor: 50_000, orders: 0, ordersRevenueMinor: 0),
        ])
        try await insert(warehouse, MartTables.utmGovernance, [
            ["issue": "campaign_without_utm", "subject": "tiktok_ads:t9", "ads_platform": "tiktok_ads", "account_id": "7000",
             "campaign_id": "t9", "campaign_name": "TikTok Awareness", "first_date": "2026-10-20", "last_date": "2026-11-03",
             "ad_spend_minor": 50_000],
            ["issue": "utm_without_campaign", "subject": "line / social / line_oa_broadcast", "utm_source": "line",
             "utm_medium": "social", "utm_campaign": "line_oa_broadcast", "first_date": "2026-10-28", "last_date": "2026-11-02",
             "sessions": 42],
        ])
    }
}
