import OmnidashCore

/// Computes a report from the world's website sessions as GA4 would: session-scoped dimensions take the session's
/// values (its campaign by GA4's session rule), page- and event-scoped ones split a session into the events on each
/// page or of each kind; users are distinct within a row; rows whose metrics are all zero are left out unless asked
/// for; and past the cardinality limit a day's least visited combinations fold into one "(other)" row.
struct GA4Report: Sendable {
    struct Row: Sendable {
        var dimensions: [String]
        var aggregate: GA4Aggregate
    }

    let request: GA4ReportRequest
    /// The dimension headers: the request's, plus `dateRange` when several ranges are asked for.
    let dimensions: [String]
    let rows: [Row]
    let dataLossFromOtherRow: Bool

    /// Distinct dimension combinations a day may have before the rest fold into "(other)". GA4's daily tables keep
    /// about 50,000 for a standard property; the Sandbox lowers it per request with `X-Sandbox-GA4-Cardinality-Limit`.
    static let defaultCardinalityLimit = 50_000
    static let otherValue = "(other)"
    static let notSet = "(not set)"

    init(_ request: GA4ReportRequest, cardinalityLimit: Int, sessionsOn: (BusinessDate) -> [WebsiteSession]) {
        self.request = request
        var dimensions = request.dimensions
        if request.dateRanges.count > 1 && !dimensions.contains("dateRange") { dimensions.append("dateRange") }
        self.dimensions = dimensions
        let hitDimensions = dimensions.filter { GA4FieldCatalog.dimensionsByName[$0].map { $0.scope != .session } ?? false }

        var groups: [[String]: GA4Aggregate] = [:]
        let days = Set(request.dateRanges.flatMap { Array($0.start...$0.end) }).sorted()
        for day in days {
            let ranges = request.dateRanges.filter { $0.start <= day && day <= $0.end }
            for session in sessionsOn(day) {
                let events = session.ga4Events
                // The session's events, split by the values of the page- and event-scoped dimensions asked for.
                var parts: [[String]: [GA4SessionEvent]] = [:]
                if hitDimensions.isEmpty {
                    parts[[]] = events
                } else {
                    for event in events { parts[hitDimensions.map { Self.value(of: $0, event: event) }, default: []].append(event) }
                }
                for range in ranges {
                    for (hitValues, partEvents) in parts {
                        var hitIterator = hitValues.makeIterator()
                        let key = dimensions.map { name -> String in
                            if name == "dateRange" { return range.name }
                            if GA4FieldCatalog.dimensionsByName[name]?.scope == .session { return Self.value(of: name, session: session) }
                            return hitIterator.next() ?? Self.notSet
                        }
                        groups[key, default: GA4Aggregate()].add(session, events: partEvents)
                    }
                }
            }
        }

        var rows = groups.map { Row(dimensions: $0.key, aggregate: $0.value) }
        var dataLoss = false
        if !dimensions.isEmpty {
            // The limit applies to each day's table; a report without `date` is one table.
            let dateIndex = dimensions.firstIndex(of: "date")
            let byDay = Dictionary(grouping: rows) { row in dateIndex.map { row.dimensions[$0] } ?? "" }
            rows = []
            for (_, dayRows) in byDay.sorted(by: { $0.key < $1.key }) {
                guard dayRows.count > cardinalityLimit else { rows += dayRows; continue }
                dataLoss = true
                let ranked = dayRows.sorted { ($0.aggregate.sessions, $1.dimensions.joined(separator: "\u{1}"))
                    > ($1.aggregate.sessions, $0.dimensions.joined(separator: "\u{1}")) }
                let kept = max(0, cardinalityLimit - 1)
                rows += ranked.prefix(kept)
                var other = Row(dimensions: dimensions.enumerated().map { index, name in
                    index == dateIndex || name == "dateRange" ? ranked[0].dimensions[index] : Self.otherValue
                }, aggregate: GA4Aggregate())
                for row in ranked.dropFirst(kept) { other.aggregate.merge(row.aggregate) }
                rows.append(other)
            }
        }
        if !request.keepEmptyRows {
            rows = rows.filter { row in request.metrics.isEmpty || request.metrics.contains { row.aggregate.value(of: $0).number != 0 } }
        }
        rows.sort { Self.precedes($0, $1, request: request, dimensions: dimensions) }
        self.rows = rows
        self.dataLossFromOtherRow = dataLoss
    }

    /// The request's `orderBys`, then every dimension ascending, so equal rows always come in the same order.
    static func precedes(_ lhs: Row, _ rhs: Row, request: GA4ReportRequest, dimensions: [String]) -> Bool {
        for order in request.orderBys {
            if order.isMetric {
                let left = lhs.aggregate.value(of: order.name).number, right = rhs.aggregate.value(of: order.name).number
                if left != right { return order.descending ? left > right : left < right }
            } else if let index = dimensions.firstIndex(of: order.name), lhs.dimensions[index] != rhs.dimensions[index] {
                return order.descending ? lhs.dimensions[index] > rhs.dimensions[index] : lhs.dimensions[index] < rhs.dimensions[index]
            }
        }
        return lhs.dimensions.lexicographicallyPrecedes(rhs.dimensions)
    }

    static func value(of dimension: String, session: WebsiteSession) -> String {
        let campaign = session.attributed
        switch dimension {
        case "date": return compactDate(session.day)
        case "sessionSource": return campaign.source
        case "sessionMedium": return campaign.medium
        case "sessionCampaignName": return campaign.campaign
        case "sessionCampaignId": return campaign.campaignID ?? notSet
        case "sessionSourceMedium": return "\(campaign.source) / \(campaign.medium)"
        case "sessionDefaultChannelGroup": return campaign.channelGroup
        case "firstUserSource": return session.firstUserSource.source
        case "firstUserMedium": return session.firstUserSource.medium
        case "deviceCategory": return session.device.category
        case "country": return session.geo.country
        case "city": return session.geo.city
        case "landingPage": return session.pageViews.first?.path ?? notSet
        case "newVsReturning": return session.isNewUser ? "new" : "returning"
        default: return notSet
        }
    }

    static func value(of dimension: String, event: GA4SessionEvent) -> String {
        switch dimension {
        case "pagePath": event.pagePath
        case "pageTitle": event.pageTitle
        case "eventName": event.name
        case "transactionId": event.transactionID ?? notSet
        default: notSet
        }
    }

    /// GA4's `date` dimension: YYYYMMDD.
    static func compactDate(_ day: BusinessDate) -> String { day.description.replacingOccurrences(of: "-", with: "") }
}
