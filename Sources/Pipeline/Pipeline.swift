import Alerts
import Connectors
import Foundation
import Logging
import OmnidashCore
import Transform
import Warehouse

/// Sync, then transform, then alerts: the one sequence `omnidash demo`, `omnidash sync --transform`
/// and a scheduler run, so none of them writes it out again.
public struct Pipeline: Sendable {
    public let configuration: OmnidashConfiguration
    public let warehouse: any Warehouse
    public let environment: SyncEnvironment
    public let clock: WallClock
    public let logger: Logger

    public init(configuration: OmnidashConfiguration, warehouse: any Warehouse, environment: SyncEnvironment,
                clock: WallClock = .system, logger: Logger = Logger(label: "omnidash.pipeline")) {
        self.configuration = configuration
        self.warehouse = warehouse
        self.environment = environment
        self.clock = clock
        self.logger = logger
    }

    public struct Outcome: Sendable {
        public var sync: SyncReport
        /// `nil` when the run did not transform.
        public var transform: TransformReport?
        /// The alerts the evaluation after the transform raised (new, or worse than before).
        public var raisedAlerts: [RaisedAlert] = []
    }

    public enum Stage: Sendable {
        case syncing(SyncProgress)
        case transforming
    }

    /// Syncs, then builds staging and marts for what changed. A sync in which some streams failed still transforms
    /// what the others loaded: every page that landed is whole, and the report says which streams failed.
    /// - Parameter deliverAlerts: `false` records the alerts the transform leads to without sending them.
    public func run(_ options: SyncOptions, transform: Bool = true, deliverAlerts: Bool = true,
                    progress: @escaping @Sendable (Stage) -> Void = { _ in }) async throws -> Outcome {
        let sync = try await SyncEngine(configuration: configuration, warehouse: warehouse, environment: environment)
            .run(options) { progress(.syncing($0)) }
        guard transform else { return Outcome(sync: sync, transform: nil) }
        progress(.transforming)
        // The transform reports to the same metrics backend as the sync it follows.
        let report = try await TransformRunner(warehouse: warehouse, configuration: configuration, clock: clock, logger: logger,
                                               metrics: TransformMetrics(factory: environment.metrics.factory)).run()
        // Every transform is followed by an evaluation. Its failure must not undo the marts just built: it is logged,
        // and the next run (or the daily alerts job) evaluates again.
        var raised: [RaisedAlert] = []
        do {
            raised = try await evaluateAlerts(deliver: deliverAlerts)
        } catch {
            logger.error("alert evaluation failed after the transform: \(error)")
        }
        return Outcome(sync: sync, transform: report, raisedAlerts: raised)
    }
}
