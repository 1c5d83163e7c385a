import OmnidashCore

extension Operations {
    public struct Model: Sendable, Hashable, Codable {
        public var filters: DashboardFilters
        /// When the page was read (UTC, ISO 8601): ages and expiries count from it.
        public var asOf: String
        /// The latest run of each (source, account, stream), by source, account and stream.
        public var streams: [StreamRun]
        /// One row per source that has ever synced.
        public var freshness: [SourceFreshness]
        /// One row per configured or synced platform.
        public var provisional: [ProvisionalWindow]
        public var tokens: [TokenExpiry]
        /// Rejected records grouped by source, stream and reason, the largest groups first.
        public var rejects: [RejectGroup]
        public var nextRuns: [NextRun]
    }

    /// One stream's latest run, as `sync_runs` holds it.
    public struct StreamRun: Sendable, Hashable, Codable {
        /// `sync_runs.source`: a platform's id or `fx`.
        public var source: String
        public var accountID: String
        public var stream: String
        public var runID: String
        /// `running`, `succeeded`, `failed` or `interrupted`.
        public var status: String
        public var startedAt: String
        public var finishedAt: String?
        public var records: Int64
        public var rejects: Int64
        public var requests: Int64
        public var retries: Int64
        /// `nil` while running, or when a time could not be read.
        public var durationSeconds: Int64?
        public var error: String?
    }

    public struct SourceFreshness: Sendable, Hashable, Codable {
        public var source: String
        /// When the source's latest successful stream finished: when its newest figures landed.
        public var lastSuccessAt: String?
        /// Seconds from `lastSuccessAt` to the page's `asOf`.
        public var ageSeconds: Int64?
        /// The latest run's status; `failed` when any stream of it failed.
        public var lastStatus: String?
    }

    /// The business days of one platform whose figures may still change.
    public struct ProvisionalWindow: Sendable, Hashable, Codable {
        /// `Platform.rawValue`.
        public var platform: String
        public var days: Int
        public var from: BusinessDate
        public var to: BusinessDate
    }

    /// A stored OAuth token's access expiry and its authorisation's end (`oauth_tokens`; the tokens themselves stay sealed).
    public struct TokenExpiry: Sendable, Hashable, Codable {
        public var source: String
        public var accountID: String
        public var accessExpiresAt: String?
        /// Negative once expired.
        public var secondsLeft: Int64?
        /// When the authorisation ends (the refresh token's or the shop authorisation's expiry), which a person must
        /// renew; `nil` when the platform does not say.
        public var authorizationExpiresAt: String?
        public var updatedAt: String
    }

    public struct RejectGroup: Sendable, Hashable, Codable {
        public var source: String
        public var stream: String
        public var reason: String
        public var count: Int64
        public var lastRejectedAt: String?
        /// A few of the group's record keys (newest first), to find the records again. Payloads are not shown: a
        /// record that could not be read may not have had its buyer fields redacted.
        public var examples: [String]
    }

    /// One planned run of the timetable.
    public struct NextRun: Sendable, Hashable, Codable {
        public var job: String
        /// UTC, ISO 8601.
        public var at: String
        /// The same instant on the timetable's wall clock, `2026-12-02T07:00:00`.
        public var localTime: String
        /// The timetable's time zone, `Asia/Bangkok`.
        public var timeZone: String
    }
}
