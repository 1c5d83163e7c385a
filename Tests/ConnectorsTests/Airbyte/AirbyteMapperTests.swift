@testable import Connectors
import Testing
import Warehouse

/// Each source's mapper on small records in Airbyte's own shapes.
@Suite("Airbyte source mappers")
struct AirbyteMapperTests {
    /// Maps `data` as a record of `stream`, as the import does.
    func map(_ mapper: inout some AirbyteSourceMapper, _ stream: String, _ data: String) -> AirbyteMapped {
        let scanner = JSONScanner(Array(data.utf8))
        return mapper.map(stream: stream, data: 0..<scanner.bytes.count, of: scanner)
    }

    func loaded(_ mapped: AirbyteMapped) -> TableRow? {
        if case .parsed(.row(let row)) = mapped { return row }
        return nil
    }

    func reason(_ mapped: AirbyteMapped) -> String? {
        if case .parsed(.reject(let reject)) = mapped { return reject.reason }
        return nil
    }

    @Test("every registered source has a mapper, with or without the source- prefix")
    func registry() {
        #expect(AirbyteSourceRegistry.names == ["facebook-marketing", "google-ads", "tiktok-marketing", "google-analytics-data-api"])
        #expect(AirbyteSourceRegistry.mapper(for: "source-google-ads") != nil)
        #expect(AirbyteSourceRegistry.mapper(for: "source-shopify") == nil)
    }

    @Test("Facebook: Airbyte's typed numbers read as Meta's text; budgets as whole minor units; unknown streams said so")
    func facebook() throws {
        var mapper = FacebookAirbyteMapper()
        let insight = #"{"account_id":"101","account_currency":"THB","ad_id":"9","date_start":"2026-11-20","date_stop":"2026-11-20","impressions":1200,"clicks":31,"spend":456.7,"actions":[{"action_type":"omni_purchase","value":3}],"action_values":[{"action_type":"omni_purchase","value":1590.5}]}"#
        let row = try #require(loaded(map(&mapper, "ads_insights", insight)))
        #expect(row.layout.table == "raw_facebook_ads")
        #expect(row["spend"] == .text("456.7") && row["impressions"] == .integer(1200))
        #expect(row["conversions"] == .integer(3) && row["conversion_value"] == .text("1590.5"))
        let breakdown = #"{"account_id":"101","account_currency":"THB","ad_id":"9","date_start":"2026-11-20","date_stop":"2026-11-20","age":"25-34","gender":"female","spend":"1"}"#
        #expect(loaded(map(&mapper, "daily_ads_insights", breakdown))?.layout.table == "raw_facebook_ads_demographics")
        // The currency learned from the insights applies to the account's campaigns.
        let campaign = try #require(loaded(map(&mapper, "campaigns", #"{"id":"5","account_id":"101","name":"Sale","daily_budget":150000.0,"effective_status":"ACTIVE"}"#)))
        #expect(campaign["daily_budget"] == .text("150000") && campaign["account_currency"] == .text("THB"))
        #expect(reason(map(&mapper, "campaigns", #"{"id":"6","account_id":"101","daily_budget":1500.5}"#))?.contains("daily_budget") == true)
        #expect(reason(map(&mapper, "campaigns", #"{"id":"7","account_id":"202"}"#))?.contains("--currency") == true)
        guard case .unknownStream = map(&mapper, "ad_creatives", #"{"id":"1"}"#) else { Issue.record("ad_creatives was read"); return }
    }

    @Test("Google Ads: the seed's ad_group_performance query with GAQL field names lands in raw_google_ads")
    func googleAds() throws {
        var mapper = GoogleAdsAirbyteMapper(options: AirbyteImportOptions(accountID: "1234567890", currency: "THB"))
        let record = #"{"campaign.id":111,"campaign.name":"Search TH","campaign.advertising_channel_type":"SEARCH","ad_group.id":222,"ad_group.name":"Serum","segments.date":"2026-11-20","metrics.impressions":900,"metrics.clicks":40,"metrics.cost_micros":1234500000,"metrics.conversions":2.0,"metrics.conversions_value":1780.25}"#
        let row = try #require(loaded(map(&mapper, "ad_group_performance", record)))
        #expect(row["customer_id"] == .text("1234567890") && row["customer_currency"] == .text("THB"))
        #expect(row["campaign_id"] == .text("111") && row["ad_group_id"] == .text("222") && row["_date"] == .text("2026-11-20"))
        #expect(row["cost_micros"] == .integer(1_234_500_000) && row["conversions"] == .text("2.0") && row["conversion_value"] == .text("1780.25"))
        let fractional = record.replacingOccurrences(of: "1234500000", with: "12.5")
        #expect(reason(map(&mapper, "ad_group_performance", fractional))?.contains("metrics.cost_micros") == true)
        var bare = GoogleAdsAirbyteMapper()
        #expect(reason(map(&bare, "ad_group_performance", record))?.contains("customer.id") == true)
    }

    @Test("TikTok: ads_reports_daily in the advertiser's currency from the advertisers stream")
    func tiktok() throws {
        var mapper = TikTokAdsAirbyteMapper()
        let report = #"{"advertiser_id":7001,"ad_id":1801,"stat_time_day":"2026-11-20 00:00:00","dimensions":{"ad_id":1801,"stat_time_day":"2026-11-20 00:00:00"},"metrics":{"campaign_id":1601,"adgroup_id":1701,"spend":"321.50","impressions":"5000","clicks":"80","complete_payment":"4","total_complete_payment_rate":"2100.00"}}"#
        #expect(reason(map(&mapper, "ads_reports_daily", report))?.contains("advertisers stream") == true)
        let advertiser = try #require(loaded(map(&mapper, "advertisers", #"{"advertiser_id":7001,"name":"Sukhon","currency":"THB","timezone":"Asia/Bangkok","status":"STATUS_ENABLE"}"#)))
        #expect(advertiser.layout.table == "raw_tiktok_ads_advertisers")
        let row = try #require(loaded(map(&mapper, "ads_reports_daily", report)))
        #expect(row["advertiser_id"] == .text("7001") && row["ad_id"] == .text("1801") && row["_date"] == .text("2026-11-20"))
        #expect(row["spend"] == .text("321.50") && row["currency"] == .text("THB") && row["conversions"] == .integer(4))
        let noDimensions = #"{"advertiser_id":7001,"ad_id":1801,"metrics":{"spend":"1"}}"#
        #expect(reason(map(&mapper, "ads_reports_daily", noDimensions))?.contains("dimensions") == true)
    }

    @Test("GA4: custom report records with property_id and YYYYMMDD dates; revenue kept as text")
    func ga4() throws {
        var mapper = GA4AirbyteMapper()
        let traffic = #"{"property_id":"412087345","date":"20261120","sessionSource":"facebook","sessionMedium":"paid_social","sessionCampaignName":"bf_sale","deviceCategory":"mobile","country":"Thailand","sessions":120,"totalUsers":101,"newUsers":80,"screenPageViews":433,"averageSessionDuration":83.5,"bounceRate":0.41,"transactions":3,"purchaseRevenue":2589.5,"startDate":"2026-11-20","endDate":"2026-11-20"}"#
        let row = try #require(loaded(map(&mapper, "daily_traffic", traffic)))
        #expect(row["date"] == .text("2026-11-20") && row["property_id"] == .text("412087345"))
        #expect(row["sessionCampaignId"] == .text("(not set)") && row["sessions"] == .integer(120))
        #expect(row["purchaseRevenue"] == .text("2589.5") && row["bounceRate"] == .real(0.41))
        let events = #"{"property_id":"412087345","date":"20261120","eventName":"purchase","transactionId":"T-1","eventCount":1,"purchaseRevenue":"1e3","itemsPurchased":2}"#
        #expect(reason(map(&mapper, "ecommerce_events", events))?.contains("purchaseRevenue") == true)
        #expect(reason(map(&mapper, "page_performance", #"{"property_id":"412087345","date":"2026/11/20","pagePath":"/"}"#))?.contains("YYYYMMDD") == true)
    }
}
