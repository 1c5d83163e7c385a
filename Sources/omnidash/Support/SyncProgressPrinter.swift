import Connectors
import Foundation

/// Shows a sync as it goes: a live line per page on a terminal, one line per finished stream always.
final class SyncProgressPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [String: Int] = [:]

    func handle(_ event: SyncProgress) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .streamStarted(let source, let account, let stream):
            Terminal.progress("\(source) \(account) \(stream): starting")
        case .pageLoaded(let source, let account, let stream, let count, _, let position):
            let key = "\(source)/\(account)/\(stream)"
            records[key, default: 0] += count
            Terminal.progress("\(source) \(account) \(stream): \(Terminal.count(records[key]!)) records (\(position))")
        case .streamFinished(let source, let account, let stream, let summary):
            let rejects = summary.rejects > 0 ? ", \(Terminal.count(summary.rejects)) rejected (see raw_rejects)" : ""
            Terminal.note("✓ \(source) \(account) \(stream): \(Terminal.count(summary.records)) records\(rejects)")
        case .streamFailed(let source, let account, let stream, let error):
            Terminal.note("✗ \(source) \(account) \(stream): \(error)")
        }
    }
}
