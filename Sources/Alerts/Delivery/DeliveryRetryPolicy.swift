/// How often, and how far apart, a failed delivery is tried again: exponential back-off with jitter, honouring the
/// service's `Retry-After` up to a cap. Only retryable failures (429, 5xx, connection errors) are tried again.
public struct DeliveryRetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(maxAttempts: Int = 4, baseDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(30)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Up to about seven seconds of waiting per message: a service that is down longer than that is logged as failed,
    /// and the Alerts page shows the alert meanwhile.
    public static let standard = DeliveryRetryPolicy()

    /// For tests and the demo: the same behaviour in milliseconds.
    public static let fast = DeliveryRetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(5), maxDelay: .milliseconds(50))

    /// The wait before attempt `attempt + 1` (attempts count from 1); `jitter` is in 0…1.
    public func delay(afterAttempt attempt: Int, hint: Duration?, jitter: Double) -> Duration {
        if let hint { return min(hint, maxDelay) }
        let backoff = min(baseDelay * (1 << min(attempt - 1, 16)), maxDelay)
        // Half fixed, half random: retries from many alerts spread out but still wait.
        return backoff / 2 + backoff / 2 * jitter
    }
}
