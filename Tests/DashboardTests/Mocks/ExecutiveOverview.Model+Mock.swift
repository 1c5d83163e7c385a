import Dashboard
import OmnidashCore

extension ExecutiveOverview.Model {
    /// November 2026 for a seller on three marketplaces and five ad platforms: ordinary days, a 11.11 sale
    /// spike, a payday bump on the 25th; one KPI without a comparison, CPA rising, one source failing and one
    /// never synced. Every figure is integer arithmetic, so the snapshot is the same on every machine.
    static let mock: Self = {
        let range = DateRange(start: BusinessDate("2026-11-01")!, end: BusinessDate("2026-11-30")!)
        let daily = range.days.map(mockDay)
        let revenue = daily.reduce(Int64(0)) { $0 + $1.revenueMinor }
        let spend = daily.reduce(Int64(0)) { $0 + $1.adSpendMinor }
        let orders = daily.reduce(Int64(0)) { $0 + $1.orders }
        let units = orders * 14 / 10
        let conversions = orders * 62 / 100
        let clicks: Int64 = 184_310
        let impressions: Int64 = 6_912_554

        let previousRevenue: Int64 = 151_788_904
        let previousOrders: Int64 = 2_871
        let previousUnits: Int64 = 3_905
        let previousSpend: Int64 = 20_145_550
        let previousConversions: Int64 = 1_742
        let previousCTR = 0.0281

        // The page's own KPI definitions, so the snapshot carries the page's labels and polarities.
        typealias KPI = ExecutiveOverview.KPI
        let kpis = [
            KPI.revenue.value(.money(minor: revenue), .money(minor: previousRevenue)),
            KPI.orders.value(.count(orders), .count(previousOrders)),
            KPI.units.value(.count(units), .count(previousUnits)),
            KPI.aov.value(Metrics.aov(revenueMinor: revenue, orders: orders).map(Measure.averageMoney),
                          Metrics.aov(revenueMinor: previousRevenue, orders: previousOrders).map(Measure.averageMoney)),
            KPI.adSpend.value(.money(minor: spend), .money(minor: previousSpend)),
            KPI.roas.value(Metrics.roas(revenueMinor: revenue, spendMinor: spend).map(Measure.multiple),
                           Metrics.roas(revenueMinor: previousRevenue, spendMinor: previousSpend).map(Measure.multiple)),
            KPI.cpa.value(Metrics.cpa(spendMinor: spend, conversions: conversions).map(Measure.averageMoney),
                          Metrics.cpa(spendMinor: previousSpend, conversions: previousConversions).map(Measure.averageMoney)),
            KPI.ctr.value(Metrics.ctr(clicks: clicks, impressions: impressions).map(Measure.percent), .percent(previousCTR)),
            // Click tracking started this month: no comparison, so the badge is neutral and shows "–".
            KPI.cvr.value(Metrics.cvr(conversions: conversions, clicks: clicks).map(Measure.percent), nil),
        ]

        return ExecutiveOverview.Model(
            filters: DashboardFilters(preset: .custom, range: range),
            kpis: kpis,
            daily: daily,
            revenueByMarketplace: split(revenue, [
                (.shopee, 58, 0.142), (.lazada, 27, -0.036), (.tiktokShop, 15, nil),
            ]),
            spendByAdPlatform: split(spend, [
                (.facebookAds, 48, 0.081), (.tiktokAds, 22, 0.317), (.shopeeAds, 18, -0.052), (.googleAds, 9, 0.0002),
                (.lineAds, 3, nil),
            ]),
            freshness: [
                .init(platform: .shopee, lastSuccessAt: "2026-11-25T06:30:00Z", lastStatus: "succeeded"),
                .init(platform: .lazada, lastSuccessAt: "2026-11-25T06:31:12Z", lastStatus: "succeeded"),
                .init(platform: .tiktokShop, lastSuccessAt: "2026-11-25T06:29:48Z", lastStatus: "succeeded"),
                .init(platform: .facebookAds, lastSuccessAt: "2026-11-24T06:30:05Z", lastStatus: "failed"),
                .init(platform: .googleAds, lastSuccessAt: "2026-11-25T06:32:40Z", lastStatus: "succeeded"),
                .init(platform: .lineAds, lastSuccessAt: nil, lastStatus: nil),
            ]
        )
    }()

    /// The same page for a range nothing has been synced for: zeros every day, no breakdowns, no syncs.
    static let emptyMock: Self = {
        let range = DateRange(start: BusinessDate("2026-11-01")!, end: BusinessDate("2026-11-30")!)
        let kpis = mock.kpis.map { kpi in
            KPIValue(key: kpi.key, label: kpi.label, current: nil, previous: nil, change: nil,
                     polarity: kpi.polarity)
        }
        return ExecutiveOverview.Model(
            filters: DashboardFilters(preset: .custom, range: range),
            kpis: kpis,
            daily: range.days.map { .init(date: $0, revenueMinor: 0, adSpendMinor: 0, orders: 0, roas: nil) },
            revenueByMarketplace: [],
            spendByAdPlatform: [],
            freshness: []
        )
    }()

    private static func mockDay(_ date: BusinessDate) -> ExecutiveOverview.DailyPoint {
        let d = Int64(date.day)
        let weekend = date.weekday >= 6
        var revenue = 3_800_000 + (d * 37 % 11) * 95_000 + (weekend ? 900_000 : 0) + (d * 137 % 100)
        var spend = 650_000 + (d * 53 % 7) * 45_000 + (weekend ? 120_000 : 0)
        if date.month == 11, date.day == 11 {
            revenue *= 5
            spend += 2_400_000
        }
        if date.day == 25 { revenue = revenue * 3 / 2 }
        let orders = revenue / 52_000
        return .init(date: date, revenueMinor: revenue, adSpendMinor: spend, orders: orders,
                     roas: Metrics.roas(revenueMinor: revenue, spendMinor: spend))
    }

    /// Splits `total` by whole percentages, the last platform taking the remainder so the parts add up.
    private static func split(_ total: Int64, _ parts: [(Platform, Int64, Double?)]) -> [ExecutiveOverview.Breakdown] {
        var remaining = total
        return parts.enumerated().map { index, part in
            let amount = index == parts.count - 1 ? remaining : total * part.1 / 100
            remaining -= amount
            let previous = part.2.map { Int64((Double(amount) / (1 + $0)).rounded()) } ?? 0
            return .init(platform: part.0, currentMinor: amount, previousMinor: previous, change: part.2)
        }
    }
}
