import Foundation
import OmnidashCore

/// `omnidash run --clock-file PATH` (hidden, for tests): the scheduler's "now" is the ISO 8601 instant the file
/// holds, read again on every tick, so a test walks the service through a day in seconds. Syncs, leases and
/// timestamps keep the real clock.
struct ClockFile: Sendable {
    let path: String
    private let last: LastReading

    /// - Throws: `CommandFailure` when the file cannot be read or holds no instant.
    init(path: String) throws {
        self.path = path
        guard let first = Self.read(path) else {
            throw CommandFailure("run: --clock-file \(path): not a readable file holding an ISO 8601 instant (2026-11-25T06:30:00Z)")
        }
        last = LastReading(first)
    }

    /// A file caught half-written reads as the instant read before it.
    var clock: WallClock {
        let path = path, last = last
        return WallClock {
            if let now = Self.read(path) { last.set(now) }
            return last.get()
        }
    }

    static func read(_ path: String) -> Date? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: trimmed) { return date }
        formatter.formatOptions.insert(.withFractionalSeconds)
        return formatter.date(from: trimmed)
    }

    private final class LastReading: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Date

        init(_ value: Date) { self.value = value }
        func get() -> Date { lock.withLock { value } }
        func set(_ date: Date) { lock.withLock { value = date } }
    }
}
