/// A table's declared columns, key and indexes: the contract every writer and reader of it relies on.
public struct TableSchema: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var type: ColumnType
        public var nullable: Bool

        public init(_ name: String, _ type: ColumnType, nullable: Bool = true) {
            self.name = name
            self.type = type
            self.nullable = nullable
        }
    }

    public let name: String
    public let columns: [Column]
    public let primaryKey: [String]
    public let indexes: [[String]]
    /// Every column's position, shared by the rows built for this table.
    public let layout: ColumnLayout

    public init(_ name: String, primaryKey: [String] = [], indexes: [[String]] = [], columns: [Column]) {
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.indexes = indexes
        self.layout = ColumnLayout(table: name, columns: columns.map(\.name))
    }

    public var columnNames: [String] { layout.columns }

    /// An empty row of this table, to fill by column name.
    public func row() -> TableRow { TableRow(layout) }

    /// `CREATE TABLE` and `CREATE INDEX` statements in `dialect`.
    public func createStatements(_ dialect: SQLDialect) -> [SQLStatement] {
        var lines = columns.map { column in
            "    \(SQLDialect.quote(column.name)) \(dialect.typeName(column.type))\(column.nullable ? "" : " NOT NULL")"
        }
        if !primaryKey.isEmpty {
            lines.append("    PRIMARY KEY (\(primaryKey.map(SQLDialect.quote).joined(separator: ", ")))")
        }
        var statements = [SQLStatement("CREATE TABLE \(SQLDialect.quote(name)) (\n\(lines.joined(separator: ",\n"))\n)")]
        for index in indexes {
            let indexName = "ix_\(name)_\(index.joined(separator: "_"))"
            statements.append(SQLStatement(
                "CREATE INDEX \(SQLDialect.quote(indexName)) ON \(SQLDialect.quote(name)) (\(index.map(SQLDialect.quote).joined(separator: ", ")))"))
        }
        return statements
    }
}
