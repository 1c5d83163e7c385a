import Foundation
import Warehouse

/// One window's page to fetch.
public struct WindowRequest<Position: PassPosition>: Sendable {
    /// The time field the pass walks, when the stream has more than one.
    public var field: String?
    public var start: Position
    /// Exclusive.
    public var end: Position
    /// The page inside the window; `nil` for its first.
    public var cursor: String?
}

/// A stream that walks windowed passes. The kit plans the pass, cuts it into windows, keeps the cursor and loads
/// each page with the state that points past it, in one transaction; a stream supplies its requests and parser.
public protocol WindowedStream: SyncStream {
    associatedtype Position: PassPosition

    var policy: PassPolicy<Position> { get }
    /// The longest window one request covers (the platform's limit on one listing's time range).
    var windowLength: Int64 { get }
    /// The raw table the pages load into.
    var table: RawTableContract { get }

    /// The positions of the context's `since` and `until` (exclusive).
    func bounds(_ context: StreamContext) -> (since: Position, until: Position)

    /// Fetches and parses one page; `next` is the cursor of the window's following page, `nil` at its end.
    func fetchPage(_ request: WindowRequest<Position>) async throws -> (page: ParsedPage, next: String?)
}

extension WindowedStream {
    public func run(_ context: StreamContext) async throws -> StreamSummary {
        let saved = try await context.savedState(WindowedPass<Position>.self, of: self)
        let bounds = bounds(context)
        var pass = policy.plan(saved: saved, since: bounds.since, until: bounds.until, sinceIsExplicit: context.sinceIsExplicit)
        var summary = StreamSummary(windowStart: pass.passStart.label, windowEnd: pass.passEnd.label)
        while !pass.isComplete {
            let windowEnd = pass.windowEnd(length: windowLength)
            let request = WindowRequest(field: pass.field, start: pass.windowStart, end: windowEnd, cursor: pass.cursor)
            let (page, next) = try await fetchPage(request)
            pass.advance(next: next, windowEnd: windowEnd)
            let position = "\(request.field.map { "\($0) " } ?? "")window \(request.start.label)…\(windowEnd.label)"
            try await context.load(page, into: table, state: pass, of: self, position: position, summary: &summary)
        }
        if saved != pass { try await context.saveState(pass, of: self) }
        return summary
    }
}
