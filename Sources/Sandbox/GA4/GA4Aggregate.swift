/// What a report row has gathered: the distinct sessions, users and transactions it covers (so users stay distinct
/// within the row, and an "(other)" row merges them without counting anyone twice) and its additive counts.
struct GA4Aggregate: Sendable {
    var sessionSeconds: [String: Int64] = [:]
    var engagedSessions: Set<String> = []
    var users: Set<String> = []
    var activeUsers: Set<String> = []
    var newUsers: Set<String> = []
    var transactions: Set<String> = []
    var pageViews: Int64 = 0
    var events: Int64 = 0
    var purchases: Int64 = 0
    var revenueMinor: Int64 = 0
    var items: Int64 = 0
    var engagementMsec: Int64 = 0

    /// Adds the events of one session that fall in this row.
    mutating func add(_ session: WebsiteSession, events: [GA4SessionEvent]) {
        sessionSeconds[session.key] = session.durationSeconds
        if session.isEngaged { engagedSessions.insert(session.key) }
        users.insert(session.userPseudoID)
        let firstVisit = events.contains { $0.name == "first_visit" }
        if firstVisit { newUsers.insert(session.userPseudoID) }
        if session.isEngaged || firstVisit { activeUsers.insert(session.userPseudoID) }
        for event in events {
            self.events += 1
            switch event.name {
            case "page_view": pageViews += 1
            case "purchase":
                purchases += 1
                revenueMinor += event.revenueMinor
                items += event.items
                if let id = event.transactionID { transactions.insert(id) }
            case "user_engagement": engagementMsec += event.engagementMsec
            default: break
            }
        }
    }

    mutating func merge(_ other: GA4Aggregate) {
        sessionSeconds.merge(other.sessionSeconds) { first, _ in first }
        engagedSessions.formUnion(other.engagedSessions)
        users.formUnion(other.users)
        activeUsers.formUnion(other.activeUsers)
        newUsers.formUnion(other.newUsers)
        transactions.formUnion(other.transactions)
        pageViews += other.pageViews
        events += other.events
        purchases += other.purchases
        revenueMinor += other.revenueMinor
        items += other.items
        engagementMsec += other.engagementMsec
    }

    var sessions: Int { sessionSeconds.count }

    /// A metric's value as GA4 writes it (a string) and as a number to sort by.
    func value(of metric: String) -> (text: String, number: Double) {
        let sessions = Int64(self.sessions)
        func whole(_ value: Int64) -> (String, Double) { (String(value), Double(value)) }
        func ratio(_ numerator: Int64, _ denominator: Int64) -> (String, Double) {
            guard denominator > 0 else { return ("0", 0) }
            let value = Double(numerator) / Double(denominator)
            return (Self.float(value), value)
        }
        switch metric {
        case "sessions": return whole(sessions)
        case "engagedSessions": return whole(Int64(engagedSessions.count))
        case "engagementRate": return ratio(Int64(engagedSessions.count), sessions)
        case "bounceRate": return ratio(sessions - Int64(engagedSessions.count), sessions)
        case "averageSessionDuration": return ratio(sessionSeconds.values.reduce(0, +), sessions)
        case "totalUsers": return whole(Int64(users.count))
        case "activeUsers": return whole(Int64(activeUsers.count))
        case "newUsers": return whole(Int64(newUsers.count))
        case "userEngagementDuration": return whole(engagementMsec / 1_000)
        case "screenPageViews": return whole(pageViews)
        case "eventCount": return whole(events)
        case "keyEvents", "ecommercePurchases": return whole(purchases)
        case "transactions": return whole(Int64(transactions.count))
        case "purchaseRevenue", "totalRevenue": return (AmountText.jsonNumber(minor: revenueMinor), Double(revenueMinor) / 100)
        case "itemsPurchased": return whole(items)
        default: return ("0", 0)
        }
    }

    /// A double as GA4 writes one: whole values without a fraction, others with full precision.
    static func float(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
