import AsyncHTTPClient
import Connectors
@testable import Dashboard
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import OmnidashCore
import OmnidashTestSupport
import Prometheus
import Sandbox
import Testing
import Transform
import Warehouse

/// `GET /metrics` after a real sync of the Sandbox (with throttling and 5xx bursts), a transform and page requests,
/// all reporting to a registry of the test's own: the text must parse strictly as Prometheus' exposition format and
/// count what the sync report says happened. The bearer token guards it when one is configured.
@Suite("Metrics endpoint")
struct MetricsEndpointTests {
    static let quietLogger = Logger(label: "test.metrics") { _ in SwiftLogNoOpLogHandler() }

    @Test func metricsParseAndCountWhatTheSyncTransformAndPagesDid() async throws {
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        let sandbox = try await SandboxHarness.start(faults: SandboxFaults(throttleEvery: 7, serverErrorEvery: 11, serverErrorBurst: 2))
        do {
            try await syncTransformAndScrape(sandbox, registry: registry, factory: factory)
            await sandbox.stop()
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    private func syncTransformAndScrape(_ sandbox: SandboxHarness, registry: PrometheusCollectorRegistry,
                                        factory: PrometheusMetricsFactory) async throws {
        try await withTestWarehouse(.sqlite) { fixture in
            let configuration = sandbox.configuration(warehouse: fixture.location)
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let tally = StatusTally()
            let report: SyncReport
            do {
                let engine = SyncEngine(configuration: configuration, warehouse: fixture.warehouse, environment: SyncEnvironment(
                    transport: TallyingTransport(wrapped: AsyncHTTPClientTransport(client: client), tally: tally),
                    retry: RetryPolicy(maxAttempts: 12, baseDelay: .milliseconds(2), maxDelay: .milliseconds(50)),
                    logger: Self.quietLogger, metrics: SyncMetrics(factory: factory)))
                report = try await engine.run(sandbox.syncOptions(sandbox.window(days: 2)))
                try await client.shutdown()
            } catch {
                try? await client.shutdown()
                throw error
            }
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: configuration, logger: Self.quietLogger,
                                          metrics: TransformMetrics(factory: factory)).run()

            let environment = DashboardEnvironment(warehouse: fixture.warehouse, logger: Self.quietLogger,
                                                   metricsText: { registry.emitToString() }, metricsFactory: factory)
            let app = buildApplication(host: "127.0.0.1", port: 0, environment: environment)
            try await app.test(.router) { client in
                _ = try await client.execute(uri: "/", method: .get) { $0 }
                _ = try await client.execute(uri: "/executive.json", method: .get) { $0 }
                try await client.execute(uri: "/metrics", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                    let metrics = try MetricsExposition(parsing: String(buffer: response.body))
                    try Self.check(metrics, against: report, statuses: await tally.counts)
                }
            }
        }
    }

    /// The requests count what went over the wire, status by status; records and streams what the report says.
    static func check(_ metrics: MetricsExposition, against report: SyncReport, statuses: [Int: Int]) throws {
        #expect(metrics.families["omnidash_http_requests_total"]?.type == "counter")
        #expect(metrics.families["omnidash_stream_duration_seconds"]?.type == "histogram")
        #expect(metrics.families["omnidash_transform_duration_seconds"]?.type == "histogram")
        #expect(metrics.families["omnidash_page_duration_seconds"]?.type == "histogram")

        // Every answer the transport saw is counted once, under its status and its source.
        #expect(statuses.values.reduce(0, +) > 0)
        for (status, count) in statuses {
            #expect(metrics.total("omnidash_http_requests_total", where: ["status": String(status)]) == Double(count), "HTTP \(status)")
        }
        #expect(metrics.total("omnidash_http_requests_total") == Double(statuses.values.reduce(0, +)))
        let bySource = Dictionary(grouping: report.outcomes, by: \.source.rawValue)
        #expect(bySource.count > 5, "the Sandbox's sources all synced")
        #expect(Set(metrics.samples("omnidash_http_requests_total").compactMap { $0.labels["platform"] }) == Set(bySource.keys))
        for (source, outcomes) in bySource {
            #expect(metrics.total("omnidash_http_requests_total", where: ["platform": source]) > 0, "\(source)")
            for outcome in outcomes {
                #expect(metrics.total("omnidash_records_total", where: ["platform": source, "stream": outcome.stream])
                        == Double(outcomes.filter { $0.stream == outcome.stream }.reduce(0) { $0 + $1.summary.records }))
                #expect(metrics.total("omnidash_stream_duration_seconds_count",
                                      where: ["source": source, "stream": outcome.stream, "status": "succeeded"]) >= 1,
                        "\(source)/\(outcome.stream)")
            }
        }
        // The faults were met and retried: 5xx among the statuses, throttled answers, and a retry after each throttled
        // answer and each 5xx (every stream finished, so none was a last attempt).
        #expect(statuses.keys.contains { $0 >= 500 })
        let throttled = metrics.total("omnidash_http_throttled_total"), retries = metrics.total("omnidash_http_retries_total")
        #expect(throttled > 0)
        #expect(retries >= throttled && retries >= Double(statuses.filter { $0.key >= 500 }.values.reduce(0, +)))
        #expect(metrics.total("omnidash_http_requests_total", where: ["status": "200"]) > 0)
        #expect(metrics.total("omnidash_records_total") == Double(report.records))
        #expect(metrics.total("omnidash_stream_duration_seconds_count") == Double(report.outcomes.count))
        #expect(metrics.total("omnidash_transform_duration_seconds_count", where: ["model": "mart_daily_performance"]) == 1)
        #expect(metrics.total("omnidash_page_duration_seconds_count", where: ["page": "executive", "format": "html"]) == 1)
        #expect(metrics.total("omnidash_page_duration_seconds_count", where: ["page": "executive", "format": "json"]) == 1)
        // `/metrics` itself is not a page: it is not timed as one.
        #expect(metrics.samples("omnidash_page_duration_seconds_count").allSatisfy { PageID(rawValue: $0.labels["page"] ?? "") != nil })
    }

    // MARK: The bearer token

    func app(token: String?) -> some ApplicationProtocol {
        let environment = DashboardEnvironment(warehouse: StubWarehouse(), logger: Self.quietLogger,
                                               settings: .init(metricsToken: token), metricsText: { "# TYPE up gauge\nup 1\n" })
        return buildApplication(host: "127.0.0.1", port: 0, environment: environment)
    }

    @Test func aConfiguredTokenIsRequiredAsABearerToken() async throws {
        try await app(token: "scrape-me-7f3a").test(.router) { client in
            for header in [nil, "Bearer wrong-token", "Basic c2NyYXBlLW1lLTdmM2E=", "Bearer ", "scrape-me-7f3a", "Bearer scrape-me-7f3aX"] {
                let headers: HTTPFields = header.map { [.authorization: $0] } ?? [:]
                try await client.execute(uri: "/metrics", method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized, "Authorization: \(header ?? "none")")
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                    #expect(!String(buffer: response.body).contains("up 1"))
                }
            }
            try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer scrape-me-7f3a"]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "# TYPE up gauge\nup 1\n")
            }
        }
    }

    @Test func withoutATokenMetricsAreOpen() async throws {
        try await app(token: nil).test(.router) { client in
            let response = try await client.execute(uri: "/metrics", method: .get) { $0 }
            #expect(response.status == .ok)
            let metrics = try MetricsExposition(parsing: String(buffer: response.body))
            #expect(metrics.total("up") == 1)
        }
    }

    @Test func theStrictReaderRefusesBrokenExpositions() {
        for broken in [
            "up 1",  // no final line feed
            "up one\n",
            "up{job=unquoted} 1\n",
            "# TYPE up gauge\n# TYPE up gauge\nup 1\n",
            "a 1\nb 1\na 2\n",
            "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n",
            "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n",
            "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n",
        ] {
            #expect(throws: MetricsExposition.Problem.self, "\(broken)") { try MetricsExposition(parsing: broken) }
        }
    }

    /// Answers by HTTP status, as the wire carried them.
    actor StatusTally {
        private(set) var counts: [Int: Int] = [:]
        func count(_ status: Int) { counts[status, default: 0] += 1 }
    }

    /// The live transport, tallying each answer's status on the way back.
    struct TallyingTransport: HTTPTransport {
        let wrapped: any HTTPTransport
        let tally: StatusTally

        func send(_ request: HTTPRequestValue, timeout: Duration) async throws -> HTTPResponseValue {
            let response = try await wrapped.send(request, timeout: timeout)
            await tally.count(response.status)
            return response
        }
    }
}
