import ArgumentParser
import Foundation
import Logging

/// `--log-format`: `text` (swift-log's default lines) or `json` (one object per line, `JSONLogHandler`).
enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json

    private static let bootstrapped = NSLock()
    nonisolated(unsafe) private static var done = false

    /// Installs the format for the whole process, once: swift-log allows one bootstrap a process.
    func bootstrap() {
        guard self == .json else { return }
        Self.bootstrapped.withLock {
            guard !Self.done else { return }
            Self.done = true
            LoggingSystem.bootstrap({ label, provider in JSONLogHandler(label: label, metadataProvider: provider) }, metadataProvider: nil)
        }
    }
}
