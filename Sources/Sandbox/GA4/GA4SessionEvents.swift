/// One GA4 event of a session, with the page it happened on: what the event-scoped and page-scoped dimensions report.
struct GA4SessionEvent: Sendable {
    let name: String
    let pagePath: String
    let pageTitle: String
    let transactionID: String?
    /// A purchase's value in satang.
    let revenueMinor: Int64
    let items: Int64
    /// `user_engagement`'s `engagement_time_msec`.
    let engagementMsec: Int64
}

extension WebsiteSession {
    /// The events gtag would send for this session, in time order: `session_start` (and `first_visit` for a new user)
    /// on the landing page, a `page_view` per page, the funnel events and the `purchase` on the page they happened on,
    /// and one `user_engagement` carrying the session's foreground time on its last page.
    var ga4Events: [GA4SessionEvent] {
        let landing = pageViews.first
        let landingPath = landing?.path ?? "(not set)"
        let landingTitle = landing?.title ?? "(not set)"
        var events: [(at: Int64, event: GA4SessionEvent)] = []
        func page(at micros: Int64) -> (String, String) {
            let current = pageViews.last { $0.timestampMicros <= micros } ?? landing
            return (current?.path ?? landingPath, current?.title ?? landingTitle)
        }
        events.append((startMicros, GA4SessionEvent(name: "session_start", pagePath: landingPath, pageTitle: landingTitle,
                                                    transactionID: nil, revenueMinor: 0, items: 0, engagementMsec: 0)))
        if isNewUser {
            events.append((startMicros, GA4SessionEvent(name: "first_visit", pagePath: landingPath, pageTitle: landingTitle,
                                                        transactionID: nil, revenueMinor: 0, items: 0, engagementMsec: 0)))
        }
        for view in pageViews {
            events.append((view.timestampMicros, GA4SessionEvent(name: "page_view", pagePath: view.path, pageTitle: view.title,
                                                                 transactionID: nil, revenueMinor: 0, items: 0, engagementMsec: 0)))
        }
        for step in funnel {
            let (path, title) = page(at: step.timestampMicros)
            events.append((step.timestampMicros, GA4SessionEvent(name: step.name, pagePath: path, pageTitle: title, transactionID: nil,
                                                                 revenueMinor: 0, items: 0, engagementMsec: 0)))
        }
        if let purchase {
            let (path, title) = page(at: purchase.timestampMicros)
            events.append((purchase.timestampMicros, GA4SessionEvent(
                name: "purchase", pagePath: path, pageTitle: title, transactionID: purchase.transactionID,
                revenueMinor: purchase.valueMinor, items: Int64(purchase.items.reduce(0) { $0 + $1.quantity }), engagementMsec: 0)))
        }
        if engagementMsec > 0 {
            let last = pageViews.last
            events.append((endMicros, GA4SessionEvent(name: "user_engagement", pagePath: last?.path ?? landingPath,
                                                      pageTitle: last?.title ?? landingTitle, transactionID: nil, revenueMinor: 0,
                                                      items: 0, engagementMsec: engagementMsec)))
        }
        return events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element.event)
    }
}
