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
        case .streamFinished(let source, let account, let stream, let summary, let requests):
            let rejects = summary.rejects > 0 ? ", \(Terminal.count(summary.rejects)) rejected (see raw_rejects)" : ""
            let retries = Self.retries(requests).map { "; \($0)" } ?? ""
            Terminal.note("✓ \(source) \(account) \(stream): \(Terminal.count(summary.records)) records\(rejects)\(retries)")
        case .streamFailed(let source, let account, let stream, let error):
            Terminal.note("✗ \(source) \(account) \(stream): \(error)")
        }
    }

    /// `12 retries (5 throttled), 3.2 s waiting`, or `nil` for a clean stream: faults a platform threw at the sync
    /// are visible, not just survived.
    static func retries(_ count: RequestCount) -> String? {
        guard count.retries > 0 || count.throttled > 0 else { return nil }
        let throttled = count.throttled > 0 ? " (\(Terminal.count(count.throttled)) throttled)" : ""
        let seconds = Double(count.waited.components.seconds) + Double(count.waited.components.attoseconds) / 1e18
        let plural = count.retries == 1 ? "retry" : "retries"
        return "\(Terminal.count(count.retries)) \(plural)\(throttled), \(seconds.formatted(.number.precision(.fractionLength(1)))) s waiting"
    }
}
