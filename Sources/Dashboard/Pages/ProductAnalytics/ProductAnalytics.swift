/// Product analytics: master SKUs by revenue, units and gross profit for a date range, the marketplace split per
/// product, a drill-down to one product's days, and the marketplace SKUs that still lack a master SKU.
///
/// Split as every page is: `Model` (the figures), `query` (reads `mart_product_performance`), `view` (HTML), `csv`/`json`.
public enum ProductAnalytics: DashboardPage {
    public static let id = PageID.products
    public static let title = TextKey.productAnalyticsTitle
}
