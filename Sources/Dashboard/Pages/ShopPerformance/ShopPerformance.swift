/// Shop performance: revenue, orders, AOV and refunds per marketplace shop for a date range, against the previous
/// period and the same days a month and a year before, with daily revenue per marketplace.
///
/// Split as every page is: `Model` (the figures), `query` (reads `mart_shop_performance`), `view` (HTML), `csv`/`json`.
public enum ShopPerformance: DashboardPage {
    public static let id = PageID.shops
    public static let title = TextKey.shopPerformanceTitle
}
