import AsyncHTTPClient
import Foundation
import Logging
import Metrics
import OmnidashCore
import Sandbox
import Testing
import Warehouse
@testable import Alerts

/// Shared pieces of the delivery tests: a started Sandbox, alerts like the demo's, and the Sandbox's outbox.
enum DeliveryTest {
    static let asOf = BusinessDate("2026-11-30")!
    static let publicURL = "https://omnidash.example.co.th"

    static func withSandbox<Result>(_ body: (SandboxServer, NotificationSandboxCredentials) async throws -> Result) async throws -> Result {
        var logger = Logger(label: "alerts-tests.sandbox")
        logger.logLevel = .error
        let server = try await SandboxServer.start(SandboxOptions(asOf: asOf), logger: logger)
        do {
            let result = try await body(server, try #require(server.credentials.notifications))
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// The planted campaign at ROAS 1.24.
    static let roasAlert = RaisedAlert(
        id: "roas_low_campaign|campaign:meta:120001|2026-11-29", type: "roas_low", ruleID: "roas_low_campaign", severity: .critical,
        metricName: "roas", metricValue: 1.24, thresholdValue: 2, businessDate: BusinessDate("2026-11-29"), platform: "meta",
        campaignID: "120001", subjectKey: "campaign:meta:120001", subjectLabel: "Retargeting – Year End", provisional: true,
        raisedCount: 1, linkPath: "/ads?from=2026-11-23&to=2026-11-29&campaign=120001", title: "ROAS 1.24 below 2",
        description: "ROAS 1.24 over the last 7 days")

    /// The outage day, 60 % down.
    static let revenueAlert = RaisedAlert(
        id: "revenue_drop|total|2026-11-20", type: "revenue_drop", ruleID: "revenue_drop", severity: .warning,
        metricName: "revenue_change", metricValue: -0.6, thresholdValue: -0.2, comparisonValue: -0.58,
        businessDate: BusinessDate("2026-11-20"), platform: nil, campaignID: nil, subjectKey: "total", subjectLabel: "All shops",
        provisional: false, raisedCount: 2, linkPath: "/?from=2026-11-13&to=2026-11-20", title: "Revenue down 60 % on 2026-11-20",
        description: "Revenue fell")

    /// `GET /_sandbox/outbox`.
    static func outbox(_ server: SandboxServer) async throws -> [String: [[String: Any]]] {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: server.baseURL + "/_sandbox/outbox"),
                                                           timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 22)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])
        return object.mapValues { $0 as? [[String: Any]] ?? [] }
    }

    /// Makes the next `count` requests to `channel` (`line` or `slack`) answer `status`.
    static func failNext(_ server: SandboxServer, channel: String, status: Int, count: Int) async throws {
        var request = HTTPClientRequest(url: server.baseURL + "/_sandbox/outbox/faults?channel=\(channel)&status=\(status)&count=\(count)")
        request.method = .POST
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        #expect(response.status.code == 200)
    }

    static func dispatcher(_ settings: NotificationSettings, warehouse: (any Warehouse)? = nil,
                           retry: DeliveryRetryPolicy = .fast, metrics: (any MetricsFactory)? = nil) -> AlertDispatcher {
        var logger = Logger(label: "alerts-tests.delivery")
        logger.logLevel = .critical
        return AlertDispatcher(settings: settings, linkBaseURL: publicURL, httpClient: HTTPClient.shared, warehouse: warehouse,
                               retry: retry, requestTimeout: .seconds(10), logger: logger, metricsFactory: metrics)
    }
}
