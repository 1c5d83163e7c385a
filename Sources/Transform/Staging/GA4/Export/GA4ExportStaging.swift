import Foundation
import OmnidashCore
import Warehouse

/// `raw_ga4_events` (the BigQuery export) → `stg_ga4_sessions`, and `stg_ga4_traffic`, `stg_ga4_pages`,
/// `stg_ga4_audience` and `stg_ga4_purchases` with `data_source = 'export'`, for every event date loaded since the
/// watermark. Only the export's own rows of those dates are replaced; the Data API's stay.
///
/// A session is `user_pseudo_id` + `ga_session_id`, dated by its first event. Its source follows GA4's session rule
/// as dbt-ga4 rebuilds it: the first event's `collected_traffic_source` (a gclid is google / cpc); a session that
/// collected none takes the user's last non-direct session within 30 days, looked up in the raw events before the
/// staged dates too; where the export holds no such session, GA4's own `session_traffic_source_last_click` (which saw
/// the history before the export began) decides; else it is direct. The channel comes from the rule table, with the
/// network of a Google Ads campaign taken from `stg_ad_entities`.
struct GA4ExportStaging: StagingBuilder {
    static let dataSource = "export"
    static let lookbackMicros: Int64 = 30 * 86_400 * 1_000_000

    var name: String { "stg_ga4.export" }
    var rawTables: [RawTableContract] { [GA4EventRawTables.events] }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        let touched = try await context.warehouse.query(SQLStatement(
            "SELECT DISTINCT event_date AS d FROM raw_ga4_events WHERE _loaded_at_us > :watermark", ["watermark": .integer(watermark)]))
        let dates = touched.compactMap { BusinessDate($0.text("d")) }.sorted()
        var outcome = StagingOutcome(touchedDates: Set(dates))
        guard !dates.isEmpty else { return outcome }
        let networks = try await adNetworks(context)
        for start in stride(from: 0, to: dates.count, by: 31) {
            let chunk = dates[start..<min(start + 31, dates.count)]
            let range = chunk.first!...chunk.last!
            outcome.touchedDates.formUnion(range)
            outcome.rows += try await rebuild(range, context: context, networks: networks)
        }
        return outcome
    }

    /// The ad network of each campaign whose type names one (an advertising channel type such as `SEARCH` or
    /// `PERFORMANCE_MAX`): the campaigns an auto-tagged click can come from. Other platforms' objectives name no
    /// network, so no platform needs naming here.
    private func adNetworks(_ context: StagingContext) async throws -> [String: AdNetwork] {
        let rows = try await context.warehouse.query(SQLStatement(
            "SELECT campaign_id, objective FROM stg_ad_entities WHERE level = 'campaign'"))
        var networks: [String: AdNetwork] = [:]
        for row in rows {
            if let network = row.optionalText("objective").flatMap(AdNetwork.init(advertisingChannelType:)) {
                networks[row.text("campaign_id")] = network
            }
        }
        return networks
    }

    private func rebuild(_ dates: ClosedRange<BusinessDate>, context: StagingContext, networks: [String: AdNetwork]) async throws -> Int {
        let first = dates.lowerBound, last = dates.upperBound
        // The day after too: a session that began before midnight has events in the next day's table.
        let events = try await context.warehouse.query(SQLStatement("""
            SELECT \(GA4ExportEvent.columns) FROM raw_ga4_events
            WHERE event_date BETWEEN :first AND :after AND ga_session_id IS NOT NULL
            ORDER BY user_pseudo_id, ga_session_id, event_timestamp, batch_event_index
            """, ["first": .text(first.description), "after": .text(last.adding(days: 1).description)]))
        let sessions = try Self.sessions(events.map(GA4ExportEvent.init)).filter { dates.contains($0.date) }
        // Landings of the 30 days before, for direct sessions' campaigns.
        let earlier = try await context.warehouse.query(SQLStatement("""
            SELECT \(GA4ExportEvent.columns) FROM raw_ga4_events
            WHERE event_date BETWEEN :from AND :before AND ga_session_id IS NOT NULL
              AND (collected_source IS NOT NULL OR gclid IS NOT NULL)
            ORDER BY user_pseudo_id, ga_session_id, event_timestamp, batch_event_index
            """, ["from": .text(first.adding(days: -31).description), "before": .text(first.adding(days: -1).description)]))
        let history = try Self.sessions(earlier.map(GA4ExportEvent.init))

        let attributed = Self.attribute(sessions, history: history).map { session, source in
            GA4StagedSession(session: session, source: source, channel: DefaultChannelGroup.classify(
                source: source.source, medium: source.medium, campaign: source.campaign,
                adNetwork: source.autoTaggedCampaignID.flatMap { networks[$0] }))
        }
        let rows = try GA4ExportRows(context: context, dataSource: Self.dataSource).rows(attributed)
        let range: [String: SQLValue] = ["first": .text(first.description), "last": .text(last.description),
                                          "source": .text(Self.dataSource)]
        var operations: [WriteOperation] = [
            .execute(SQLStatement("DELETE FROM stg_ga4_sessions WHERE date BETWEEN :first AND :last", range)),
        ]
        for table in [StagingTables.ga4Traffic, StagingTables.ga4Pages, StagingTables.ga4Audience, StagingTables.ga4Purchases] {
            operations.append(.execute(SQLStatement(
                "DELETE FROM \(SQLDialect.quote(table.name)) WHERE data_source = :source AND date BETWEEN :first AND :last", range)))
        }
        for (table, tableRows) in [(StagingTables.ga4Sessions, rows.sessions), (StagingTables.ga4Traffic, rows.traffic),
                                   (StagingTables.ga4Pages, rows.pages), (StagingTables.ga4Audience, rows.audience),
                                   (StagingTables.ga4Purchases, rows.purchases)] where !tableRows.isEmpty {
            operations.append(.insert(RowSet(table, rows: tableRows)))
        }
        try await context.warehouse.write(operations)
        return rows.count
    }

    /// Events ordered by session key and time, grouped into sessions.
    static func sessions(_ events: [GA4ExportEvent]) throws -> [GA4ExportSession] {
        var sessions: [GA4ExportSession] = []
        var current: [GA4ExportEvent] = []
        var currentKey = ""
        func close() throws {
            if let session = try GA4ExportSession(key: currentKey, events: current.sorted { ($0.timestamp, $0.batchIndex) < ($1.timestamp, $1.batchIndex) }) {
                sessions.append(session)
            }
            current.removeAll()
        }
        for event in events {
            guard let id = event.sessionID else { continue }
            let key = "\(event.user).\(id)"
            if key != currentKey, !current.isEmpty { try close() }
            currentKey = key
            current.append(event)
        }
        if !current.isEmpty { try close() }
        return sessions
    }

    /// Each session with its source by GA4's session rule.
    static func attribute(_ sessions: [GA4ExportSession], history: [GA4ExportSession]) -> [(GA4ExportSession, GA4SessionSource)] {
        // The user's non-direct sessions in time order, earlier ones first.
        var landings: [String: [(start: Int64, source: GA4SessionSource)]] = [:]
        for session in history {
            if let source = session.collected { landings[session.user, default: []].append((session.start, source)) }
        }
        for key in landings.keys { landings[key]?.sort { $0.start < $1.start } }
        var result: [(GA4ExportSession, GA4SessionSource)] = []
        for session in sessions.sorted(by: { ($0.start, $0.key) < ($1.start, $1.key) }) {
            let source: GA4SessionSource
            if let collected = session.collected {
                source = collected
                landings[session.user, default: []].append((session.start, collected))
            } else if let previous = landings[session.user]?.last(where: { $0.start < session.start }),
                      session.start - previous.start <= lookbackMicros {
                source = previous.source
            } else {
                source = session.lastClick ?? .direct
            }
            result.append((session, source))
        }
        return result
    }
}
