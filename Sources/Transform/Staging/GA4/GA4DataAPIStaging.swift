import Foundation
import OmnidashCore
import Warehouse

/// The Data API's raw reports → `stg_ga4_traffic`, `stg_ga4_pages`, `stg_ga4_audience` and `stg_ga4_purchases`, as
/// `data_source = 'data_api'`: for every date loaded since the watermark, those dates' `data_api` rows are replaced
/// (the export's rows stay).
///
/// Users come from GA4 distinct within each report row: the traffic rows sum them over device and country (a user seen
/// on two of those counts twice, as GA4's own table would if summed), while the audience rows carry them exactly at each
/// grain. Revenue is parsed from GA4's text into `Decimal`, then satang; a value that is not a number stops the build
/// naming the row. Bounced sessions are `bounceRate × sessions` rounded, since an Airbyte `daily_traffic` record has no
/// `engagedSessions`.
struct GA4DataAPIStaging: StagingBuilder {
    var name: String { "stg_ga4.data_api" }
    var rawTables: [RawTableContract] { GA4RawTables.all }
    static let dataSource = "data_api"
    static let notSet = "(not set)"

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        var touched = Set<BusinessDate>()
        for table in rawTables {
            let rows = try await context.warehouse.query(SQLStatement(
                "SELECT DISTINCT date AS d FROM \(SQLDialect.quote(table.table)) WHERE _loaded_at_us > :watermark",
                ["watermark": .integer(watermark)]))
            touched.formUnion(rows.compactMap { BusinessDate($0.text("d")) })
        }
        let dates = touched.sorted()
        var outcome = StagingOutcome()
        for start in stride(from: 0, to: dates.count, by: 31) {
            let chunk = dates[start..<min(start + 31, dates.count)]
            let range = chunk.first!...chunk.last!
            outcome.touchedDates.formUnion(range)
            let parameters: [String: SQLValue] = ["first": .text(range.lowerBound.description), "last": .text(range.upperBound.description)]
            let traffic = try await trafficRows(context, parameters)
            let pages = try await pageRows(context, parameters)
            let audience = try await audienceRows(context, parameters)
            let purchases = try await purchaseRows(context, parameters)
            var operations: [WriteOperation] = []
            for (table, rows) in [(StagingTables.ga4Traffic, traffic), (StagingTables.ga4Pages, pages), (StagingTables.ga4Audience, audience),
                                  (StagingTables.ga4Purchases, purchases)] {
                operations.append(.execute(SQLStatement(
                    "DELETE FROM \(SQLDialect.quote(table.name)) WHERE data_source = '\(Self.dataSource)' AND date BETWEEN :first AND :last",
                    parameters)))
                if !rows.isEmpty { operations.append(.insert(RowSet(table, rows: rows))) }
                outcome.rows += rows.count
            }
            try await context.warehouse.write(operations)
        }
        return outcome
    }

    /// Exact revenue from GA4's text: the decimal and its satang.
    static func revenue(_ raw: WarehouseRow, column: String, table: String, key: String) throws -> Decimal {
        let text = raw.optionalText(column) ?? "0"
        guard let value = Decimal(exactly: text) else {
            throw StagingError(table: table, key: key, reason: "\(column) '\(text)' is not a number")
        }
        return value
    }

    static func minor(_ amount: Decimal) -> Int64 { Money(amount, currency: .thb).minorUnits }

    /// Sums of one grain's raw rows.
    struct Totals {
        var sessions: Int64 = 0
        var engaged: Int64 = 0
        var bounced: Int64 = 0
        var users: Int64 = 0
        var newUsers: Int64 = 0
        var pageViews: Int64 = 0
        var durationSeconds: Double = 0
        var transactions: Int64 = 0
        var revenue: Decimal = 0
        var ingestedAt = ""

        /// Adds a raw row with GA4's metric names.
        mutating func add(_ raw: WarehouseRow, revenue: Decimal) {
            let rowSessions = raw.int("sessions")
            sessions += rowSessions
            let rowBounced = Int64(((raw.double("bounceRate") ?? 0) * Double(rowSessions)).rounded())
            bounced += rowBounced
            engaged += raw.optionalInt("engagedSessions") ?? (rowSessions - rowBounced)
            users += raw.int("totalUsers")
            newUsers += raw.int("newUsers")
            pageViews += raw.int("screenPageViews")
            durationSeconds += (raw.double("averageSessionDuration") ?? 0) * Double(rowSessions)
            transactions += raw.int("transactions")
            self.revenue += revenue
            ingestedAt = max(ingestedAt, raw.text("_ingested_at"))
        }

        func fill(_ row: inout TableRow, date: String) {
            row["date"] = .text(date)
            row["data_source"] = .text(GA4DataAPIStaging.dataSource)
            row["sessions"] = .integer(sessions)
            row["engaged_sessions"] = .integer(engaged)
            row["users"] = .integer(users)
            row["new_users"] = .integer(newUsers)
            row["pageviews"] = .integer(pageViews)
            // Durations are whole seconds in GA4's sessions; the average's float error is rounded away.
            row["session_duration_seconds"] = .real((durationSeconds * 1_000).rounded() / 1_000)
            row["transactions"] = .integer(transactions)
            row["revenue"] = .text("\(revenue)")
            row["revenue_thb_minor"] = .integer(GA4DataAPIStaging.minor(revenue))
            row["_ingested_at"] = ingestedAt.isEmpty ? .null : .text(ingestedAt)
        }
    }

    private func trafficRows(_ context: StagingContext, _ parameters: [String: SQLValue]) async throws -> [TableRow] {
        let raws = try await context.warehouse.query(SQLStatement("""
            SELECT date, "sessionSource", "sessionMedium", "sessionCampaignName", "sessionCampaignId", "sessionDefaultChannelGroup",
                   sessions, "engagedSessions",
                   "totalUsers", "newUsers", "screenPageViews", "averageSessionDuration", "bounceRate", transactions, "purchaseRevenue",
                   _ingested_at
            FROM raw_ga4_daily_traffic WHERE date BETWEEN :first AND :last
            ORDER BY date, "sessionSource", "sessionMedium", "sessionCampaignName", "sessionCampaignId", "deviceCategory", country
            """, parameters))
        var groups: [[String]: (totals: Totals, campaignID: String?, channel: String?)] = [:]
        var order: [[String]] = []
        for raw in raws {
            let key = [raw.text("date"), raw.text("sessionSource"), raw.text("sessionMedium"), raw.text("sessionCampaignName")]
            let revenue = try Self.revenue(raw, column: "purchaseRevenue", table: "raw_ga4_daily_traffic", key: key.joined(separator: "|"))
            if groups[key] == nil { order.append(key) }
            var group = groups[key] ?? (Totals(), nil, nil)
            group.totals.add(raw, revenue: revenue)
            let id = raw.text("sessionCampaignId")
            if group.campaignID == nil, !id.isEmpty, id != Self.notSet { group.campaignID = id }
            if group.channel == nil, let channel = raw.optionalText("sessionDefaultChannelGroup"), !channel.isEmpty { group.channel = channel }
            groups[key] = group
        }
        return order.map { key in
            let group = groups[key]!
            var row = StagingTables.ga4Traffic.row()
            group.totals.fill(&row, date: key[0])
            row["source"] = .text(key[1])
            row["medium"] = .text(key[2])
            row["campaign"] = .text(key[3])
            row["campaign_id"] = group.campaignID.map(SQLValue.text) ?? .null
            // GA4's own group when the report carries it (it knows a Google Ads click's network, which source, medium and
            // campaign do not tell), else the rule table's.
            row["channel_grouping"] = .text(group.channel ?? DefaultChannelGroup.classify(source: key[1], medium: key[2], campaign: key[3]))
            let sessions = group.totals.sessions
            row["avg_session_duration"] = sessions > 0 ? .real(group.totals.durationSeconds / Double(sessions)) : .null
            row["bounce_rate"] = sessions > 0 ? .real(Double(group.totals.bounced) / Double(sessions)) : .null
            return row
        }
    }

    private func pageRows(_ context: StagingContext, _ parameters: [String: SQLValue]) async throws -> [TableRow] {
        let raws = try await context.warehouse.query(SQLStatement("""
            SELECT date, "pagePath", "pageTitle", "screenPageViews", "averageSessionDuration", "bounceRate", sessions, _ingested_at
            FROM raw_ga4_page_performance WHERE date BETWEEN :first AND :last
            ORDER BY date, "pagePath", "screenPageViews" DESC, "pageTitle"
            """, parameters))
        struct Page {
            var title: String
            var views: Int64 = 0
            var sessions: Int64 = 0
            var duration: Double = 0
            var bounced: Double = 0
            var ingestedAt = ""
        }
        var pages: [[String]: Page] = [:]
        var order: [[String]] = []
        for raw in raws {
            let key = [raw.text("date"), raw.text("pagePath")]
            if pages[key] == nil { order.append(key) }
            // The most viewed title names the page when it had several.
            var page = pages[key] ?? Page(title: raw.text("pageTitle"))
            let sessions = raw.int("sessions")
            page.views += raw.int("screenPageViews")
            page.sessions += sessions
            page.duration += (raw.double("averageSessionDuration") ?? 0) * Double(sessions)
            page.bounced += (raw.double("bounceRate") ?? 0) * Double(sessions)
            page.ingestedAt = max(page.ingestedAt, raw.text("_ingested_at"))
            pages[key] = page
        }
        return order.map { key in
            let page = pages[key]!
            var row = StagingTables.ga4Pages.row()
            row["date"] = .text(key[0])
            row["data_source"] = .text(Self.dataSource)
            row["page_path"] = .text(key[1])
            row["page_title"] = .text(page.title)
            row["pageviews"] = .integer(page.views)
            // Sessions that viewed the page: what "unique pageviews" counted.
            row["unique_pageviews"] = .integer(page.sessions)
            // The Data API has no time on page; the viewing sessions' average duration stands in.
            row["avg_time_on_page"] = page.sessions > 0 ? .real(page.duration / Double(page.sessions)) : .null
            row["bounce_rate"] = page.sessions > 0 ? .real(page.bounced / Double(page.sessions)) : .null
            row["_ingested_at"] = page.ingestedAt.isEmpty ? .null : .text(page.ingestedAt)
            return row
        }
    }

    private func audienceRows(_ context: StagingContext, _ parameters: [String: SQLValue]) async throws -> [TableRow] {
        let raws = try await context.warehouse.query(SQLStatement("""
            SELECT date, breakdown, value, sessions, "engagedSessions", "totalUsers", "newUsers", "screenPageViews",
                   "averageSessionDuration", transactions, "purchaseRevenue", _ingested_at
            FROM raw_ga4_audience WHERE date BETWEEN :first AND :last ORDER BY date, breakdown, value
            """, parameters))
        return try raws.map { raw in
            let key = [raw.text("date"), raw.text("breakdown"), raw.text("value")].joined(separator: "|")
            var totals = Totals()
            totals.add(raw, revenue: try Self.revenue(raw, column: "purchaseRevenue", table: "raw_ga4_audience", key: key))
            var row = StagingTables.ga4Audience.row()
            totals.fill(&row, date: raw.text("date"))
            row["dimension"] = .text(raw.text("breakdown"))
            row["value"] = .text(raw.text("value"))
            return row
        }
    }

    private func purchaseRows(_ context: StagingContext, _ parameters: [String: SQLValue]) async throws -> [TableRow] {
        let raws = try await context.warehouse.query(SQLStatement("""
            SELECT date, "transactionId", "sessionSource", "sessionMedium", "sessionCampaignName", "sessionCampaignId",
                   "ecommercePurchases", "purchaseRevenue", "itemsPurchased", _ingested_at
            FROM raw_ga4_purchases WHERE date BETWEEN :first AND :last ORDER BY date, "transactionId"
            """, parameters))
        var rows: [TableRow] = []
        var seen: [String: Int] = [:]
        for raw in raws {
            let key = raw.text("date") + "|" + raw.text("transactionId")
            let revenue = try Self.revenue(raw, column: "purchaseRevenue", table: "raw_ga4_purchases", key: key)
            // One row a transaction; one without an id ('(not set)') gathers all of its day's.
            if let index = seen[key] {
                let items = rows[index]["items"].int64 ?? 0
                let previous = Decimal(exactly: rows[index]["revenue"].string ?? "0") ?? 0
                rows[index]["items"] = .integer(items + raw.int("itemsPurchased"))
                rows[index]["revenue"] = .text("\(previous + revenue)")
                rows[index]["revenue_thb_minor"] = .integer(Self.minor(previous + revenue))
                continue
            }
            var row = StagingTables.ga4Purchases.row()
            row["date"] = .text(raw.text("date"))
            row["data_source"] = .text(Self.dataSource)
            row["transaction_id"] = .text(raw.text("transactionId"))
            row["source"] = SQLValue(raw.optionalText("sessionSource"))
            row["medium"] = SQLValue(raw.optionalText("sessionMedium"))
            row["campaign"] = SQLValue(raw.optionalText("sessionCampaignName"))
            let campaignID = raw.optionalText("sessionCampaignId")
            row["campaign_id"] = campaignID == Self.notSet ? .null : SQLValue(campaignID)
            row["items"] = .integer(raw.int("itemsPurchased"))
            row["revenue"] = .text("\(revenue)")
            row["revenue_thb_minor"] = .integer(Self.minor(revenue))
            row["_ingested_at"] = SQLValue(raw.optionalText("_ingested_at"))
            seen[key] = rows.count
            rows.append(row)
        }
        return rows
    }
}
