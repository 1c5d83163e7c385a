import Foundation
import Warehouse

extension StreamContext {
    /// Loads one page and, when given, the state that points past it, in one transaction; then counts and reports it.
    public func load<State: Encodable>(_ page: ParsedPage, into table: RawTableContract, state: State?, of stream: some SyncStream,
                                       position: String, summary: inout StreamSummary) async throws {
        let update = try state.map {
            try SyncStateStore.update($0, source: stream.source.rawValue, accountID: stream.accountID, stream: stream.name)
        }
        try await sink.load(RawPage(table: table, rows: page.rows, rejects: page.rejects, state: update))
        summary.records += page.rows.count
        summary.rejects += page.rejects.count
        progress(.pageLoaded(source: stream.source, account: stream.accountID, stream: stream.name, records: page.rows.count,
                             rejects: page.rejects.count, position: position))
        if stopRequested() { throw SyncStopped() }
    }

    /// A page without state, for streams fetched in full on every sync.
    public func load(_ page: ParsedPage, into table: RawTableContract, of stream: some SyncStream, position: String,
                     summary: inout StreamSummary) async throws {
        try await load(page, into: table, state: Optional<Int>.none, of: stream, position: position, summary: &summary)
    }

    /// The stream's saved state; `nil` when it never ran, or when the state was written in a shape this version
    /// no longer reads (the stream then starts a new pass, which append-dedup makes harmless).
    public func savedState<State: Decodable>(_ type: State.Type, of stream: some SyncStream) async throws -> State? {
        do {
            return try await state.state(type, source: stream.source.rawValue, accountID: stream.accountID, stream: stream.name)
        } catch is DecodingError {
            return nil
        }
    }

    public func saveState<State: Encodable>(_ value: State, of stream: some SyncStream) async throws {
        try await state.save(value, source: stream.source.rawValue, accountID: stream.accountID, stream: stream.name)
    }
}
