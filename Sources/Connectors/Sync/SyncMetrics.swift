import Metrics

/// The Prometheus side of a sync: records fetched per source and stream, each stream's duration by how it ended, and
/// the request counters handed to each source's `RequestRunner`. Labels are source ids (`SyncSource.rawValue`).
public struct SyncMetrics: Sendable {
    /// `nil`: the process's bootstrapped factory; tests pass a factory over a registry of their own.
    public let factory: (any MetricsFactory)?

    public init(factory: (any MetricsFactory)? = nil) {
        self.factory = factory
    }

    /// The request counters of one source.
    public func requests(platform: String) -> RequestMetrics {
        RequestMetrics(platform: platform, factory: factory)
    }

    /// One stream of one account ran: `status` is `succeeded` or `failed`, as `sync_runs.status`.
    public func recordStream(source: String, stream: String, status: String, records: Int, duration: Duration) {
        let factory = factory ?? MetricsSystem.factory
        Counter(label: "omnidash_records_total", dimensions: [("platform", source), ("stream", stream)], factory: factory)
            .increment(by: records)
        Timer(label: "omnidash_stream_duration_seconds", dimensions: [("source", source), ("stream", stream), ("status", status)],
              factory: factory)
            .record(duration: duration)
    }
}
