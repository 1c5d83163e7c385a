import Foundation
import OmnidashCore

/// What one `omnidash sync` run covers.
public struct SyncOptions: Sendable {
    /// Only these sources; every configured one when `nil`.
    public var sources: Set<SyncSource>?
    /// How far back a stream's first sync reaches (`sync.days`), unless `since` is given.
    public var days: Int
    /// Fetch again from this instant, even if already synced.
    public var since: Date?
    /// Fetch up to this instant instead of now.
    public var until: Date?
    /// The run's id, when the caller must record it before the run writes anything (the demo does); a fresh
    /// one otherwise.
    public var runID: String?

    public init(sources: Set<SyncSource>? = nil, days: Int = 90, since: Date? = nil, until: Date? = nil, runID: String? = nil) {
        self.sources = sources
        self.days = days
        self.since = since
        self.until = until
        self.runID = runID
    }
}
