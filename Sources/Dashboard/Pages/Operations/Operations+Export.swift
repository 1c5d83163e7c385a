import Foundation
import OmnidashCore

extension Operations {
    /// The CSV's columns: every section's, each row filling those of its `section` and leaving the others empty, so
    /// the page's six tables are one file a spreadsheet opens.
    static let csvColumns = [
        "section", "source", "account_id", "stream", "status", "run_id", "started_at", "finished_at", "duration_seconds",
        "records", "rejects", "requests", "retries", "error", "last_success_at", "age_seconds", "days", "from", "to",
        "access_expires_at", "seconds_left", "refresh_expires_at", "updated_at", "reason", "count", "last_rejected_at", "examples", "job", "at",
        "local_time", "time_zone",
    ]

    /// Each section's rows, as the CSV and the JSON write them: `nil` for a value the row does not have.
    static func sections(_ model: Model) -> [(name: String, rows: [[String: PageExport.Value]])] {
        typealias Value = PageExport.Value
        func integer(_ value: Int64?) -> Value { value.map(Value.integer) ?? .null }
        return [
            ("sync_runs", model.streams.map { run in
                ["source": .text(run.source), "account_id": .text(run.accountID), "stream": .text(run.stream),
                 "status": .text(run.status), "run_id": .text(run.runID), "started_at": .text(run.startedAt),
                 "finished_at": Value(text: run.finishedAt), "duration_seconds": integer(run.durationSeconds),
                 "records": .integer(run.records), "rejects": .integer(run.rejects), "requests": .integer(run.requests),
                 "retries": .integer(run.retries), "error": Value(text: run.error)]
            }),
            ("freshness", model.freshness.map { source in
                ["source": .text(source.source), "last_success_at": Value(text: source.lastSuccessAt),
                 "age_seconds": integer(source.ageSeconds), "status": Value(text: source.lastStatus)]
            }),
            ("provisional_days", model.provisional.map { window in
                ["source": .text(window.platform), "days": .integer(Int64(window.days)), "from": .text(window.from.description),
                 "to": .text(window.to.description)]
            }),
            ("tokens", model.tokens.map { token in
                ["source": .text(token.source), "account_id": .text(token.accountID),
                 "access_expires_at": Value(text: token.accessExpiresAt), "seconds_left": integer(token.secondsLeft),
                 "refresh_expires_at": Value(text: token.authorizationExpiresAt),
                 "updated_at": .text(token.updatedAt)]
            }),
            ("raw_rejects", model.rejects.map { group in
                ["source": .text(group.source), "stream": .text(group.stream), "reason": .text(group.reason),
                 "count": .integer(group.count), "last_rejected_at": Value(text: group.lastRejectedAt),
                 "examples": .array(group.examples.map(Value.text))]
            }),
            ("next_runs", model.nextRuns.map { run in
                ["job": .text(run.job), "at": .text(run.at), "local_time": .text(run.localTime), "time_zone": .text(run.timeZone)]
            }),
        ]
    }

    /// One row per line of every table on the page, `section` first.
    public static func csv(_ model: Model) -> String {
        var lines = [csvColumns.joined(separator: ",")]
        for section in sections(model) {
            for row in section.rows {
                lines.append(([section.name] + csvColumns.dropFirst().map { csvText(row[$0]) }).map(PageExport.csvField)
                    .joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func csvText(_ value: PageExport.Value?) -> String {
        switch value {
        case .text(let text)?: text
        case .integer(let number)?: String(number)
        case .number(let number)?: PageExport.ratio(number)
        // Examples are record keys: ids, without spaces, so one cell separates them with spaces.
        case .array(let items)?: items.map { csvText($0) }.joined(separator: " ")
        case .object?, .null?, nil: ""
        }
    }

    /// The page's sections, each an array of objects with the CSV's columns, `null` where a value is missing.
    public static func json(_ model: Model, currency: Currency) throws -> Data {
        var members: [String: PageExport.Value] = ["as_of": .text(model.asOf)]
        for section in sections(model) {
            members[section.name] = .array(section.rows.map { .object($0) })
        }
        return try PageExport.document(model.filters, currency: currency, kpis: [], sections: members)
    }
}
