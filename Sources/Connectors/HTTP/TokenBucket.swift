import Foundation

/// A token bucket: `capacity` requests at once, refilled continuously at `capacity / period`.
///
/// One bucket per platform and account, shared by every stream of that account in the process, so parallel
/// streams together stay under the platform's limit.
public actor TokenBucket {
    public let capacity: Double
    public let refillPerSecond: Double
    private var tokens: Double
    private var updatedAt: ContinuousClock.Instant
    private let clock = ContinuousClock()

    public init(requests: Int, perSeconds: Double) {
        capacity = Double(max(requests, 1))
        refillPerSecond = capacity / max(perSeconds, 0.001)
        tokens = capacity
        updatedAt = clock.now
    }

    /// Waits until a request may be sent, then takes a token.
    public func acquire() async throws {
        while true {
            refill()
            if tokens >= 1 {
                tokens -= 1
                return
            }
            let wait = (1 - tokens) / refillPerSecond
            try await Task.sleep(for: .seconds(wait))
        }
    }

    /// Empties the bucket, after the platform said we are over its limit.
    public func drain() {
        refill()
        tokens = min(tokens, 0)
    }

    private func refill() {
        let now = clock.now
        let elapsed = updatedAt.duration(to: now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        tokens = min(capacity, tokens + seconds * refillPerSecond)
        updatedAt = now
    }
}

/// The process's buckets, one per `platform:account`.
public actor RateLimiterRegistry {
    private var buckets: [String: TokenBucket] = [:]

    public init() {}

    public func bucket(for key: String, limit: (requests: Int, perSeconds: Double)) -> TokenBucket {
        if let bucket = buckets[key] { return bucket }
        let bucket = TokenBucket(requests: limit.requests, perSeconds: limit.perSeconds)
        buckets[key] = bucket
        return bucket
    }
}
