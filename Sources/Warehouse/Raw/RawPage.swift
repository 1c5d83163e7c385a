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
    /// The page's load time when the caller took it beforehand (`RawSink.nextLoadTime()`), to stamp staged rows with it.
    public var loadedAt: Int64?
    /// Staged rows that follow `rows` (one parent each): when set, the page is staged as it is loaded, and recorded in
    /// `transform_staged_loads` so the next transform does not stage it again.
    public var dependents: [DependentRows] = []

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
