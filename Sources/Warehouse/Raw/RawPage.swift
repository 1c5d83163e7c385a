/// One page of a stream as it is loaded: its rows, its rejects, and the sync state that covers it.
/// `RawSink.load(_:)` writes all three in one transaction, so a killed sync resumes exactly after the last page.
public struct RawPage: Sendable {
    public var stream: RawStream
    /// Values in `stream.columns` order.
    public var rows: [[SQLValue]]
    public var rejects: [RawReject]
    public var state: SyncStateUpdate?
    /// The file the records came from, for imports.
    public var sourceFile: String?

    public init(stream: RawStream, rows: [[SQLValue]], rejects: [RawReject] = [], state: SyncStateUpdate? = nil,
                sourceFile: String? = nil) {
        self.stream = stream
        self.rows = rows
        self.rejects = rejects
        self.state = state
        self.sourceFile = sourceFile
    }
}
