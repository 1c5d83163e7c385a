@testable import Dashboard
import Foundation
import OmnidashCore
import Testing
import Warehouse

/// The Attribution page's figures from the marts on both engines: every ROAS and CPA from the range's sums, none over
/// zero spend, the platform filter, and the governance lists.
@Suite("Attribution query", .serialized)
struct AttributionQueryTests {
    func kpi(_ model: Attribution.Model, _ key: String) -> Measure? { model.kpis.first { $0.key == key }?.current }

    @Test("ROAS and CPA on each level come from the range's sums", arguments: WebsiteFixtures.engines)
    func ratiosFromSums(engine: String) async throws {
        try await WebsiteFixtures.withWarehouse(engine) { warehouse in
            try await WebsiteFixtures.fillAttribution(warehouse)
            let model = try await Attribution.query(warehouse, filters: WebsiteFixtures.filters)
            #expect(model.campaigns.map(\.campaignID) == ["c1", "g1"])
            let sale = model.campaigns[0].figures
            #expect(sale.spendMinor == 400_000)
            // ฿9,000 claimed over ฿4,000 spent: 2.25, where the days' ROAS (5 and 1.33) average to 3.17.
            #expect(sale.platformROAS == 2.25)
            #expect(sale.gaROAS == 180_239.0 / 400_000)
            #expect(sale.marketplaceROAS == 0.3)
            #expect(sale.platformCPA == 4_000.0 / 15)
            #expect(sale.gaCPA == 4_000.0 / 3)
            #expect(sale.marketplaceCPA == 2_000)
            #expect(sale.gaUserDays == 96)
            #expect(model.campaigns[0].matchMethod == "name")
            // Sessions and revenue without spend: no ROAS; a CPA only where there was something to divide by.
            let search = model.campaigns[1].figures
            #expect(search.gaRevenueMinor == 50_000)
            #expect(search.platformROAS == nil && search.gaROAS == nil && search.marketplaceROAS == nil)
            #expect(search.platformCPA == nil && search.marketplaceCPA == nil)
            #expect(search.gaCPA == 0)
            #expect(kpi(model, "spend") == .money(minor: 400_000))
            #expect(kpi(model, "ga_revenue") == .money(minor: 230_239))
            #expect(kpi(model, "marketplace_revenue") == .money(minor: 120_000))
            #expect(kpi(model, "platform_roas") == .multiple(2.25))
            #expect(model.kpis.first { $0.key == "spend" }?.change == 1)
            #expect(model.campaignsWithoutUTM.map(\.campaignID) == ["t9"])
            #expect(model.utmsWithoutCampaign.map(\.utmCampaign) == ["line_oa_broadcast"])
            #expect(model.utmsWithoutCampaign.first?.firstDate == BusinessDate("2026-10-28"))
            #expect(model.dataSource.summary == "export")
            #expect(Set(model.accounts.map(\.platform)) == [.facebookAds, .googleAds])
        }
    }

    @Test("an ad platform narrows the campaigns, the KPIs and the campaigns without UTM", arguments: WebsiteFixtures.engines)
    func platformFilter(engine: String) async throws {
        try await WebsiteFixtures.withWarehouse(engine) { warehouse in
            try await WebsiteFixtures.fillAttribution(warehouse)
            var filters = WebsiteFixtures.filters
            filters.platform = .googleAds
            let model = try await Attribution.query(warehouse, filters: filters)
            #expect(model.campaigns.map(\.campaignID) == ["g1"])
            #expect(kpi(model, "spend") == .money(minor: 0))
            #expect(kpi(model, "ga_roas") == nil)
            #expect(model.campaignsWithoutUTM.isEmpty)
            #expect(model.utmsWithoutCampaign.count == 1, "a UTM without a campaign belongs to no platform")
        }
    }
}
