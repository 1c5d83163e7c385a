/// Website analytics: the brand website's sessions, users, engagement and sales for a date range against the previous
/// period, which GA4 path the figures come from, sessions by default channel group over time, the traffic sources,
/// the top pages, and the device and country splits.
///
/// Split as every page is: `Model`, `query` (reads `mart_website_analytics`, `mart_traffic_sources`,
/// `mart_website_pages` and `mart_website_audience`), `view`, `csv`/`json`.
public enum WebsiteAnalytics: DashboardPage {
    public static let id = PageID.website
    public static let title = TextKey.websiteAnalyticsTitle
}
