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

    /// The pass `stream` would run with `saved` state, planned exactly as a sync plans it.
    static func plan<Stream: WindowedStream>(_ stream: Stream, saved: WindowedPass<Stream.Position>?, since: Date,
                                             explicit: Bool = false) throws -> WindowedPass<Stream.Position> {
        // Planning reads only the dates; the sink and the state store are never touched, and the file goes at once.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let unused = try SQLiteWarehouse(path: directory.appendingPathComponent("unused.sqlite").path)
        let context = StreamContext(sink: RawSink(warehouse: unused, runID: "plan"), state: SyncStateStore(warehouse: unused), now: now,
                                    since: since, sinceIsExplicit: explicit, until: now, progress: { _ in })
        let bounds = stream.bounds(context)
        return stream.policy.plan(saved: saved, since: bounds.since, until: bounds.until, sinceIsExplicit: explicit)
    }

    static let runner = RequestRunner(source: "test", transport: FailingTransport(), bucket: TokenBucket(requests: 1, perSeconds: 1),
                                      retry: .fast, logger: .init(label: "test"))

    @Test func shopeeStartsWithCreationTimesThenFollowsUpdates() throws {
        let settings = ShopeeSettings(partnerID: 1, partnerKey: "k", shops: [.init(shopID: 2, refreshToken: "r")])
        let session = ShopeeSession(source: settings, shop: settings.shops[0], vault: TokenVault(warehouse: NoWarehouse(), secret: "s"),
                                    runner: Self.runner)
        let stream = ShopeeOrdersStream(session: session, shopID: 2, parser: ShopeeOrderParser(hasher: PIIHasher(secret: "p")),
                                        counters: RequestCounters())
        let since = Self.now.addingTimeInterval(-90 * 86_400)
        let first = try Self.plan(stream, saved: nil, since: since)
        #expect(first.field == "create_time")
        #expect(first.passStart == Int64(since.timeIntervalSince1970) && first.passEnd == Int64(Self.now.timeIntervalSince1970))

        var finished = first
        finished.windowStart = finished.passEnd
        finished.completedThrough = finished.passEnd - 86_400
        let next = try Self.plan(stream, saved: finished, since: since)
        #expect(next.field == "update_time")
        #expect(next.passStart == finished.completedThrough! - 3_600, "an hour of overlap catches updates made during the last pass")

        var interrupted = first
        interrupted.windowStart += 20 * 86_400
        interrupted.cursor = "300"
        #expect(try Self.plan(stream, saved: interrupted, since: since) == interrupted, "an unfinished pass resumes")
        #expect(try Self.plan(stream, saved: interrupted, since: since, explicit: true) == interrupted,
                "the same explicit --since resumes too")
        let other = try Self.plan(stream, saved: interrupted, since: since.addingTimeInterval(86_400), explicit: true)
        #expect(other.cursor == nil && other.field == "create_time", "a different --since starts a new pass")
    }

    @Test func metaRefetchesTheLastTwentyEightDays() throws {
        let stream = FacebookInsightsStream(account: "act_1", configuration: FacebookAdsSettings(accessToken: "t", accounts: ["act_1"]),
                                            runner: Self.runner, calendar: .bangkok, counters: RequestCounters())
        let since = Self.now.addingTimeInterval(-90 * 86_400)
        let today = BusinessCalendar.bangkok.date(Self.now)
        let first = try Self.plan(stream, saved: nil, since: since)
        #expect(first.passStart == BusinessCalendar.bangkok.date(since) && first.passEnd == today.adding(days: 1), "through today")
        var done = first
        done.windowStart = done.passEnd
        done.completedThrough = today
        let next = try Self.plan(stream, saved: done, since: since)
        #expect(next.passStart == today.adding(days: -28), "the 28 days before the last completed one are fetched again")
        #expect(next.passEnd == today.adding(days: 1))
    }

    struct FailingTransport: HTTPTransport {
        func send(_ request: HTTPRequestValue, timeout: Duration) async throws -> HTTPResponseValue {
            Issue.record("planning must not send requests")
            throw CancellationError()
        }
    }

    /// Planning never reads tokens.
    struct NoWarehouse: Warehouse {
        var dialect: SQLDialect { .sqlite }
        var displayName: String { "none" }
        func query(_ statement: SQLStatement) async throws -> [WarehouseRow] { Issue.record("planning read the warehouse"); return [] }
        func write(_ operations: [WriteOperation]) async throws { Issue.record("planning wrote the warehouse") }
        func close() async {}
    }
}
