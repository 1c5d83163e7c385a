import Alerts
import AsyncHTTPClient
import Connectors
import Foundation
import Metrics

extension Pipeline {
    /// Evaluates the alert rules on the marts as they stand, records the findings in `mart_simple_alerts`, and
    /// delivers those newly raised or worse than when last raised.
    /// - Parameter deliver: `false` records without sending (`omnidash alerts --no-deliver`).
    /// - Returns: The alerts raised now (delivered or not).
    @discardableResult
    public func evaluateAlerts(deliver: Bool = true) async throws -> [RaisedAlert] {
        let now = clock.now
        let findings = try await AlertEvaluator(warehouse: warehouse, configuration: configuration).evaluate(at: now)
        let raised = try await AlertStore(warehouse: warehouse).record(findings, at: now)
        let factory = environment.metrics.factory ?? MetricsSystem.factory
        for alert in raised {
            Counter(label: "omnidash_alerts_raised_total", dimensions: [("rule", alert.ruleID), ("severity", alert.severity.rawValue)],
                    factory: factory).increment()
        }
        if !raised.isEmpty {
            logger.info("alerts raised", metadata: ["count": "\(raised.count)", "ids": "\(raised.map(\.id).joined(separator: ","))"])
        }
        if deliver && !raised.isEmpty {
            _ = await alertDispatcher().deliver(raised, now: now)
        }
        return raised
    }

    /// The dispatcher for this pipeline's configuration: its notification channels, over the sync's HTTP client when
    /// it has one (so the process keeps one client), with the delivery log in the same warehouse.
    func alertDispatcher() -> AlertDispatcher {
        let client = (environment.transport as? AsyncHTTPClientTransport)?.client ?? HTTPClient.shared
        return AlertDispatcher(settings: configuration.notifications, linkBaseURL: configuration.dashboard.baseURL,
                               httpClient: client, warehouse: warehouse, logger: logger,
                               metricsFactory: environment.metrics.factory)
    }
}
