import Metrics
import Prometheus

extension Runtime {
    /// The process's one Prometheus registry. Its first use bootstraps swift-metrics with it: `MetricsSystem.bootstrap`
    /// may run only once a process, and a lazy `static let` runs once whichever command gets there first.
    static let metricsRegistry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // The defaults (5 ms … 10 s) suit pages; a stream or a mart can take minutes.
        factory.durationHistogramBuckets = [
            "omnidash_stream_duration_seconds": [.milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5), .seconds(15),
                                                 .seconds(30), .seconds(60), .seconds(120), .seconds(300), .seconds(900),
                                                 .seconds(1800), .seconds(3600)],
            "omnidash_transform_duration_seconds": [.milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(500),
                                                    .seconds(1), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(300)],
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Makes the process report its metrics to Prometheus (once; later calls do nothing). Commands that sync, transform
    /// or serve call it before they start, so the first sync of `demo` or `run` is counted too.
    static func bootstrapMetrics() {
        _ = metricsRegistry
    }

    /// The `/metrics` text of this process, for `DashboardEnvironment.metricsText`.
    static func metricsText() -> @Sendable () -> String {
        let registry = metricsRegistry
        return { registry.emitToString() }
    }
}
