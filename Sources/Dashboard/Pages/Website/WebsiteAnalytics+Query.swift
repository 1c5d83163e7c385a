import OmnidashCore
import Warehouse

extension WebsiteAnalytics {
    /// How many channels the chart draws on their own; the rest are one "other channels" line, since more lines than
    /// the stylesheet has colours would not tell apart.
    static let chartedChannels = 3
    /// How many pages the top-pages table lists.
    static let topPageCount = 20

    /// Reads the range and its comparison period from the website marts. Without a channel the KPIs come from the
    /// daily totals; with one, from that channel's rows (users at the channel's grain, page views from its sources).
    public static func query(_ warehouse: any Warehouse, filters: DashboardFilters) async throws -> Model {
        var parameters: [String: SQLValue] = [
            "from": .text(filters.range.start.description), "to": .text(filters.range.end.description),
            "previous_from": .text(filters.comparison.start.description), "previous_to": .text(filters.comparison.end.description),
        ]
        if let channel = filters.channel { parameters["channel"] = .text(channel) }
        let (totals, previous) = try await totals(warehouse, channel: filters.channel, parameters: parameters)
        let dataSource = try await WebsiteDataSource.query(
            warehouse, table: filters.channel == nil ? "mart_website_analytics" : "mart_website_audience", parameters: parameters)
        let splits = try await audience(warehouse, parameters: parameters)
        let allChannels = splits["channel"] ?? []
        let channelRows = allChannels.filter { filters.channel == nil || $0.value == filters.channel }
            .filter { $0.figures.sessions != 0 }
        var channels = allChannels.map(\.value)
        if let channel = filters.channel, !channels.contains(channel) { channels.append(channel) }
        let chartChannels = Array(channelRows.prefix(chartedChannels).map(\.value))
        return Model(
            filters: filters, channels: channels, kpis: kpis(totals, previous), totals: totals, dataSource: dataSource,
            channelRows: channelRows,
            daily: try await daily(warehouse, filters: filters, charted: chartChannels, hasOthers: channelRows.count > chartChannels.count,
                                   parameters: parameters),
            chartChannels: chartChannels,
            sources: try await sources(warehouse, channel: filters.channel, parameters: parameters),
            pages: try await pages(warehouse, parameters: parameters),
            devices: (splits["device"] ?? []).filter { $0.figures.sessions != 0 },
            countries: (splits["country"] ?? []).filter { $0.figures.sessions != 0 })
    }

    /// The range's and the comparison's sums.
    static func totals(_ warehouse: any Warehouse, channel: String?, parameters: [String: SQLValue]) async throws
        -> (WebsiteFigures, WebsiteFigures) {
        let current = "date BETWEEN :from AND :to", previous = "date BETWEEN :previous_from AND :previous_to"
        guard channel != nil else {
            let row = try await warehouse.query(SQLStatement("""
                SELECT \(WebsiteFigures.sums(when: current)), \(WebsiteFigures.sums(when: previous, prefix: "previous_"))
                FROM mart_website_analytics WHERE date BETWEEN :previous_from AND :to
                """, parameters)).first
            return (row.map { WebsiteFigures($0) } ?? WebsiteFigures(), row.map { WebsiteFigures($0, prefix: "previous_") } ?? WebsiteFigures())
        }
        let audience = try await warehouse.query(SQLStatement("""
            SELECT \(WebsiteFigures.sums(when: current, pageviews: false)),
                   \(WebsiteFigures.sums(when: previous, prefix: "previous_", pageviews: false))
            FROM mart_website_audience
            WHERE dimension = 'channel' AND value = :channel AND date BETWEEN :previous_from AND :to
            """, parameters)).first
        let views = try await warehouse.query(SQLStatement("""
            SELECT CAST(sum(CASE WHEN \(current) THEN pageviews END) AS BIGINT) AS pageviews,
                   sum(CASE WHEN \(current) THEN avg_session_duration * sessions END) AS duration_seconds,
                   CAST(sum(CASE WHEN \(previous) THEN pageviews END) AS BIGINT) AS previous_pageviews,
                   sum(CASE WHEN \(previous) THEN avg_session_duration * sessions END) AS previous_duration_seconds
            FROM mart_traffic_sources WHERE channel_grouping = :channel AND date BETWEEN :previous_from AND :to
            """, parameters)).first
        func figures(_ prefix: String) -> WebsiteFigures {
            var figures = audience.map { WebsiteFigures($0, prefix: prefix) } ?? WebsiteFigures()
            figures.pageviews = views?.optionalInt(prefix + "pageviews")
            figures.durationSeconds = views?.double(prefix + "duration_seconds")
            return figures
        }
        return (figures(""), figures("previous_"))
    }

    /// Every channel group, device category and country of the range, by sessions, with shares of their split.
    static func audience(_ warehouse: any Warehouse, parameters: [String: SQLValue]) async throws -> [String: [AudienceRow]] {
        let rows = try await warehouse.query(SQLStatement("""
            SELECT dimension, value, \(WebsiteFigures.sums(when: "date BETWEEN :from AND :to", pageviews: false)),
                   CAST(sum(CASE WHEN date BETWEEN :previous_from AND :previous_to THEN sessions END) AS BIGINT) AS previous_sessions
            FROM mart_website_audience
            WHERE dimension IN ('channel', 'device', 'country') AND date BETWEEN :previous_from AND :to
            GROUP BY dimension, value
            """, parameters))
        var splits: [String: [AudienceRow]] = [:]
        for row in rows {
            splits[row.text("dimension"), default: []].append(
                AudienceRow(value: row.text("value"), figures: WebsiteFigures(row), previousSessions: row.int("previous_sessions")))
        }
        return splits.mapValues { split in
            let sessions = split.reduce(0) { $0 + $1.figures.sessions }, revenue = split.reduce(0) { $0 + $1.figures.revenueMinor }
            return split.map { row in
                var row = row
                row.sessionShare = share(row.figures.sessions, of: sessions)
                row.revenueShare = share(row.figures.revenueMinor, of: revenue)
                return row
            }
            .sorted { ($0.figures.sessions, $1.value) > ($1.figures.sessions, $0.value) }
        }
    }

    /// Daily sessions of each charted channel, then of all the others together when there are others.
    static func daily(_ warehouse: any Warehouse, filters: DashboardFilters, charted: [String], hasOthers: Bool,
                      parameters: [String: SQLValue]) async throws -> [DailySessions] {
        let narrowed = filters.channel == nil ? "" : " AND value = :channel"
        let rows = try await warehouse.query(SQLStatement("""
            SELECT date, value, CAST(sum(sessions) AS BIGINT) AS sessions FROM mart_website_audience
            WHERE dimension = 'channel' AND date BETWEEN :from AND :to\(narrowed)
            GROUP BY date, value
            """, parameters))
        var byDay: [String: [String: Int64]] = [:]
        for row in rows { byDay[row.text("date"), default: [:]][row.text("value")] = row.int("sessions") }
        return filters.range.days.map { date in
            let day = byDay[date.description] ?? [:]
            var sessions = charted.map { day[$0] ?? 0 }
            if hasOthers { sessions.append(day.filter { !charted.contains($0.key) }.values.reduce(0, +)) }
            return DailySessions(date: date, sessions: sessions)
        }
    }

    /// Every channel, source / medium and campaign of the range, by sessions, with shares of the whole table.
    static func sources(_ warehouse: any Warehouse, channel: String?, parameters: [String: SQLValue]) async throws -> [SourceRow] {
        let narrowed = channel == nil ? "" : " AND channel_grouping = :channel"
        let rows = try await warehouse.query(SQLStatement("""
            SELECT channel_grouping, source, medium, campaign, \(WebsiteFigures.sums())
            FROM mart_traffic_sources WHERE date BETWEEN :from AND :to\(narrowed)
            GROUP BY channel_grouping, source, medium, campaign
            """, parameters))
        let figures = rows.map { WebsiteFigures($0) }
        let sessions = figures.reduce(0) { $0 + $1.sessions }, revenue = figures.reduce(0) { $0 + $1.revenueMinor }
        return zip(rows, figures).map { row, figures in
            SourceRow(channel: row.text("channel_grouping"), source: row.text("source"), medium: row.text("medium"),
                      campaign: row.text("campaign"), figures: figures, sessionShare: share(figures.sessions, of: sessions),
                      revenueShare: share(figures.revenueMinor, of: revenue))
        }
        .sorted { ($0.figures.sessions, $1.channel, $1.source, $1.medium, $1.campaign)
            > ($1.figures.sessions, $0.channel, $0.source, $0.medium, $0.campaign) }
    }

    /// The range's most viewed pages. Time on page is averaged over page views and bounce rate over entrances, so a
    /// busy day weighs more than a quiet one.
    static func pages(_ warehouse: any Warehouse, parameters: [String: SQLValue]) async throws -> [PageRow] {
        let rows = try await warehouse.query(SQLStatement("""
            SELECT page_path, max(page_title) AS page_title, CAST(sum(pageviews) AS BIGINT) AS total_pageviews,
                   CAST(sum(unique_pageviews) AS BIGINT) AS total_unique_pageviews, CAST(sum(entrances) AS BIGINT) AS total_entrances,
                   CAST(sum(exits) AS BIGINT) AS total_exits, sum(avg_time_on_page * pageviews) AS time_on_page,
                   sum(CASE WHEN avg_time_on_page IS NOT NULL THEN pageviews END) AS timed_pageviews,
                   sum(bounce_rate * entrances) AS bounces, sum(CASE WHEN bounce_rate IS NOT NULL THEN entrances END) AS bounce_entrances
            FROM mart_website_pages WHERE date BETWEEN :from AND :to
            GROUP BY page_path
            ORDER BY total_pageviews DESC, page_path
            LIMIT \(topPageCount)
            """, parameters))
        return rows.map { row in
            func ratio(_ numerator: String, _ denominator: String) -> Double? {
                guard let over = row.double(denominator), over != 0, let value = row.double(numerator) else { return nil }
                return value / over
            }
            return PageRow(path: row.text("page_path"), title: row.optionalText("page_title"), pageviews: row.int("total_pageviews"),
                           uniquePageviews: row.int("total_unique_pageviews"), entrances: row.int("total_entrances"),
                           exits: row.int("total_exits"), averageTimeOnPage: ratio("time_on_page", "timed_pageviews"),
                           bounceRate: ratio("bounces", "bounce_entrances"))
        }
    }

    static func share(_ part: Int64, of whole: Int64) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }

    static func kpis(_ current: WebsiteFigures, _ previous: WebsiteFigures) -> [KPIValue] {
        func value(_ key: String, _ label: TextKey, _ now: Measure?, _ before: Measure?,
                   _ polarity: DeltaBadge.Polarity = .higherIsBetter) -> KPIValue {
            KPIValue(key: key, label: label, current: now, previous: before, change: Metrics.change(now?.number, from: before?.number),
                     polarity: polarity)
        }
        func seconds(_ value: Double?) -> Measure? { value.map { .count(Int64($0.rounded())) } }
        return [
            value("sessions", .sessions, .count(current.sessions), .count(previous.sessions)),
            value("users", .userDays, .count(current.userDays), .count(previous.userDays)),
            value("new_users", .newUsers, .count(current.newUsers), .count(previous.newUsers)),
            value("returning_users", .returningUserDays, .count(current.returningUserDays), .count(previous.returningUserDays)),
            value("engagement_rate", .engagementRate, current.engagementRate.map(Measure.percent), previous.engagementRate.map(Measure.percent)),
            value("bounce_rate", .bounceRate, current.bounceRate.map(Measure.percent), previous.bounceRate.map(Measure.percent),
                  .lowerIsBetter),
            value("pages_per_session", .pagesPerSession, current.pagesPerSession.map(Measure.multiple),
                  previous.pagesPerSession.map(Measure.multiple)),
            value("avg_session_duration", .averageSessionDuration, seconds(current.averageDurationSeconds),
                  seconds(previous.averageDurationSeconds)),
            value("transactions", .transactions, .count(current.transactions), .count(previous.transactions)),
            value("revenue", .revenue, .money(minor: current.revenueMinor), .money(minor: previous.revenueMinor)),
            value("conversion_rate", .conversionRate, current.conversionRate.map(Measure.percent), previous.conversionRate.map(Measure.percent)),
            value("aov", .aov, current.aov.map(Measure.averageMoney), previous.aov.map(Measure.averageMoney)),
        ]
    }
}
