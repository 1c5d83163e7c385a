import OmnidashCore

/// How a sync run went, stream by stream.
public struct SyncReport: Sendable {
    public struct Outcome: Sendable {
        public var source: SyncSource
        public var accountID: String
        public var stream: String
        public var summary: StreamSummary
        public var requests: Int
        public var retries: Int
        /// The one-line reason the stream stopped, or `nil` when it finished.
        public var error: String?
    }

    public var runID: String
    public var outcomes: [Outcome]

    public var records: Int { outcomes.reduce(0) { $0 + $1.summary.records } }
    public var rejects: Int { outcomes.reduce(0) { $0 + $1.summary.rejects } }
    public var failures: [Outcome] { outcomes.filter { $0.error != nil } }
    public var succeeded: Bool { failures.isEmpty }
}
