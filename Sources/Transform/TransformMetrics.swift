import Metrics

/// How long each staging builder and mart model took, as `omnidash_transform_duration_seconds{model}`.
public struct TransformMetrics: Sendable {
    /// `nil`: the process's bootstrapped factory; tests pass a factory over a registry of their own.
    public let factory: (any MetricsFactory)?

    public init(factory: (any MetricsFactory)? = nil) {
        self.factory = factory
    }

    /// Runs `body`, timing it under `model` (a builder's name or a mart's table) whether it succeeds or throws.
    func measure<T>(_ model: String, _ body: () async throws -> T) async rethrows -> T {
        let started = ContinuousClock.now
        defer {
            Timer(label: "omnidash_transform_duration_seconds", dimensions: [("model", model)],
                  factory: factory ?? MetricsSystem.factory)
                .record(duration: .now - started)
        }
        return try await body()
    }
}
