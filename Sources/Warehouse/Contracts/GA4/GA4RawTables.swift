/// The GA4 Data API's raw tables: one per report, one row per report row, keyed by the property, the day and the
/// report's dimensions; a re-read day replaces its rows.
///
/// The seed's three reports (`daily_traffic`, `page_performance`, `ecommerce_events`) keep GA4's own dimension and metric
/// names as columns, as Airbyte's GA4 source names its record fields, so an Airbyte import lands in the same tables.
/// `date` is stored as YYYY-MM-DD (GA4 answers YYYYMMDD). Revenue stays as the text GA4 sent (a decimal in the
/// property's currency); users are distinct within each row only, so they never add up across rows.
public enum GA4RawTables {
    static func metric(_ name: String, _ type: ColumnType) -> TableSchema.Column { .init(name, type) }

    /// `daily_traffic`: date × session source / medium / campaign (name and id) × device category × country, with the
    /// session's default channel group.
    public static let dailyTraffic = RawTableContract(
        "raw_ga4_daily_traffic",
        key: ["property_id", "date", "sessionSource", "sessionMedium", "sessionCampaignName", "sessionCampaignId", "deviceCategory", "country"],
        version: "_loaded_at_us", columns: [
            .init("property_id", .text, nullable: false),
            .init("date", .date, nullable: false),
            .init("sessionSource", .text, nullable: false),
            .init("sessionMedium", .text, nullable: false),
            .init("sessionCampaignName", .text, nullable: false),
            // Not in the seed's report; '(not set)' when a record (an Airbyte one) lacks it.
            .init("sessionCampaignId", .text, nullable: false),
            .init("deviceCategory", .text, nullable: false),
            .init("country", .text, nullable: false),
            // GA4's own channel group (it knows a Google Ads click's network); not part of the key, since the campaign
            // decides it. NULL in an Airbyte record, which staging then classifies by the rule table.
            .init("sessionDefaultChannelGroup", .text),
            metric("sessions", .integer),
            metric("engagedSessions", .integer),
            metric("totalUsers", .integer),
            metric("newUsers", .integer),
            metric("screenPageViews", .integer),
            metric("averageSessionDuration", .real),
            metric("bounceRate", .real),
            metric("transactions", .integer),
            metric("purchaseRevenue", .text),
            .init("raw_json", .text, nullable: false),
        ])

    /// `page_performance`: date × page path × page title.
    public static let pagePerformance = RawTableContract(
        "raw_ga4_page_performance", key: ["property_id", "date", "pagePath", "pageTitle"], version: "_loaded_at_us", columns: [
            .init("property_id", .text, nullable: false),
            .init("date", .date, nullable: false),
            .init("pagePath", .text, nullable: false),
            .init("pageTitle", .text, nullable: false),
            metric("screenPageViews", .integer),
            metric("averageSessionDuration", .real),
            metric("bounceRate", .real),
            // Sessions that viewed the page: the old "unique pageviews".
            metric("sessions", .integer),
            .init("raw_json", .text, nullable: false),
        ])

    /// `ecommerce_events`: date × event name × transaction id ('(not set)' for events without one).
    public static let ecommerceEvents = RawTableContract(
        "raw_ga4_ecommerce_events", key: ["property_id", "date", "eventName", "transactionId"], version: "_loaded_at_us", columns: [
            .init("property_id", .text, nullable: false),
            .init("date", .date, nullable: false),
            .init("eventName", .text, nullable: false),
            .init("transactionId", .text, nullable: false),
            metric("eventCount", .integer),
            metric("purchaseRevenue", .text),
            metric("itemsPurchased", .integer),
            .init("raw_json", .text, nullable: false),
        ])

    /// The audience reports: date alone (`breakdown` 'total', `value` ''), and date × `deviceCategory` ('device'),
    /// × `country` ('country'), × `sessionDefaultChannelGroup` ('channel'), each its own request so users are distinct
    /// at each grain.
    public static let audience = RawTableContract(
        "raw_ga4_audience", key: ["property_id", "date", "breakdown", "value"], version: "_loaded_at_us", columns: [
            .init("property_id", .text, nullable: false),
            .init("date", .date, nullable: false),
            .init("breakdown", .text, nullable: false),
            .init("value", .text, nullable: false),
            metric("sessions", .integer),
            metric("engagedSessions", .integer),
            metric("totalUsers", .integer),
            metric("newUsers", .integer),
            metric("screenPageViews", .integer),
            metric("averageSessionDuration", .real),
            metric("transactions", .integer),
            metric("purchaseRevenue", .text),
            .init("raw_json", .text, nullable: false),
        ])

    /// Purchases with the session campaign each is credited to: date × transaction id × session source / medium /
    /// campaign name / campaign id.
    public static let purchases = RawTableContract(
        "raw_ga4_purchases", key: ["property_id", "date", "transactionId"], version: "_loaded_at_us", columns: [
            .init("property_id", .text, nullable: false),
            .init("date", .date, nullable: false),
            .init("transactionId", .text, nullable: false),
            .init("sessionSource", .text),
            .init("sessionMedium", .text),
            .init("sessionCampaignName", .text),
            .init("sessionCampaignId", .text),
            metric("ecommercePurchases", .integer),
            metric("purchaseRevenue", .text),
            metric("itemsPurchased", .integer),
            .init("raw_json", .text, nullable: false),
        ])

    public static let all = [dailyTraffic, pagePerformance, ecommerceEvents, audience, purchases]
}
