@testable import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Testing
import Warehouse

/// Where a sync starts: the first pass, a resumed pass, and the incremental passes after it.
@Suite("Sync planning")
struct SyncPlanningTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func context(since: Date, explicit: Bool = false) throws -> StreamContext {
        // Planning reads only the dates; the sink and state store are never touched.
        let unused = try SQLiteWarehouse(path: FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID()).sqlite").path)
        return StreamContext(sink: RawSink(warehouse: unused, runID: "plan"), state: SyncStateStore(warehouse: unused), now: now,
                             since: since, sinceIsExplicit: explicit, until: now, progress: { _ in })
    }

    @Test func shopeeStartsWithCreationTimesThenFollowsUpdates() throws {
        let since = Self.now.addingTimeInterval(-90 * 86_400)
        let first = ShopeeOrdersStream.plan(saved: nil, context: try Self.context(since: since))
        #expect(first.field == .createTime)
        #expect(first.passStart == Int64(since.timeIntervalSince1970) && first.passEnd == Int64(Self.now.timeIntervalSince1970))

        var finished = first
        finished.windowStart = finished.passEnd
        finished.completedThrough = finished.passEnd - 86_400
        let next = ShopeeOrdersStream.plan(saved: finished, context: try Self.context(since: since))
        #expect(next.field == .updateTime)
        #expect(next.passStart == finished.completedThrough! - 3_600, "an hour of overlap catches updates made during the last pass")

        var interrupted = first
        interrupted.windowStart += 20 * 86_400
        interrupted.cursor = "300"
        #expect(ShopeeOrdersStream.plan(saved: interrupted, context: try Self.context(since: since)) == interrupted, "an unfinished pass resumes")
        #expect(ShopeeOrdersStream.plan(saved: interrupted, context: try Self.context(since: since, explicit: true)) == interrupted,
                "the same explicit --since resumes too")
        let other = ShopeeOrdersStream.plan(saved: interrupted, context: try Self.context(since: since.addingTimeInterval(86_400), explicit: true))
        #expect(other.cursor == "" && other.field == .createTime, "a different --since starts a new pass")
    }

    @Test func metaRefetchesTheLastTwentyEightDays() throws {
        let configuration = OmnidashConfiguration.FacebookSource(accessToken: "t", accounts: ["act_1"])
        let stream = FacebookInsightsStream(
            account: "act_1", configuration: configuration,
            runner: RequestRunner(source: "Facebook Ads", transport: FailingTransport(), bucket: TokenBucket(requests: 1, perSeconds: 1),
                                  retry: .fast, logger: .init(label: "test")),
            calendar: .bangkok, counters: RequestCounters())
        let since = Self.now.addingTimeInterval(-90 * 86_400)
        let today = BusinessCalendar.bangkok.date(Self.now)
        let first = stream.plan(saved: nil, context: try Self.context(since: since))
        #expect(first.passStart == BusinessCalendar.bangkok.date(since) && first.passEnd == today)
        var done = first
        done.windowStart = today.adding(days: 1)
        done.completedThrough = today.adding(days: -1)
        let next = stream.plan(saved: done, context: try Self.context(since: since))
        #expect(next.passStart == today.adding(days: -28), "28 days from the last completed day are fetched again")
        #expect(next.passEnd == today)
    }

    struct FailingTransport: HTTPTransport {
        func send(_ request: HTTPRequestValue, timeout: Duration) async throws -> HTTPResponseValue {
            Issue.record("planning must not send requests")
            throw CancellationError()
        }
    }
}
