/// Where one stream of one account got to, saved with the rows it covers.
public struct SyncStateUpdate: Sendable, Hashable {
    public var source: String
    public var accountID: String
    public var stream: String
    /// The connector's own state, as JSON (window ends, cursors).
    public var stateJSON: String

    public init(source: String, accountID: String, stream: String, stateJSON: String) {
        self.source = source
        self.accountID = accountID
        self.stream = stream
        self.stateJSON = stateJSON
    }

    func operation(updatedAt: String) -> WriteOperation {
        .insert(RowSet(
            table: "sync_state", columns: ["source", "account_id", "stream", "state_json", "updated_at"],
            rows: [[.text(source), .text(accountID), .text(stream), .text(stateJSON), .text(updatedAt)]],
            onConflict: .replace(key: ["source", "account_id", "stream"])))
    }
}
