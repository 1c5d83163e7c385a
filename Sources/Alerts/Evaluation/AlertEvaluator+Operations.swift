import Foundation
import OmnidashCore
import Warehouse

extension AlertEvaluator {
    /// Accounts of a source with no successful stream run for `threshold` hours (`sync_runs`). One finding per
    /// episode: its date is the day the account went stale, so later evaluations find the same alert.
    func staleSources(_ rule: AlertRule, now: Date) async throws -> [RaisedAlert] {
        let rows = try await warehouse.query("""
            SELECT source, account_id,
                max(CASE WHEN status = 'succeeded' THEN finished_at END) AS last_success,
                min(started_at) AS first_started
            FROM sync_runs
            GROUP BY source, account_id
            ORDER BY source, account_id
            """)
        let limit = rule.threshold * 3_600
        return rows.compactMap { row in
            let source = row.text("source"), account = row.text("account_id")
            let lastSuccess = row.optionalText("last_success").flatMap(Timestamp.unixSeconds)
            guard let since = lastSuccess ?? row.optionalText("first_started").flatMap(Timestamp.unixSeconds) else { return nil }
            let age = now.timeIntervalSince1970 - TimeInterval(since)
            guard age > limit else { return nil }
            let staleFrom = calendar.date(unixSeconds: since + Int64(limit))
            let hours = (age / 3_600).rounded(.down)
            let subject = "source:\(source):\(account)"
            let name = Platform(rawValue: source)?.displayName ?? source
            let ruleID = rule.kind.rawValue
            let last = lastSuccess.map { "last synced \(Timestamp.string(unixSeconds: $0))" } ?? "never synced successfully"
            return RaisedAlert(
                id: AlertIdentity.id(rule: ruleID, subject: subject, date: staleFrom), type: ruleID, ruleID: ruleID,
                severity: severity(rule), metricName: "hours_since_sync", metricValue: hours, thresholdValue: rule.threshold,
                businessDate: staleFrom, platform: source, campaignID: nil, subjectKey: subject, subjectLabel: "\(name) \(account)",
                provisional: false, raisedCount: 1, linkPath: "/operations",
                title: "\(name) \(account) not synced for \(Int(hours)) hours",
                description: "\(name) account \(account) was \(last); the line is \(Int(rule.threshold)) hours.")
        }
    }

    /// Streams whose latest `threshold` runs all failed (`sync_runs`). The finding's date is the day the failing streak
    /// began, so each further failure of the same streak finds the same alert.
    func failingStreams(_ rule: AlertRule) async throws -> [RaisedAlert] {
        let rows = try await warehouse.query("""
            SELECT source, account_id, stream, status, started_at, error
            FROM sync_runs
            WHERE status <> 'running'
            ORDER BY source, account_id, stream, started_at DESC
            """)
        var streams: [[WarehouseRow]] = []
        for row in rows {
            if let last = streams.last?.last, last.text("source") == row.text("source"),
               last.text("account_id") == row.text("account_id"), last.text("stream") == row.text("stream") {
                streams[streams.count - 1].append(row)
            } else {
                streams.append([row])
            }
        }
        let needed = Int(rule.threshold)
        return streams.compactMap { runs in
            let streak = runs.prefix { $0.text("status") == "failed" }
            guard streak.count >= needed, let first = streak.last, let latest = streak.first,
                  let began = Timestamp.unixSeconds(first.text("started_at")) else { return nil }
            let source = latest.text("source"), account = latest.text("account_id"), stream = latest.text("stream")
            let subject = "stream:\(source):\(account):\(stream)"
            let name = Platform(rawValue: source)?.displayName ?? source
            let date = calendar.date(unixSeconds: began)
            let ruleID = rule.kind.rawValue
            return RaisedAlert(
                id: AlertIdentity.id(rule: ruleID, subject: subject, date: date), type: ruleID, ruleID: ruleID,
                severity: severity(rule), metricName: "failed_runs", metricValue: Double(streak.count),
                thresholdValue: rule.threshold, businessDate: date, platform: source, campaignID: nil, subjectKey: subject,
                subjectLabel: "\(name) \(account) \(stream)", provisional: false, raisedCount: 1, linkPath: "/operations",
                title: "\(name) \(stream) failed \(streak.count) times in a row",
                description: "The \(stream) stream of \(name) account \(account) failed its last \(streak.count) runs: "
                    + (latest.optionalText("error") ?? "no error recorded"))
        }
    }

    /// Accounts whose authorisation (`oauth_tokens.refresh_expires_at`: a refresh token's or a shop authorisation's end,
    /// which only a person can renew) ends within `threshold` days. Access tokens are not judged: the connectors renew
    /// them by themselves every few hours. One finding per episode: its date is the day the end came within the line,
    /// so later evaluations find the same alert, and a new authorisation (a later end) is a new episode.
    func expiringTokens(_ rule: AlertRule, now: Date) async throws -> [RaisedAlert] {
        let rows = try await warehouse.query("""
            SELECT source, account_id, refresh_expires_at FROM oauth_tokens
            WHERE refresh_expires_at IS NOT NULL
            ORDER BY source, account_id
            """)
        let line = Int64(rule.threshold) * 86_400
        let nowSeconds = Int64(now.timeIntervalSince1970)
        return rows.compactMap { row in
            guard let ends = row.optionalText("refresh_expires_at").flatMap(Timestamp.unixSeconds), ends - nowSeconds <= line
            else { return nil }
            let source = row.text("source"), account = row.text("account_id")
            let secondsLeft = ends - nowSeconds
            // Whole days, rounded down: 2 days 23 hours is "2 days left"; negative once it has ended.
            let daysLeft = secondsLeft >= 0 ? secondsLeft / 86_400 : -((-secondsLeft + 86_399) / 86_400)
            let date = calendar.date(unixSeconds: ends - line)
            let subject = "source:\(source):\(account)"
            let name = Platform(rawValue: source)?.displayName ?? source
            let ruleID = rule.kind.rawValue
            let endDay = calendar.date(unixSeconds: ends).description
            let title = secondsLeft > 0
                ? "\(name) \(account) authorization ends in \(daysLeft) \(daysLeft == 1 ? "day" : "days")"
                : "\(name) \(account) authorization has ended"
            return RaisedAlert(
                id: AlertIdentity.id(rule: ruleID, subject: subject, date: date), type: ruleID, ruleID: ruleID,
                severity: severity(rule), metricName: "days_left", metricValue: Double(daysLeft), thresholdValue: rule.threshold,
                businessDate: date, platform: source, campaignID: nil, subjectKey: subject, subjectLabel: "\(name) \(account)",
                provisional: false, raisedCount: 1, linkPath: "/operations",
                title: title,
                description: "The app's authorization for \(name) account \(account) "
                    + (secondsLeft > 0 ? "ends on \(endDay)" : "ended on \(endDay)")
                    + "; the seller must authorize it again, or syncs will stop. The line is \(Int(rule.threshold)) days.")
        }
    }
}
