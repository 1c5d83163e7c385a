import Foundation
import Logging
import OmnidashCore
import Warehouse

/// What a connector is handed to build its streams: the shared request machinery, the token vault, the PII
/// hasher and the calendar, so no connector builds its own.
public struct ConnectorKit: Sendable {
    public let configuration: OmnidashConfiguration
    public let warehouse: any Warehouse
    public let environment: SyncEnvironment

    public init(configuration: OmnidashConfiguration, warehouse: any Warehouse, environment: SyncEnvironment) {
        self.configuration = configuration
        self.warehouse = warehouse
        self.environment = environment
    }

    public var calendar: BusinessCalendar { configuration.calendar }

    /// Stored OAuth tokens, sealed with `secrets.token_key`.
    public var vault: TokenVault { TokenVault(warehouse: warehouse, secret: configuration.secrets.tokenKey ?? "") }

    /// Buyer PII to keyed hashes, with `secrets.pii_key`.
    public var hasher: PIIHasher { PIIHasher(secret: configuration.secrets.piiKey ?? "") }

    /// A request runner for one account: its own token bucket (shared by every runner of the same account in this
    /// process), the retry policy and the counters its streams report.
    public func runner(_ source: SyncSource, account: String, limit: OmnidashConfiguration.RateLimit,
                       counters: RequestCounters) async -> RequestRunner {
        RequestRunner(source: source.displayName, transport: environment.transport,
                      bucket: await environment.limiters.bucket(for: "\(source.rawValue):\(account)",
                                                                limit: (limit.requests, limit.perSeconds)),
                      retry: environment.retry, counters: counters, metrics: environment.metrics.requests(platform: source.rawValue),
                      logger: environment.logger, sleep: environment.sleep)
    }
}
