/// A raw table, declared once: its record columns, the natural key append-dedup works on, and the column that says
/// which version of a record is newest. The migration creates the table from `schema`, connectors and imports fill
/// `row()`s by column name, and `RawSink` loads them.
public struct RawTableContract: Sendable {
    /// The whole table: lineage columns, then the record columns.
    public let schema: TableSchema
    /// `update_time` for records the platform versions; `_loaded_at_us` (the newest fetch) for daily reports.
    public let version: String
    /// The record columns a writer fills, in load order.
    public let layout: ColumnLayout

    public var table: String { schema.name }
    public var key: [String] { schema.primaryKey }

    /// The columns every raw table carries: when and by which run or file each row was loaded.
    public static let lineage: [TableSchema.Column] = [
        .init("_ingested_at", .timestamp, nullable: false),
        .init("_loaded_at_us", .integer, nullable: false),
        .init("_source_file", .text),
        .init("_sync_run_id", .text),
    ]

    public init(_ table: String, key: [String], version: String, indexes: [[String]] = [["_loaded_at_us"]],
                columns: [TableSchema.Column]) {
        self.schema = TableSchema(table, primaryKey: key, indexes: indexes, columns: Self.lineage + columns)
        self.version = version
        self.layout = ColumnLayout(table: table, columns: columns.map(\.name))
    }

    /// An empty row of this table, to fill by column name.
    public func row() -> TableRow { TableRow(layout) }
}
