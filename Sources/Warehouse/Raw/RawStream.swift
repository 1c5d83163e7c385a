/// A raw table as its writer declares it: the record columns it fills (the source contract), the natural key
/// append-dedup works on, and the column that says which version of a record is newest.
public struct RawStream: Sendable, Hashable {
    public var table: String
    public var columns: [String]
    public var key: [String]
    /// `update_time` for records the platform versions; `_loaded_at_us` (the newest fetch) for daily reports.
    public var version: String

    public init(table: String, columns: [String], key: [String], version: String) {
        self.table = table
        self.columns = columns
        self.key = key
        self.version = version
    }
}
