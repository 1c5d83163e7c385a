import Foundation
import OmnidashCore
import Warehouse

/// The scheduler's ledger, `schedule_runs`: one row per job and slot. Inserting the row claims the slot, so of two
/// services on one warehouse only one runs it; a slot whose run was interrupted (SIGTERM) can be claimed again.
public struct ScheduleLedger: Sendable {
    public let warehouse: any Warehouse

    public init(warehouse: any Warehouse) {
        self.warehouse = warehouse
    }

    public enum Status: String, Sendable {
        case running, succeeded, failed
        /// Stopped by a shutdown: not counted as run, so the next start catches it up.
        case interrupted
    }

    public struct Entry: Sendable, Equatable {
        public var job: String
        public var scheduledFor: String
        public var holder: String
        public var status: String
        public var startedAt: String
        public var finishedAt: String?
        public var error: String?
    }

    /// Claims `slot` of `job` for `holder`: `true` when this call inserted the row, or took over an interrupted one.
    public func claim(_ job: ScheduleJob, slot: Date, holder: String) async throws -> Bool {
        let started = Self.microseconds()
        let values: [String: SQLValue] = [
            "job": .text(job.rawValue), "slot": .text(Timestamp.string(slot)), "holder": .text(holder),
            "now": .text(Timestamp.now()), "us": .integer(started),
        ]
        try await warehouse.execute(SQLStatement("""
            INSERT INTO schedule_runs (job, scheduled_for, holder, status, started_at, started_us)
            VALUES (:job, :slot, :holder, 'running', :now, :us)
            ON CONFLICT (job, scheduled_for) DO UPDATE
            SET holder = excluded.holder, status = 'running', started_at = excluded.started_at, started_us = excluded.started_us,
                finished_at = NULL, error = NULL, sync_run_id = NULL
            WHERE schedule_runs.status = 'interrupted'
            """, values))
        let row = try await warehouse.query(SQLStatement(
            "SELECT holder, started_us FROM schedule_runs WHERE job = :job AND scheduled_for = :slot", values)).first
        return row?.text("holder") == holder && row?.int("started_us") == started
    }

    public func finish(_ job: ScheduleJob, slot: Date, status: Status, syncRunID: String? = nil, error: String? = nil) async throws {
        try await warehouse.execute(SQLStatement("""
            UPDATE schedule_runs SET status = :status, finished_at = :now, sync_run_id = :run, error = :error
            WHERE job = :job AND scheduled_for = :slot
            """, ["status": .text(status.rawValue), "now": .text(Timestamp.now()), "run": SQLValue(syncRunID),
                  "error": SQLValue(error), "job": .text(job.rawValue), "slot": .text(Timestamp.string(slot))]))
    }

    /// The latest slot of `job` that was run (or is running), interrupted ones not counted; `nil` when it never ran.
    public func lastSlot(_ job: ScheduleJob) async throws -> Date? {
        let value = try await warehouse.scalar(SQLStatement(
            "SELECT max(scheduled_for) FROM schedule_runs WHERE job = :job AND status <> 'interrupted'", ["job": .text(job.rawValue)]))
        guard case .text(let text) = value, let seconds = Timestamp.unixSeconds(text) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The earliest slot in the ledger, whatever its job or status: since when the timetable has been kept.
    public func firstSlot() async throws -> Date? {
        let value = try await warehouse.scalar("SELECT min(scheduled_for) FROM schedule_runs")
        guard case .text(let text) = value, let seconds = Timestamp.unixSeconds(text) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The most recent runs, newest first.
    public func recent(limit: Int = 50) async throws -> [Entry] {
        try await warehouse.query(SQLStatement("""
            SELECT job, scheduled_for, holder, status, started_at, finished_at, error FROM schedule_runs
            ORDER BY started_us DESC LIMIT :limit
            """, ["limit": .integer(Int64(limit))])).map { row in
            Entry(job: row.text("job"), scheduledFor: row.text("scheduled_for"), holder: row.text("holder"), status: row.text("status"),
                  startedAt: row.text("started_at"), finishedAt: row.optionalText("finished_at"), error: row.optionalText("error"))
        }
    }

    static func microseconds() -> Int64 { Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()) }
}
