import OmnidashCore

/// How a sync run went, stream by stream.
public struct SyncReport: Sendable {
    public struct Outcome: Sendable {
        public var source: SyncSource
        public var accountID: String
        public var stream: String
        public var summary: StreamSummary
        public var requests: RequestCount
        /// The one-line reason the stream stopped, or `nil` when it finished.
        public var error: String?
        /// Why the stream did not run at all (another service holds its lease; the service was stopping), or `nil`.
        public var skipped: String?
    }

    public var runID: String
    public var outcomes: [Outcome]
    /// Rows this run added or changed in the raw tables (and the exchange rates it wrote): fewer than `records` when
    /// a record came twice (an order updated between two pages) or had not changed since the last sync.
    public var stored: Int64
    /// Runs left `running` by a process that died, marked `interrupted` when this one started.
    public var interrupted: [String]

    /// Records fetched and parsed, rejects not included.
    public var records: Int { outcomes.reduce(0) { $0 + $1.summary.records } }
    public var requests: RequestCount { outcomes.reduce(RequestCount()) { $0 + $1.requests } }
    public var rejects: Int { outcomes.reduce(0) { $0 + $1.summary.rejects } }
    public var failures: [Outcome] { outcomes.filter { $0.error != nil } }
    public var succeeded: Bool { failures.isEmpty }
}
