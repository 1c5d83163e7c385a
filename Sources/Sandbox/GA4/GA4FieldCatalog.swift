/// The dimensions and metrics the emulated property answers, with GA4's API names, types and scopes (the
/// Data API schema page, ads-apis.md §4.5). The metadata endpoint lists exactly these.
enum GA4FieldCatalog {
    /// Where a dimension's value comes from: the session (one value per session), the page a hit was on, or the event.
    enum Scope: Sendable {
        case session, page, event
    }

    struct Dimension: Sendable {
        let apiName: String
        let uiName: String
        let category: String
        let scope: Scope
    }

    struct Metric: Sendable {
        let apiName: String
        let uiName: String
        /// `TYPE_INTEGER`, `TYPE_FLOAT`, `TYPE_SECONDS`, `TYPE_CURRENCY`.
        let type: String
        let category: String
    }

    static let dimensions: [Dimension] = [
        .init(apiName: "date", uiName: "Date", category: "Time", scope: .session),
        .init(apiName: "sessionSource", uiName: "Session source", category: "Traffic source", scope: .session),
        .init(apiName: "sessionMedium", uiName: "Session medium", category: "Traffic source", scope: .session),
        .init(apiName: "sessionCampaignName", uiName: "Session campaign", category: "Traffic source", scope: .session),
        .init(apiName: "sessionCampaignId", uiName: "Session campaign ID", category: "Traffic source", scope: .session),
        .init(apiName: "sessionSourceMedium", uiName: "Session source / medium", category: "Traffic source", scope: .session),
        .init(apiName: "sessionDefaultChannelGroup", uiName: "Session default channel group", category: "Traffic source", scope: .session),
        .init(apiName: "firstUserSource", uiName: "First user source", category: "Traffic source", scope: .session),
        .init(apiName: "firstUserMedium", uiName: "First user medium", category: "Traffic source", scope: .session),
        .init(apiName: "deviceCategory", uiName: "Device category", category: "Platform / Device", scope: .session),
        .init(apiName: "country", uiName: "Country", category: "Geography", scope: .session),
        .init(apiName: "city", uiName: "City", category: "Geography", scope: .session),
        .init(apiName: "landingPage", uiName: "Landing page", category: "Page / Screen", scope: .session),
        .init(apiName: "newVsReturning", uiName: "New / returning", category: "User", scope: .session),
        .init(apiName: "pagePath", uiName: "Page path", category: "Page / Screen", scope: .page),
        .init(apiName: "pageTitle", uiName: "Page title", category: "Page / Screen", scope: .page),
        .init(apiName: "eventName", uiName: "Event name", category: "Event", scope: .event),
        .init(apiName: "transactionId", uiName: "Transaction ID", category: "Ecommerce", scope: .event),
    ]

    static let metrics: [Metric] = [
        .init(apiName: "sessions", uiName: "Sessions", type: "TYPE_INTEGER", category: "Session"),
        .init(apiName: "engagedSessions", uiName: "Engaged sessions", type: "TYPE_INTEGER", category: "Session"),
        .init(apiName: "engagementRate", uiName: "Engagement rate", type: "TYPE_FLOAT", category: "Session"),
        .init(apiName: "bounceRate", uiName: "Bounce rate", type: "TYPE_FLOAT", category: "Session"),
        .init(apiName: "averageSessionDuration", uiName: "Average session duration", type: "TYPE_SECONDS", category: "Session"),
        .init(apiName: "totalUsers", uiName: "Total users", type: "TYPE_INTEGER", category: "User"),
        .init(apiName: "activeUsers", uiName: "Active users", type: "TYPE_INTEGER", category: "User"),
        .init(apiName: "newUsers", uiName: "New users", type: "TYPE_INTEGER", category: "User"),
        .init(apiName: "userEngagementDuration", uiName: "User engagement", type: "TYPE_SECONDS", category: "User"),
        .init(apiName: "screenPageViews", uiName: "Views", type: "TYPE_INTEGER", category: "Page / Screen"),
        .init(apiName: "eventCount", uiName: "Event count", type: "TYPE_INTEGER", category: "Event"),
        .init(apiName: "keyEvents", uiName: "Key events", type: "TYPE_INTEGER", category: "Event"),
        .init(apiName: "transactions", uiName: "Transactions", type: "TYPE_INTEGER", category: "Ecommerce"),
        .init(apiName: "ecommercePurchases", uiName: "Ecommerce purchases", type: "TYPE_INTEGER", category: "Ecommerce"),
        .init(apiName: "purchaseRevenue", uiName: "Purchase revenue", type: "TYPE_CURRENCY", category: "Revenue"),
        .init(apiName: "totalRevenue", uiName: "Total revenue", type: "TYPE_CURRENCY", category: "Revenue"),
        .init(apiName: "itemsPurchased", uiName: "Items purchased", type: "TYPE_INTEGER", category: "Ecommerce"),
    ]

    static let dimensionsByName = Dictionary(uniqueKeysWithValues: dimensions.map { ($0.apiName, $0) })
    static let metricsByName = Dictionary(uniqueKeysWithValues: metrics.map { ($0.apiName, $0) })

    /// GA4's limits on one request (ads-apis.md §4.2).
    static let maxDimensions = 9
    static let maxMetrics = 10
}
