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
    /// Only the streams this accepts, by source and stream name; every stream of `sources` when `nil` (the
    /// scheduler's jobs each sync a part of every source).
    public var streams: (@Sendable (SyncSource, String) -> Bool)?
    /// When set, each stream is synced only under a lease (`omnidash run`); a stream leased by another service is
    /// skipped. `omnidash sync` takes none: a killed manual sync is resumed at once, not after its lease expires.
    public var leases: StreamLeases?
    /// When it fires, each stream stops after the page it is writing and the run ends as interrupted.
    public var stop: SyncStopSignal?

    public init(sources: Set<SyncSource>? = nil, days: Int = 90, since: Date? = nil, until: Date? = nil, runID: String? = nil,
                streams: (@Sendable (SyncSource, String) -> Bool)? = nil, leases: StreamLeases? = nil, stop: SyncStopSignal? = nil) {
        self.sources = sources
        self.days = days
        self.since = since
        self.until = until
        self.runID = runID
        self.streams = streams
        self.leases = leases
        self.stop = stop
    }
}
