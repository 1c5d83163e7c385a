import OmnidashCore
import Warehouse

/// One platform's connector as the sync engine sees it: given its configured section, the streams to run.
///
/// Everything else about the platform (requests, signing, parsing, raw tables) stays in its own folder. A new
/// source conforms one type and adds one line to `ConnectorRegistry`.
public protocol SourceConnector: Sendable {
    associatedtype Settings: SourceSettings

    /// The stream groups for `settings`: one group per account; a group's streams run in order, groups side by side.
    func streamGroups(_ settings: Settings, kit: ConnectorKit) async throws -> [[any SyncStream]]
}

extension SourceConnector {
    public var platform: Platform { Settings.platform }

    /// The groups for this connector's section of `configuration`, none when it is not configured.
    func streamGroups(in configuration: OmnidashConfiguration, kit: ConnectorKit) async throws -> [[any SyncStream]] {
        guard let settings = configuration.sources[Settings.self] else { return [] }
        return try await streamGroups(settings, kit: kit)
    }
}
