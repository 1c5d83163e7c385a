import Metrics

/// The Prometheus counters of one platform's HTTP requests: every answer by status, every retry and every throttled
/// answer. Labelled with the source's id (`sync_runs.source`), never a hard-coded platform name.
public struct RequestMetrics: Sendable {
    public let platform: String
    /// `nil`: the process's bootstrapped factory, looked up when a metric is made, so a runner built before
    /// `MetricsSystem.bootstrap` still reports to the backend.
    public let factory: (any MetricsFactory)?

    public init(platform: String, factory: (any MetricsFactory)? = nil) {
        self.platform = platform
        self.factory = factory
    }

    /// An answer with an HTTP status.
    func countResponse(status: Int) { count("omnidash_http_requests_total", [("platform", platform), ("status", String(status))]) }

    /// A request that got no answer (refused connection, timeout): counted with status `error`.
    func countNoAnswer() { count("omnidash_http_requests_total", [("platform", platform), ("status", "error")]) }

    func countRetry() { count("omnidash_http_retries_total", [("platform", platform)]) }

    func countThrottled() { count("omnidash_http_throttled_total", [("platform", platform)]) }

    private func count(_ label: String, _ dimensions: [(String, String)]) {
        Counter(label: label, dimensions: dimensions, factory: factory ?? MetricsSystem.factory).increment()
    }
}
