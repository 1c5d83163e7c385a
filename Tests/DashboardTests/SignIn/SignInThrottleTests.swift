@testable import Dashboard
import Foundation
import Testing

/// The counts behind "slow down, then lock": per name, and per address for someone trying many names.
@Suite("Sign-in throttle")
struct SignInThrottleTests {
    static let start = Date(timeIntervalSince1970: 1_796_450_400)

    @Test func eachFailureDoublesTheWaitUntilTheFifthLocksForAQuarterHour() async {
        let throttle = SignInThrottle()
        var now = Self.start
        var waits: [TimeInterval] = []
        for _ in 1...5 {
            await throttle.recordFailure(name: "ann", address: nil, now: now)
            let until = await throttle.blockedUntil(name: "ann", address: nil, now: now)
            waits.append(until.map { $0.timeIntervalSince(now) } ?? 0)
            now = now.addingTimeInterval(20)
        }
        #expect(waits == [1, 2, 4, 8, 15 * 60])
        #expect(await throttle.blockedUntil(name: "bob", address: nil, now: now) == nil, "another name is not held up")
    }

    @Test func oneAddressTryingManyNamesIsLockedToo() async {
        let throttle = SignInThrottle()
        for index in 0..<20 {
            await throttle.recordFailure(name: "user\(index)", address: "203.0.113.9", now: Self.start)
        }
        #expect(await throttle.blockedUntil(name: "fresh-name", address: "203.0.113.9", now: Self.start) != nil)
        #expect(await throttle.blockedUntil(name: "fresh-name", address: "198.51.100.1", now: Self.start) == nil,
                "another address is not")
    }

    @Test func aSuccessClearsTheNamesCount() async {
        let throttle = SignInThrottle()
        for _ in 1...4 { await throttle.recordFailure(name: "ann", address: nil, now: Self.start) }
        await throttle.recordSuccess(name: "ann")
        await throttle.recordFailure(name: "ann", address: nil, now: Self.start)
        let until = await throttle.blockedUntil(name: "ann", address: nil, now: Self.start)
        #expect(until == Self.start.addingTimeInterval(1), "counting starts again from one")
    }
}
