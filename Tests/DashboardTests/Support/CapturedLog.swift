import Foundation
import Logging

/// The lines a `Logger` wrote, kept in memory so a test can read them.
final class CapturedLog: @unchecked Sendable {
    struct Entry: Equatable {
        var level: Logger.Level
        var message: String
    }

    private let lock = NSLock()
    private var stored: [Entry] = []

    var entries: [Entry] { lock.withLock { stored } }

    /// A logger at `.info` (the level `serve` runs the dashboard at) that writes here.
    var logger: Logger {
        var logger = Logger(label: "omnidash.dashboard.test") { _ in Handler(log: self) }
        logger.logLevel = .info
        return logger
    }

    fileprivate func append(_ entry: Entry) { lock.withLock { stored.append(entry) } }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            log.append(Entry(level: event.level, message: event.message.description))
        }
    }
}
