import Foundation

/// The property's token quotas (Standard property, ads-apis.md §4.4), counted per hour and per day of the server clock.
final class GA4PropertyQuota: Sendable {
    static let tokensPerDay: Int64 = 200_000
    static let tokensPerHour: Int64 = 40_000
    static let tokensPerProjectPerHour: Int64 = 14_000

    struct Usage {
        var hour: Int64 = -1
        var day: Int64 = -1
        var usedThisHour: Int64 = 0
        var usedToday: Int64 = 0

        /// `propertyQuota` as the Data API answers it: what this request consumed, and what remains of each quota.
        func json(tokens: Int64) -> JSONValue {
            func entry(_ consumed: Int64, _ remaining: Int64) -> JSONValue {
                .object([("consumed", .int(consumed)), ("remaining", .int(max(0, remaining)))])
            }
            return .object([
                ("tokensPerDay", entry(tokens, GA4PropertyQuota.tokensPerDay - usedToday)),
                ("tokensPerHour", entry(tokens, GA4PropertyQuota.tokensPerHour - usedThisHour)),
                ("concurrentRequests", entry(0, 10)),
                ("serverErrorsPerProjectPerHour", entry(0, 10)),
                ("potentiallyThresholdedRequestsPerHour", entry(0, 120)),
                ("tokensPerProjectPerHour", entry(tokens, GA4PropertyQuota.tokensPerProjectPerHour - usedThisHour)),
            ])
        }
    }

    private let usage = Locked(Usage())

    func consume(_ tokens: Int64, now: Date) -> Usage {
        let seconds = Int64(now.timeIntervalSince1970)
        return usage.withLock { usage in
            if usage.hour != seconds / 3_600 { (usage.hour, usage.usedThisHour) = (seconds / 3_600, 0) }
            if usage.day != seconds / 86_400 { (usage.day, usage.usedToday) = (seconds / 86_400, 0) }
            usage.usedThisHour += tokens
            usage.usedToday += tokens
            return usage
        }
    }
}
