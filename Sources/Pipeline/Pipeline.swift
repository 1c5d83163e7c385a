import Connectors
import Foundation
import Logging
import OmnidashCore
import Transform
import Warehouse

/// Sync, then transform (then alerts, when they exist): the one sequence `omnidash demo`, `omnidash sync --transform`
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
    }

    public enum Stage: Sendable {
        case syncing(SyncProgress)
        case transforming
    }

    /// Syncs, then builds staging and marts for what changed. A sync in which some streams failed still transforms
    /// what the others loaded: every page that landed is whole, and the report says which streams failed.
    public func run(_ options: SyncOptions, transform: Bool = true,
                    progress: @escaping @Sendable (Stage) -> Void = { _ in }) async throws -> Outcome {
        let sync = try await SyncEngine(configuration: configuration, warehouse: warehouse, environment: environment)
            .run(options) { progress(.syncing($0)) }
        guard transform else { return Outcome(sync: sync, transform: nil) }
        progress(.transforming)
        let report = try await TransformRunner(warehouse: warehouse, configuration: configuration, clock: clock, logger: logger).run()
        return Outcome(sync: sync, transform: report)
    }
}
