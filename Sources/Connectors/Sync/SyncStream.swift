import Foundation
import OmnidashCore
import Warehouse

/// One stream of one account of one source (a platform / one shop / its `orders`): fetches what changed since
/// its saved state and hands it to the sink page by page.
public protocol SyncStream: Sendable {
    var source: SyncSource { get }
    var accountID: String { get }
    var name: String { get }
    /// Requests sent and retries made by this stream's account.
    var counters: RequestCounters { get }

    func run(_ context: StreamContext) async throws -> StreamSummary
}

/// What a stream is given to run.
public struct StreamContext: Sendable {
    public let sink: RawSink
    public let state: SyncStateStore
    /// The instant the sync started; windows end here.
    public let now: Date
    /// The earliest instant the first sync of a stream reaches back to, or an explicit `--since`.
    public let since: Date
    /// Whether `since` was given explicitly (then it is fetched again even if already synced).
    public let sinceIsExplicit: Bool
    /// An explicit `--until`, or `now`.
    public let until: Date
    public let progress: @Sendable (SyncProgress) -> Void
    /// Asked after every committed page: `true` stops the stream there (a service shutting down), so a sync never
    /// stops half-way through a page, and the next one resumes after it.
    public let stopRequested: @Sendable () -> Bool

    public init(sink: RawSink, state: SyncStateStore, now: Date, since: Date, sinceIsExplicit: Bool, until: Date,
                progress: @escaping @Sendable (SyncProgress) -> Void, stopRequested: @escaping @Sendable () -> Bool = { false }) {
        self.sink = sink
        self.state = state
        self.now = now
        self.since = since
        self.sinceIsExplicit = sinceIsExplicit
        self.until = until
        self.progress = progress
        self.stopRequested = stopRequested
    }
}

/// What a stream did.
public struct StreamSummary: Sendable, Equatable {
    public var records = 0
    public var rejects = 0
    public var windowStart: String?
    public var windowEnd: String?

    public init(records: Int = 0, rejects: Int = 0, windowStart: String? = nil, windowEnd: String? = nil) {
        self.records = records
        self.rejects = rejects
        self.windowStart = windowStart
        self.windowEnd = windowEnd
    }
}

/// Progress events for the CLI's display.
public enum SyncProgress: Sendable {
    case streamStarted(source: SyncSource, account: String, stream: String)
    /// A page was committed: records and rejects in it, and a short note on where the stream is.
    case pageLoaded(source: SyncSource, account: String, stream: String, records: Int, rejects: Int, position: String)
    case streamFinished(source: SyncSource, account: String, stream: String, summary: StreamSummary, requests: RequestCount)
    case streamFailed(source: SyncSource, account: String, stream: String, error: String)
}
