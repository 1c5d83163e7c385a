/// One page of a stream as it is loaded: its rows, its rejects, and the sync state that covers it.
/// `RawSink.load(_:)` writes all three in one transaction, so a killed sync resumes exactly after the last page.
public struct RawPage: Sendable {
    public var table: RawTableContract
    /// Rows built by `table.row()`.
    public var rows: [TableRow]
    public var rejects: [RawReject]
    public var state: SyncStateUpdate?
    /// The file the records came from, for imports.
    public var sourceFile: String?

    public init(table: RawTableContract, rows: [TableRow], rejects: [RawReject] = [], state: SyncStateUpdate? = nil,
                sourceFile: String? = nil) {
        precondition(rows.allSatisfy { $0.layout === table.layout }, "rows of another table handed to \(table.table)")
        self.table = table
        self.rows = rows
        self.rejects = rejects
        self.state = state
        self.sourceFile = sourceFile
    }
}
