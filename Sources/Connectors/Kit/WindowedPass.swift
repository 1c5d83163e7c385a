/// Where a windowed stream is: one pass over `[passStart, passEnd)` cut into windows, each paged by a cursor.
/// Saved as the stream's sync state with every page, so a killed sync resumes at the next page.
public struct WindowedPass<Position: PassPosition>: Codable, Equatable, Sendable {
    /// The time field this pass walks (`create_time`, then `update_time`); `nil` for a stream with only one.
    public var field: String?
    public var passStart: Position
    /// Exclusive.
    public var passEnd: Position
    /// Start of the window being fetched; the pass is complete when it reaches `passEnd`.
    public var windowStart: Position
    /// The next page inside the current window; `nil` (or empty) at the window's start.
    public var cursor: String?
    /// Everything before this position has been fetched at least once (set when a pass completes).
    public var completedThrough: Position?

    public init(field: String? = nil, passStart: Position, passEnd: Position, cursor: String? = nil,
                completedThrough: Position? = nil) {
        self.field = field
        self.passStart = passStart
        self.passEnd = passEnd
        self.windowStart = passStart
        self.cursor = cursor
        self.completedThrough = completedThrough
    }

    public var isComplete: Bool { windowStart >= passEnd }

    /// The end (exclusive) of the current window, at most `length` steps long.
    public func windowEnd(length: Int64) -> Position {
        min(windowStart.advanced(by: length), passEnd)
    }

    /// Moves past a fetched page: to the window's next page when `next` names one, else to the next window.
    public mutating func advance(next: String?, windowEnd: Position) {
        if let next, !next.isEmpty {
            cursor = next
        } else {
            windowStart = windowEnd
            cursor = nil
        }
        if isComplete { completedThrough = max(completedThrough ?? passEnd, passEnd) }
    }
}

/// How a stream plans its next pass.
public enum PassPolicy<Position: PassPosition>: Sendable {
    /// The first pass walks the `backfill` field from `since`; each later pass walks the `incremental` field from
    /// where the last one ended, less `overlap` (records that changed while that pass ran).
    case incremental(backfill: String, incremental: String, overlap: Int64)
    /// Every pass fetches again the last `steps` before where the last one ended: reports the platform restates.
    case lookback(Int64)

    /// The unfinished pass, or a new one up to `until`. An explicit `--since` starts a pass from it.
    public func plan(saved: WindowedPass<Position>?, since: Position, until: Position, sinceIsExplicit: Bool) -> WindowedPass<Position> {
        if let saved, !saved.isComplete, !sinceIsExplicit || saved.passStart == since { return saved }
        let completed = sinceIsExplicit ? nil : saved?.completedThrough
        switch self {
        case .incremental(let backfill, let incremental, let overlap):
            if let completed {
                let start = max(completed.advanced(by: -overlap), since)
                return WindowedPass(field: incremental, passStart: start, passEnd: max(until, start), completedThrough: completed)
            }
            return WindowedPass(field: backfill, passStart: since, passEnd: max(until, since), completedThrough: saved?.completedThrough)
        case .lookback(let steps):
            let start = completed.map { max(since, min($0, until).advanced(by: -steps)) } ?? since
            return WindowedPass(passStart: start, passEnd: max(until, start), completedThrough: saved?.completedThrough)
        }
    }
}
