import Foundation

/// TikTok Shop's default limit: 50 requests a second per API, counted per (app, shop) (ecommerce-apis.md §3.6).
///
/// Counted over a sliding second of a monotonic clock rather than the server's wall clock, which tests move by days
/// to expire tokens; a refused request does not count.
final class TikTokShopRateLimiter: Sendable {
    static let requestsPerSecond = 50

    private let calls = Locked([String: [Double]]())
    private let seconds: @Sendable () -> Double

    init(seconds: @escaping @Sendable () -> Double = TikTokShopRateLimiter.monotonicSeconds) {
        self.seconds = seconds
    }

    /// Records a call to `api` for `caller` and says whether it is within the limit.
    func admit(api: String, caller: String) -> Bool {
        let now = seconds()
        let key = api + " " + caller
        return calls.withLock { calls in
            var recent = calls[key, default: []].filter { now - $0 < 1 }
            defer { calls[key] = recent }
            guard recent.count < Self.requestsPerSecond else { return false }
            recent.append(now)
            return true
        }
    }

    @Sendable static func monotonicSeconds() -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    private static let start = ContinuousClock.now
}
