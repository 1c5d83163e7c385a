@testable import Dashboard
import Foundation
import OmnidashCore
import Testing
import Warehouse

/// The Website analytics page's figures as read from the marts on both engines: sums over the range, ratios from the
/// sums (a daily rate averaged would be wrong), users as user-days, the GA4 path of each date, and the channel filter.
@Suite("Website analytics query", .serialized)
struct WebsiteAnalyticsQueryTests {
    func kpi(_ model: WebsiteAnalytics.Model, _ key: String) -> KPIValue? { model.kpis.first { $0.key == key } }

    @Test("KPIs are the range's sums with ratios from the sums, against the previous period", arguments: WebsiteFixtures.engines)
    func kpisFromSums(engine: String) async throws {
        try await WebsiteFixtures.withWarehouse(engine) { warehouse in
            try await WebsiteFixtures.fillWebsite(warehouse)
            let model = try await WebsiteAnalytics.query(warehouse, filters: WebsiteFixtures.filters)
            #expect(kpi(model, "sessions")?.current == .count(400))
            #expect(kpi(model, "sessions")?.previous == .count(100))
            #expect(kpi(model, "sessions")?.change == 3)
            // 90 + 200 people-days, not GA4's distinct users of the range.
            #expect(kpi(model, "users")?.current == .count(290))
            #expect(kpi(model, "new_users")?.current == .count(140))
            #expect(kpi(model, "returning_users")?.current == .count(150))
            // 240 engaged of 400 sessions is 60 %; the daily rates (90 %, 50 %) average to 70 %.
            #expect(kpi(model, "engagement_rate")?.current == .percent(0.6))
            #expect(kpi(model, "bounce_rate")?.current == .percent(0.4))
            #expect(kpi(model, "pages_per_session")?.current == .multiple(2.25))
            // (100 × 120 s + 300 × 40 s) / 400 sessions.
            #expect(kpi(model, "avg_session_duration")?.current == .count(60))
            #expect(kpi(model, "transactions")?.current == .count(10))
            #expect(kpi(model, "revenue")?.current == .money(minor: 580_239))
            #expect(kpi(model, "conversion_rate")?.current == .percent(0.025))
            #expect(abs((kpi(model, "aov")?.current?.number ?? 0) - 580.239) < 1e-9)
            #expect(model.dataSource.summary == "mixed")
            #expect(model.dataSource.exportDates == [BusinessDate("2026-11-02")!])
            #expect(model.dataSource.dataAPIDates == [BusinessDate("2026-11-03")!])
        }
    }

    @Test("channels, traffic sources, pages and splits", arguments: WebsiteFixtures.engines)
    func tables(engine: String) async throws {
        try await WebsiteFixtures.withWarehouse(engine) { warehouse in
            try await WebsiteFixtures.fillWebsite(warehouse)
            let model = try await WebsiteAnalytics.query(warehouse, filters: WebsiteFixtures.filters)
            #expect(model.channelRows.map(\.value) == ["Organic Search", "Paid Social", "Direct", "Marketplace"])
            let organic = try #require(model.channelRows.first)
            #expect(organic.figures.sessions == 260)
            #expect(organic.sessionsChange == 1.6)
            #expect(organic.sessionShare == 260.0 / 400)
            // Three channels drawn, the fourth in "other".
            #expect(model.chartChannels == ["Organic Search", "Paid Social", "Direct"])
            #expect(model.daily.map(\.sessions) == [[60, 40, 0, 0], [200, 80, 10, 10]])
            let paid = try #require(model.sources.first { $0.channel == "Paid Social" })
            #expect(paid.campaign == "sukhon_1111_sale")
            #expect(paid.figures.sessions == 120)
            #expect(paid.figures.revenueMinor == 180_239)
            #expect(paid.revenueShare == 180_239.0 / 580_239)
            #expect(paid.figures.averageDurationSeconds == 55)
            #expect(model.pages.map(\.path) == ["/", "/products/vitamin-c-serum"])
            let home = model.pages[0]
            #expect(home.pageviews == 400)
            #expect(home.averageTimeOnPage == 35)
            #expect(abs((home.bounceRate ?? 0) - 0.36) < 1e-9, "bounces over entrances, not the days' rates averaged")
            #expect(home.exitRate == 0.3)
            #expect(model.devices.map(\.value) == ["mobile", "desktop"])
            #expect(model.countries.map(\.value) == ["Thailand", "Laos"])
        }
    }

    @Test("a channel narrows the KPIs, the chart and the sources to it; the splits stay whole", arguments: WebsiteFixtures.engines)
    func channelFilter(engine: String) async throws {
        try await WebsiteFixtures.withWarehouse(engine) { warehouse in
            try await WebsiteFixtures.fillWebsite(warehouse)
            var filters = WebsiteFixtures.filters
            filters.channel = "Paid Social"
            let model = try await WebsiteAnalytics.query(warehouse, filters: filters)
            #expect(kpi(model, "sessions")?.current == .count(120))
            #expect(kpi(model, "users")?.current == .count(96))
            #expect(kpi(model, "engagement_rate")?.current == .percent(0.625))
            #expect(kpi(model, "avg_session_duration")?.current == .count(55))
            #expect(kpi(model, "revenue")?.current == .money(minor: 180_239))
            #expect(kpi(model, "sessions")?.change == nil, "no paid social in the comparison period")
            #expect(model.sources.map(\.channel) == ["Paid Social"])
            #expect(model.chartChannels == ["Paid Social"])
            #expect(model.daily.map(\.sessions) == [[40], [80]])
            #expect(model.channels.contains("Organic Search"), "the control still offers every channel")
            #expect(model.devices.count == 2)
        }
    }

    @Test func anEmptyWarehouseGivesZerosAndNoRatios() async throws {
        try await WebsiteFixtures.withWarehouse("sqlite") { warehouse in
            let model = try await WebsiteAnalytics.query(warehouse, filters: WebsiteFixtures.filters)
            #expect(kpi(model, "sessions")?.current == .count(0))
            #expect(kpi(model, "engagement_rate")?.current == nil)
            #expect(kpi(model, "aov")?.current == nil)
            #expect(model.dataSource.summary == nil)
            #expect(model.sources.isEmpty && model.pages.isEmpty)
        }
    }
}
