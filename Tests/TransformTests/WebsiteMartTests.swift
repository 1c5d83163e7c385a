import Foundation
import OmnidashCore
import OmnidashTestSupport
import Testing
@testable import Transform
import Warehouse

/// The website and attribution marts from staged rows: which GA4 path a date's figures come from, how sessions are
/// credited to ad campaigns (by id, else by normalised name), the marketplace orders behind GA4 purchases, and the
/// UTM-governance findings.
@Suite("Website and attribution marts")
struct WebsiteMartTests {
    static let day = "2026-11-20"

    static func traffic(_ source: String, _ medium: String, _ campaign: String, id: String? = nil, channel: String,
                        sessions: Int64, users: Int64, transactions: Int64 = 0, revenueMinor: Int64 = 0,
                        dataSource: String = "export", date: String = day) -> TableRow {
        var row = StagingTables.ga4Traffic.row()
        row["date"] = .text(date)
        row["data_source"] = .text(dataSource)
        row["source"] = .text(source)
        row["medium"] = .text(medium)
        row["campaign"] = .text(campaign)
        row["campaign_id"] = id.map(SQLValue.text) ?? .null
        row["channel_grouping"] = .text(channel)
        row["sessions"] = .integer(sessions)
        row["engaged_sessions"] = .integer(sessions / 2)
        row["users"] = .integer(users)
        row["new_users"] = .integer(users / 2)
        row["pageviews"] = .integer(sessions * 3)
        row["session_duration_seconds"] = .real(Double(sessions) * 60)
        row["transactions"] = .integer(transactions)
        row["revenue_thb_minor"] = .integer(revenueMinor)
        row["revenue"] = .text("\(Decimal(revenueMinor) / 100)")
        return row
    }

    static func total(sessions: Int64, users: Int64, dataSource: String, revenueMinor: Int64 = 0, date: String = day) -> TableRow {
        var row = StagingTables.ga4Audience.row()
        row["date"] = .text(date)
        row["data_source"] = .text(dataSource)
        row["dimension"] = "total"
        row["value"] = ""
        row["sessions"] = .integer(sessions)
        row["engaged_sessions"] = .integer(sessions / 2)
        row["users"] = .integer(users)
        row["new_users"] = .integer(users / 3)
        row["pageviews"] = .integer(sessions * 3)
        row["session_duration_seconds"] = .real(Double(sessions) * 60)
        row["transactions"] = .integer(2)
        row["revenue_thb_minor"] = .integer(revenueMinor)
        return row
    }

    static func ad(platform: String, campaign: String, name: String, spendMinor: Int64, conversions: Int64 = 3) -> TableRow {
        var row = StagingTables.adsPerformance.row()
        row["date"] = .text(day)
        row["platform"] = .text(platform)
        row["account_id"] = "acc"
        row["campaign_id"] = .text(campaign)
        row["campaign_name"] = .text(name)
        row["ad_id"] = .text(campaign + "-ad")
        row["impressions"] = 10_000
        row["clicks"] = 300
        row["spend_thb_minor"] = .integer(spendMinor)
        row["conversions"] = .integer(conversions)
        row["conversion_value_thb_minor"] = 90_000
        return row
    }

    static func entity(platform: String, campaign: String, landingURL: String?, utmCampaign: String?, utmID: String? = nil,
                       utmSource: String? = nil) -> TableRow {
        var row = StagingTables.adEntities.row()
        row["platform"] = .text(platform)
        row["account_id"] = "acc"
        row["level"] = "ad"
        row["entity_id"] = .text(campaign + "-ad")
        row["campaign_id"] = .text(campaign)
        row["is_active"] = 1
        row["landing_url"] = landingURL.map(SQLValue.text) ?? .null
        row["utm_source"] = utmSource.map(SQLValue.text) ?? .null
        row["utm_campaign"] = utmCampaign.map(SQLValue.text) ?? .null
        row["utm_id"] = utmID.map(SQLValue.text) ?? .null
        return row
    }

    static func purchase(_ id: String, source: String, campaign: String, campaignID: String? = nil, revenueMinor: Int64) -> TableRow {
        var row = StagingTables.ga4Purchases.row()
        row["date"] = .text(day)
        row["data_source"] = "export"
        row["transaction_id"] = .text(id)
        row["source"] = .text(source)
        row["campaign"] = .text(campaign)
        row["campaign_id"] = campaignID.map(SQLValue.text) ?? .null
        row["revenue_thb_minor"] = .integer(revenueMinor)
        return row
    }

    static func order(_ id: String, status: String, netMinor: Int64) -> TableRow {
        var row = StagingTables.orders.row()
        row["order_id"] = .text(id)
        row["platform"] = "shopee"
        row["shop_id"] = "1"
        row["order_status_normalized"] = .text(status)
        row["gross_amount_thb_minor"] = .integer(netMinor)
        row["net_amount_thb_minor"] = .integer(netMinor)
        row["units"] = 1
        row["order_date"] = .text(day)
        row["order_timestamp"] = .text(day + "T10:00:00Z")
        return row
    }

    static func rebuildMarts(_ warehouse: any Warehouse) async throws {
        for model in MartModel.all() {
            try await warehouse.write(model.rebuild(from: "2026-11-01", to: "2026-11-30", lookbackFrom: "2025-11-01", minorPerMajor: 100,
                                                    builtAt: "2026-11-30T00:00:00Z", targets: PerformanceTargets()))
        }
    }

    @Test("a date's website figures come from the export when it has the date, else from the Data API", arguments: WarehouseEngine.allCases)
    func exportWinsOverTheDataAPI(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            try await fixture.warehouse.write([
                .insert(RowSet(StagingTables.ga4Audience, rows: [
                    Self.total(sessions: 1_000, users: 800, dataSource: "data_api", revenueMinor: 500_000),
                    Self.total(sessions: 1_010, users: 790, dataSource: "export", revenueMinor: 512_345),
                    Self.total(sessions: 900, users: 700, dataSource: "data_api", date: "2026-11-19"),
                ])),
                .insert(RowSet(StagingTables.ga4Traffic, rows: [
                    Self.traffic("google", "organic", "(organic)", channel: "Organic Search", sessions: 600, users: 500, dataSource: "export"),
                    Self.traffic("google", "organic", "(organic)", channel: "Organic Search", sessions: 590, users: 480, dataSource: "data_api"),
                ])),
            ])
            try await Self.rebuildMarts(fixture.warehouse)
            let days = try await fixture.warehouse.query(
                "SELECT date, data_source, sessions, users, returning_users, revenue_minor, engagement_rate, bounce_rate, sessions_vs_yesterday FROM mart_website_analytics ORDER BY date")
            #expect(days.map { $0.text("data_source") } == ["data_api", "export"])
            #expect(days[1].int("sessions") == 1_010)
            #expect(days[1].int("users") == 790)
            #expect(days[1].int("returning_users") == 790 - 790 / 3)
            #expect(days[1].int("revenue_minor") == 512_345)
            #expect(abs((days[1].double("engagement_rate") ?? 0) + (days[1].double("bounce_rate") ?? 0) - 1) < 1e-9)
            #expect(abs((days[1].double("sessions_vs_yesterday") ?? 0) - (1_010.0 - 900) / 900) < 1e-9)
            let sources = try await fixture.warehouse.query("SELECT data_source, sessions, sessions_share FROM mart_traffic_sources WHERE date = '2026-11-20'")
            #expect(sources.count == 1)
            #expect(sources.first?.text("data_source") == "export")
            #expect(sources.first?.int("sessions") == 600)
            #expect(sources.first?.double("sessions_share") == 1)
        }
    }

    @Test("sessions are credited by id, else by normalised name, and purchases find their marketplace orders", arguments: WarehouseEngine.allCases)
    func attributionMatchesByIDThenName(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            try await fixture.warehouse.write([
                .insert(RowSet(StagingTables.adsPerformance, rows: [
                    Self.ad(platform: "facebook", campaign: "120001", name: "TH_Sales_Advantage+_Serums", spendMinor: 1_000_000),
                    Self.ad(platform: "tiktok_ads", campaign: "170001", name: "TH_Conversions_Serum_Spark", spendMinor: 400_000),
                    Self.ad(platform: "line", campaign: "L1", name: "LINE_VOOM_Video_Herbal_Story", spendMinor: 200_000),
                ])),
                .insert(RowSet(StagingTables.adEntities, rows: [
                    Self.entity(platform: "facebook", campaign: "120001", landingURL: "https://x/?utm_id=120001",
                                utmCampaign: "th_sales_advantageplus_serums", utmID: "120001", utmSource: "facebook"),
                    Self.entity(platform: "tiktok_ads", campaign: "170001", landingURL: "https://x/?utm_campaign=th_conversions_serum_spark",
                                utmCampaign: "th_conversions_serum_spark", utmSource: "tiktok"),
                    Self.entity(platform: "line", campaign: "L1", landingURL: "https://x/our-story", utmCampaign: nil),
                ])),
                .insert(RowSet(StagingTables.ga4Traffic, rows: [
                    // Matched by utm_id although the name differs in case and spelling.
                    Self.traffic("facebook", "paid_social", "TH_Sales_Advantage+_Serums", id: "120001", channel: "Paid Social",
                                 sessions: 120, users: 100, transactions: 3, revenueMinor: 250_000),
                    // Matched on the normalised name, from the source the ads name.
                    Self.traffic("tiktok", "paid_social", "TH-Conversions-Serum-Spark", channel: "Paid Social", sessions: 40, users: 38),
                    // The same name from another source is not TikTok's campaign.
                    Self.traffic("facebook", "paid_social", "th_conversions_serum_spark", channel: "Paid Social", sessions: 5, users: 5),
                    // A paid UTM that matches no campaign, and an affiliate's that is not an ad at all.
                    Self.traffic("facebook", "paid_social", "th_1111_flash_sale_2025", channel: "Paid Social", sessions: 9, users: 9),
                    Self.traffic("involveasia", "affiliate", "ia_beauty_reviewers", channel: "Affiliates", sessions: 20, users: 20),
                ])),
                .insert(RowSet(StagingTables.ga4Purchases, rows: [
                    Self.purchase("250101AAA", source: "facebook", campaign: "TH_Sales_Advantage+_Serums", campaignID: "120001", revenueMinor: 100_000),
                    Self.purchase("250101BBB", source: "facebook", campaign: "TH_Sales_Advantage+_Serums", campaignID: "120001", revenueMinor: 80_000),
                    Self.purchase("SKB202611200001", source: "facebook", campaign: "x", campaignID: "120001", revenueMinor: 70_000),
                ])),
                .insert(RowSet(StagingTables.orders, rows: [
                    Self.order("250101AAA", status: "completed", netMinor: 99_900),
                    Self.order("250101BBB", status: "cancelled", netMinor: 80_000),
                ])),
            ])
            try await Self.rebuildMarts(fixture.warehouse)
            let rows = try await fixture.warehouse.query("""
                SELECT ads_platform, campaign_id, match_method, ad_spend_minor, ga_sessions, ga_users, ga_transactions, ga_revenue_minor,
                       ecom_orders, ecom_revenue_minor, roas_ga, roas_ecom, cpa_ga
                FROM mart_cross_channel_attribution ORDER BY ads_platform
                """)
            let byPlatform = Dictionary(uniqueKeysWithValues: rows.map { ($0.text("ads_platform"), $0) })
            let meta = try #require(byPlatform["facebook"])
            #expect(meta.text("match_method") == "id")
            #expect(meta.int("ga_sessions") == 120)
            #expect(meta.int("ga_revenue_minor") == 250_000)
            // Only the completed marketplace order counts, at the marketplace's own amount.
            #expect(meta.int("ecom_orders") == 1)
            #expect(meta.int("ecom_revenue_minor") == 99_900)
            #expect(abs((meta.double("roas_ga") ?? 0) - 0.25) < 1e-9)
            #expect(abs((meta.double("cpa_ga") ?? 0) - 10_000.0 / 3) < 1e-6)
            let tiktok = try #require(byPlatform["tiktok_ads"])
            #expect(tiktok.text("match_method") == "name")
            #expect(tiktok.int("ga_sessions") == 40)
            let line = try #require(byPlatform["line"])
            #expect(line.int("ga_sessions") == 0)
            #expect(line.double("roas_ga") == 0)

            let findings = try await fixture.warehouse.query("SELECT issue, subject, sessions FROM mart_utm_governance ORDER BY issue, subject")
            #expect(findings.map { "\($0.text("issue")) \($0.text("subject"))" } == [
                "campaign_without_utm line:L1",
                "utm_without_campaign facebook / paid_social / th_1111_flash_sale_2025",
                "utm_without_campaign facebook / paid_social / th_conversions_serum_spark",
            ])
        }
    }
}
