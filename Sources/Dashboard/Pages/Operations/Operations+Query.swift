import Foundation
import OmnidashCore
import Warehouse

extension Operations {
    /// Rejected-record groups shown, and record keys shown per group.
    static let rejectGroupLimit = 50, examplesPerGroup = 3
    /// Runs of the timetable shown.
    static let nextRunLimit = 8

    /// The page without a timetable or restatement windows: what a warehouse alone can say.
    public static func query(_ warehouse: any Warehouse, filters: DashboardFilters) async throws -> Model {
        try await query(DashboardEnvironment(warehouse: warehouse), filters: filters)
    }

    /// Reads the sync log, stored tokens and rejects, and asks the timetable for its next runs, all as of
    /// `environment.now()`.
    public static func query(_ environment: DashboardEnvironment, filters: DashboardFilters) async throws -> Model {
        let now = environment.now()
        let nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let warehouse = environment.warehouse
        let streams = try await streamRuns(warehouse)
        let freshness = try await freshness(warehouse, nowSeconds: nowSeconds)
        return Model(filters: filters, asOf: Timestamp.string(unixSeconds: nowSeconds), streams: streams, freshness: freshness,
                     provisional: provisional(environment, synced: freshness.map(\.source)),
                     tokens: try await tokens(warehouse, nowSeconds: nowSeconds), rejects: try await rejects(warehouse),
                     nextRuns: nextRuns(environment, after: now))
    }

    /// Each configured source's restatement window: its own (`restatementDays`) or the alerts' `provisional_days`.
    /// The executable passes this to `DashboardEnvironment.restatementDays`.
    public static func restatementDays(_ configuration: OmnidashConfiguration) -> [Platform: Int] {
        var days: [Platform: Int] = [:]
        for section in configuration.sources.all {
            days[type(of: section).platform] = section.restatementDays ?? configuration.alerts.provisionalDays
        }
        return days
    }

    /// Run ids sort by start time, so each stream's greatest run id is its latest run.
    static func streamRuns(_ warehouse: any Warehouse) async throws -> [StreamRun] {
        try await warehouse.query("""
            SELECT runs.run_id, runs.source, runs.account_id, runs.stream, runs.status, runs.started_at, runs.finished_at,
                   runs.records, runs.rejects, runs.requests, runs.retries, runs.error
            FROM sync_runs AS runs
            JOIN (SELECT source, account_id, stream, max(run_id) AS run_id FROM sync_runs GROUP BY source, account_id, stream) AS latest
              ON latest.source = runs.source AND latest.account_id = runs.account_id AND latest.stream = runs.stream
             AND latest.run_id = runs.run_id
            ORDER BY runs.source, runs.account_id, runs.stream
            """)
            .map { row in
                let started = row.text("started_at"), finished = row.optionalText("finished_at")
                let duration = finished.flatMap(Timestamp.unixSeconds).flatMap { end in Timestamp.unixSeconds(started).map { end - $0 } }
                return StreamRun(source: row.text("source"), accountID: row.text("account_id"), stream: row.text("stream"),
                                 runID: row.text("run_id"), status: row.text("status"), startedAt: started, finishedAt: finished,
                                 records: row.int("records"), rejects: row.int("rejects"), requests: row.int("requests"),
                                 retries: row.int("retries"), durationSeconds: duration, error: row.optionalText("error"))
            }
    }

    static func freshness(_ warehouse: any Warehouse, nowSeconds: Int64) async throws -> [SourceFreshness] {
        var latestStatus: [String: String] = [:]
        for row in try await warehouse.query("""
            SELECT runs.source, runs.status
            FROM sync_runs AS runs
            JOIN (SELECT source, max(run_id) AS run_id FROM sync_runs GROUP BY source) AS latest
              ON latest.source = runs.source AND latest.run_id = runs.run_id
            """) {
            // A failed stream in the latest run marks the source failed.
            if latestStatus[row.text("source")] != "failed" { latestStatus[row.text("source")] = row.text("status") }
        }
        return try await warehouse.query("""
            SELECT source, max(CASE WHEN status = 'succeeded' THEN finished_at END) AS last_success_at
            FROM sync_runs GROUP BY source ORDER BY source
            """)
            .map { row in
                let last = row.optionalText("last_success_at")
                return SourceFreshness(source: row.text("source"), lastSuccessAt: last,
                                       ageSeconds: last.flatMap(Timestamp.unixSeconds).map { nowSeconds - $0 },
                                       lastStatus: latestStatus[row.text("source")])
            }
    }

    /// Every configured platform and every platform that has synced, with the days from `today − window` to today, as
    /// the alerts judge them provisional.
    static func provisional(_ environment: DashboardEnvironment, synced: [String]) -> [ProvisionalWindow] {
        let platforms = Set(environment.restatementDays.keys).union(synced.compactMap(Platform.init(rawValue:)))
        let today = environment.today
        return Platform.allCases.filter(platforms.contains).map { platform in
            let days = environment.restatementDays[platform] ?? AlertSettings().provisionalDays
            return ProvisionalWindow(platform: platform.rawValue, days: days, from: today.adding(days: -days), to: today)
        }
    }

    static func tokens(_ warehouse: any Warehouse, nowSeconds: Int64) async throws -> [TokenExpiry] {
        try await warehouse.query("""
            SELECT source, account_id, access_expires_at, refresh_expires_at, updated_at FROM oauth_tokens
            ORDER BY source, account_id
            """)
            .map { row in
                let expires = row.optionalText("access_expires_at")
                return TokenExpiry(source: row.text("source"), accountID: row.text("account_id"), accessExpiresAt: expires,
                                   secondsLeft: expires.flatMap(Timestamp.unixSeconds).map { $0 - nowSeconds },
                                   authorizationExpiresAt: row.optionalText("refresh_expires_at"),
                                   updatedAt: row.text("updated_at"))
            }
    }

    static func rejects(_ warehouse: any Warehouse) async throws -> [RejectGroup] {
        // PostgreSQL counts as BIGINT already; the cast keeps SQLite and it alike.
        let groups = try await warehouse.query(SQLStatement("""
            SELECT source, stream, reason, CAST(count(*) AS BIGINT) AS rejected, max(rejected_at) AS last_rejected_at
            FROM raw_rejects GROUP BY source, stream, reason
            ORDER BY rejected DESC, source, stream, reason LIMIT :limit
            """, ["limit": .integer(Int64(rejectGroupLimit))]))
        var result: [RejectGroup] = []
        for group in groups {
            let examples = try await warehouse.query(SQLStatement("""
                SELECT record_key FROM raw_rejects
                WHERE source = :source AND stream = :stream AND reason = :reason AND record_key IS NOT NULL
                ORDER BY rejected_at DESC, record_key LIMIT :limit
                """, ["source": .text(group.text("source")), "stream": .text(group.text("stream")),
                      "reason": .text(group.text("reason")), "limit": .integer(Int64(examplesPerGroup))]))
                .map { $0.text("record_key") }
            result.append(RejectGroup(source: group.text("source"), stream: group.text("stream"), reason: group.text("reason"),
                                      count: group.int("rejected"), lastRejectedAt: group.optionalText("last_rejected_at"),
                                      examples: examples))
        }
        return result
    }

    static func nextRuns(_ environment: DashboardEnvironment, after now: Date) -> [NextRun] {
        // The timetable's own zone, in which its cron lines are written; the reporting zone if it names none known.
        let zone = TimeZone(identifier: environment.schedule.timeZone) ?? environment.calendar.timeZone
        return environment.schedule.nextRuns(after: now, limit: nextRunLimit).map { run in
            let seconds = Int64(run.at.timeIntervalSince1970.rounded(.down))
            let local = Timestamp.string(unixSeconds: seconds + Int64(zone.secondsFromGMT(for: run.at)))
            return NextRun(job: run.job, at: Timestamp.string(unixSeconds: seconds), localTime: String(local.dropLast()),
                           timeZone: zone.identifier)
        }
    }
}
