/// How many times, and how long apart, a failed request is tried again: exponential back-off with jitter,
/// honouring the platform's own hint (`Retry-After`, Meta's `estimated_time_to_regain_access`) up to a cap.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    public var baseDelay: Duration
    /// No single wait is longer than this, whatever the platform hints.
    public var maxDelay: Duration

    public init(maxAttempts: Int = 8, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(600)) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// For tests and the Sandbox: the same behaviour in milliseconds.
    public static let fast = RetryPolicy(maxAttempts: 8, baseDelay: .milliseconds(2), maxDelay: .milliseconds(50))

    /// For the demo: quick, yet its waits add up to more than a second, the window a per-second rate limit counts over;
    /// with `fast` a fast build can spend all its attempts inside one such second.
    public static let demo = RetryPolicy(maxAttempts: 8, baseDelay: .milliseconds(20), maxDelay: .seconds(1))

    /// The wait before attempt `attempt + 1` (attempt counts from 1). `jitter` is in 0…1.
    public func delay(afterAttempt attempt: Int, hint: Duration?, jitter: Double) -> Duration {
        if let hint { return min(hint, maxDelay) }
        let exponent = min(attempt - 1, 20)
        let backoff = baseDelay * (1 << exponent)
        // "Equal jitter": half fixed, half random, so retries from many streams spread out but still wait.
        let capped = min(backoff, maxDelay)
        return capped / 2 + capped / 2 * jitter
    }
}
