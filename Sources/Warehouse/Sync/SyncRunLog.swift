/// The history of sync runs in `sync_runs`: one row per stream per run, shown on the Operations page.
public struct SyncRunLog: Sendable {
    public let warehouse: any Warehouse

    public init(warehouse: any Warehouse) {
        self.warehouse = warehouse
    }

    public enum Status: String, Sendable {
        /// `interrupted`: the process died (kill -9, power cut) before the stream finished; the next run marks it.
        case running, succeeded, failed, interrupted
    }

    /// Marks every stream still `running` from another run as `interrupted`, and returns those runs.
    ///
    /// A stream that is `running` when a new sync starts belongs to a process that is gone: syncs on one warehouse
    /// run one at a time (the scheduler starts the next only after the last ends). Its pages that landed stay;
    /// the new run resumes from the state they committed. The one exception is a stream another `omnidash run`
    /// holds a live lease on (`stream_leases`): that one is still being synced, and is left alone.
    public func markInterrupted(except runID: String) async throws -> [String] {
        let now = Timestamp.now()
        let stale = """
            status = 'running' AND run_id <> :run AND NOT EXISTS (
                SELECT 1 FROM stream_leases l WHERE l.source = sync_runs.source AND l.account_id = sync_runs.account_id
                AND l.stream = sync_runs.stream AND l.expires_at > :now)
            """
        let running = try await warehouse.query(SQLStatement(
            "SELECT DISTINCT run_id FROM sync_runs WHERE \(stale) ORDER BY run_id", ["run": .text(runID), "now": .text(now)]))
            .map { $0.text("run_id") }
        guard !running.isEmpty else { return [] }
        try await warehouse.execute(SQLStatement("""
            UPDATE sync_runs SET status = 'interrupted', finished_at = :now,
                error = 'the process stopped before this stream finished; the next run resumed from its last saved page'
            WHERE \(stale)
            """, ["now": .text(now), "run": .text(runID)]))
        return running
    }

    public struct Entry: Sendable {
        public var runID: String
        public var source: String
        public var accountID: String
        public var stream: String
        public var status: Status
        public var records: Int
        public var rejects: Int
        public var requests: Int
        public var retries: Int
        public var windowStart: String?
        public var windowEnd: String?
        public var error: String?

        public init(runID: String, source: String, accountID: String, stream: String, status: Status, records: Int = 0,
                    rejects: Int = 0, requests: Int = 0, retries: Int = 0, windowStart: String? = nil,
                    windowEnd: String? = nil, error: String? = nil) {
            self.runID = runID
            self.source = source
            self.accountID = accountID
            self.stream = stream
            self.status = status
            self.records = records
            self.rejects = rejects
            self.requests = requests
            self.retries = retries
            self.windowStart = windowStart
            self.windowEnd = windowEnd
            self.error = error
        }
    }

    public func started(_ entry: Entry) async throws {
        try await warehouse.write([.insert(RowSet(
            table: "sync_runs",
            columns: ["run_id", "source", "account_id", "stream", "status", "started_at", "records", "rejects", "requests",
                      "retries", "window_start", "window_end"],
            rows: [[.text(entry.runID), .text(entry.source), .text(entry.accountID), .text(entry.stream),
                    .text(Status.running.rawValue), .text(Timestamp.now()), 0, 0, 0, 0, SQLValue(entry.windowStart),
                    SQLValue(entry.windowEnd)]],
            onConflict: .replace(key: ["run_id", "source", "account_id", "stream"])))])
    }

    public func finished(_ entry: Entry) async throws {
        try await warehouse.execute(SQLStatement("""
            UPDATE sync_runs
            SET status = :status, finished_at = :finished, records = :records, rejects = :rejects,
                requests = :requests, retries = :retries, window_start = :window_start, window_end = :window_end,
                error = :error
            WHERE run_id = :run AND source = :source AND account_id = :account AND stream = :stream
            """, [
                "status": .text(entry.status.rawValue), "finished": .text(Timestamp.now()),
                "records": .integer(Int64(entry.records)), "rejects": .integer(Int64(entry.rejects)),
                "requests": .integer(Int64(entry.requests)), "retries": .integer(Int64(entry.retries)),
                "window_start": SQLValue(entry.windowStart), "window_end": SQLValue(entry.windowEnd),
                "error": SQLValue(entry.error), "run": .text(entry.runID), "source": .text(entry.source),
                "account": .text(entry.accountID), "stream": .text(entry.stream),
            ]))
    }
}
