import Foundation
import Logging

/// Everything a sync needs from the outside world, injected so tests can pin the clock and speed up back-off.
public struct SyncEnvironment: Sendable {
    public var transport: any HTTPTransport
    public var limiters: RateLimiterRegistry
    public var retry: RetryPolicy
    public var now: @Sendable () -> Date
    public var sleep: @Sendable (Duration) async throws -> Void
    public var logger: Logger
    /// Where the sync's Prometheus counters and timers go.
    public var metrics: SyncMetrics

    public init(transport: any HTTPTransport, limiters: RateLimiterRegistry = RateLimiterRegistry(), retry: RetryPolicy = RetryPolicy(),
                now: @escaping @Sendable () -> Date = Date.init,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                logger: Logger = Logger(label: "omnidash.sync"), metrics: SyncMetrics = SyncMetrics()) {
        self.transport = transport
        self.limiters = limiters
        self.retry = retry
        self.now = now
        self.sleep = sleep
        self.logger = logger
        self.metrics = metrics
    }
}
