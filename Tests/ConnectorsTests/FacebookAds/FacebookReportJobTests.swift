import AsyncHTTPClient
@testable import Connectors
import Foundation
import Logging
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing

/// Meta's asynchronous report jobs against the Sandbox: a long window is read through `POST act_…/insights`, polls of
/// the job and its `/insights` edge, with the same rows as the synchronous call; a failed job falls back to it.
@Suite("Meta report jobs", .serialized)
struct FacebookReportJobTests {
    /// Records every request's method and path, and can ask the Sandbox to fail the jobs that POSTs make.
    final class RecordingTransport: HTTPTransport, @unchecked Sendable {
        let inner: any HTTPTransport
        let failJobs: Bool
        private let lock = NSLock()
        private var sent: [String] = []

        init(inner: any HTTPTransport, failJobs: Bool) {
            self.inner = inner
            self.failJobs = failJobs
        }

        var requests: [String] { lock.withLock { sent } }

        func send(_ request: HTTPRequestValue, timeout: Duration) async throws -> HTTPResponseValue {
            var request = request
            let path = URLComponents(string: request.url)?.path ?? request.url
            lock.withLock { sent.append("\(request.method.rawValue) \(path)") }
            if failJobs, request.method == .post { request.headers["X-Sandbox-Fault"] = "job-failed" }
            return try await inner.send(request, timeout: timeout)
        }
    }

    /// Every page of `since..<end` read as the stream reads one window; the rows by ad and day, and the cursors seen.
    static func read(_ stream: FacebookInsightsStream, from since: BusinessDate, to end: BusinessDate)
        async throws -> (rows: [String: String], cursors: [String], rejects: Int) {
        var rows: [String: String] = [:]
        var cursors: [String] = []
        var rejects = 0
        var cursor: String?
        repeat {
            let (page, next) = try await stream.fetchPage(WindowRequest(field: nil, start: since, end: end, cursor: cursor))
            for row in page.rows {
                let key = "\(row["ad_id"])@\(row["_date"])"
                #expect(rows[key] == nil, "\(key) read twice")
                rows[key] = "\(row["spend"])/\(row["conversions"])/\(row["conversion_value"])"
            }
            rejects += page.rejects.count
            cursor = next
            if let next { cursors.append(next) }
        } while cursor != nil
        return (rows, cursors, rejects)
    }

    static func withStream(failJobs: Bool, _ body: (FacebookInsightsStream, RecordingTransport, SandboxHarness) async throws -> Void) async throws {
        let sandbox = try await SandboxHarness.start()
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let credentials = sandbox.server.credentials.facebook
        let settings = FacebookAdsSettings(baseURL: credentials.baseURL, apiVersion: credentials.apiVersion, accessToken: credentials.accessToken,
                                           appSecret: credentials.appSecret, accounts: credentials.accountIDs)
        let transport = RecordingTransport(inner: AsyncHTTPClientTransport(client: client), failJobs: failJobs)
        let runner = RequestRunner(source: "test", transport: transport, bucket: TokenBucket(requests: 10_000, perSeconds: 1), retry: .fast,
                                   logger: Logger(label: "test"))
        // The USD account; polls do not wait, so the job advances one status per poll.
        let stream = FacebookInsightsStream(account: credentials.accountIDs[1], configuration: settings, runner: runner, calendar: .bangkok,
                                            counters: RequestCounters(), sleep: { _ in })
        do {
            try await body(stream, transport, sandbox)
        } catch {
            try? await client.shutdown()
            await sandbox.stop()
            throw error
        }
        try await client.shutdown()
        await sandbox.stop()
    }

    @Test func aLongWindowIsReadThroughAJobWithTheSynchronousRows() async throws {
        try await Self.withStream(failJobs: false) { stream, transport, sandbox in
            let end = sandbox.asOf, since = end.adding(days: -30)
            let job = try await Self.read(stream, from: since, to: end)
            let requests = transport.requests
            #expect(requests.filter { $0.hasPrefix("POST") && $0.hasSuffix("/insights") }.count == 1, "one job for the window")
            #expect(requests.filter { $0.hasPrefix("GET") && $0.contains("/act_") }.isEmpty, "nothing read synchronously")
            let polls = requests.filter { $0.hasPrefix("GET") && !$0.hasSuffix("/insights") }.count
            // Job Not Started, Job Running, Job Completed: three polls, or fewer when a busy machine leaves more than the
            // Sandbox's five seconds between two of them and the job moves on by time.
            #expect((1...3).contains(polls), "\(polls) polls")
            #expect(job.cursors.count > 2 && job.cursors.allSatisfy { $0.hasPrefix("job:") }, "pages of the job's results")
            #expect(job.rejects == 0)

            // The same days read synchronously, a week at a time, give the same rows.
            var synchronous: [String: String] = [:]
            for start in stride(from: since, to: end, by: 7) {
                synchronous.merge(try await Self.read(stream, from: start, to: min(start.adding(days: 7), end)).rows) { first, _ in first }
            }
            #expect(job.rows.count > 30 * 4 && job.rows == synchronous)
        }
    }

    @Test func aFailedJobFallsBackToTheSynchronousCall() async throws {
        try await Self.withStream(failJobs: true) { stream, transport, sandbox in
            let end = sandbox.asOf, since = end.adding(days: -31)
            let fallback = try await Self.read(stream, from: since, to: end)
            let requests = transport.requests
            #expect(requests.filter { $0.hasPrefix("POST") }.count == 1)
            #expect(!requests.contains { $0.hasPrefix("GET") && $0.hasSuffix("/insights") && !$0.contains("/act_") },
                    "a failed job's results are never read")
            #expect(requests.contains { $0.hasPrefix("GET") && $0.contains("/act_") && $0.hasSuffix("/insights") })
            #expect(fallback.cursors.allSatisfy { $0.hasPrefix("sync:") } && !fallback.cursors.isEmpty)

            let world = sandbox.server.world
            let account = world.adAccounts(on: .facebookAds)[1]
            let delivered = world.campaignTruth(from: since, to: end.adding(days: -1)).filter { $0.accountID == account.id }
            #expect(fallback.rows.values.map { Int64($0.split(separator: "/")[1])! }.reduce(0, +) == delivered.reduce(0) { $0 + $1.conversions },
                    "every purchase of the window, once")
        }
    }
}
