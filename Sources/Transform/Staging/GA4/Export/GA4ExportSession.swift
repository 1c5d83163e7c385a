import Foundation
import OmnidashCore

/// One session rebuilt from its export events (key: `user_pseudo_id` and `ga_session_id` joined by a dot).
struct GA4ExportSession: Sendable {
    struct PageView: Sendable {
        let path: String
        let title: String?
        let timestamp: Int64
    }

    struct Purchase: Sendable {
        let transactionID: String
        let timestamp: Int64
        let revenue: Decimal
        let currency: String?
        let items: Int64
    }

    let key: String
    let user: String
    /// The property-time-zone date of the session's first event.
    let date: BusinessDate
    let start: Int64
    let end: Int64
    let sessionNumber: Int64?
    let isNewUser: Bool
    let eventCount: Int
    let pageViews: [PageView]
    let engagementMsec: Int64
    let markedEngaged: Bool
    /// Purchases, one per transaction id (GA4 counts a re-sent purchase once).
    let purchases: [Purchase]
    /// The landing's own source, `nil` for a direct landing.
    let collected: GA4SessionSource?
    /// GA4's session campaign from the export's last-click record.
    let lastClick: GA4SessionSource?
    let firstUserSource: String?
    let firstUserMedium: String?
    let deviceCategory: String?
    let operatingSystem: String?
    let browser: String?
    let country: String?
    let city: String?

    /// The session of `events` (one session's, in time order); `nil` when they hold no valid date.
    init?(key: String, events: [GA4ExportEvent]) throws {
        guard let first = events.first, let date = BusinessDate(first.date) else { return nil }
        self.key = key
        user = first.user
        self.date = date
        start = first.timestamp
        end = events.last?.timestamp ?? first.timestamp
        sessionNumber = events.compactMap(\.sessionNumber).max()
        isNewUser = events.contains { $0.name == "first_visit" } || sessionNumber == 1
        eventCount = events.count
        pageViews = events.filter { $0.name == "page_view" }.map { PageView(path: $0.pagePath ?? "(not set)", title: $0.pageTitle, timestamp: $0.timestamp) }
        engagementMsec = events.reduce(0) { $0 + $1.engagementMsec }
        markedEngaged = events.contains(where: \.sessionEngaged)
        var seen = Set<String>()
        var purchases: [Purchase] = []
        for (index, event) in events.enumerated() where event.name == "purchase" {
            let transactionID = event.transactionID ?? "(not set)#\(key)#\(index)"
            guard seen.insert(transactionID).inserted else { continue }
            let text = event.purchaseRevenue ?? "0"
            guard let revenue = Decimal(exactly: text) else {
                throw StagingError(table: "raw_ga4_events", key: "\(key)/\(transactionID)", reason: "purchase_revenue '\(text)' is not a number")
            }
            purchases.append(Purchase(transactionID: transactionID, timestamp: event.timestamp, revenue: revenue, currency: event.currency,
                                      items: event.itemsQuantity ?? 0))
        }
        self.purchases = purchases
        // GA4's session rule, as dbt-ga4 applies it: the first event that collected a source.
        collected = events.lazy.compactMap { GA4SessionSource(collectedFrom: $0) }.first
        lastClick = events.lazy.compactMap { GA4SessionSource(lastClickOf: $0) }.first
        let described = events.first { $0.firstUserSource != nil } ?? first
        firstUserSource = described.firstUserSource
        firstUserMedium = described.firstUserMedium
        let located = events.first { $0.deviceCategory != nil || $0.country != nil } ?? first
        deviceCategory = located.deviceCategory
        operatingSystem = located.operatingSystem
        browser = located.browser
        country = located.country
        city = located.city
    }

    var durationSeconds: Int64 { max(0, end - start) / 1_000_000 }

    /// GA4's engaged session: marked engaged by the tag, longer than 10 seconds, a key event (purchase), or two or more
    /// page views.
    var isEngaged: Bool { markedEngaged || engagementMsec > 10_000 || !purchases.isEmpty || pageViews.count >= 2 }
}
