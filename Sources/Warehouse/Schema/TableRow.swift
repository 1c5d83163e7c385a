/// The columns of a declared table with each one's position, shared by every row built for that table.
public final class ColumnLayout: Sendable {
    public let table: String
    public let columns: [String]
    private let positions: [String: Int]

    public init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
        self.positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
    }

    /// The position of `column`. A name the table does not declare is a programming error: it stops here, loudly,
    /// instead of putting a value in the wrong place.
    public func position(_ column: String) -> Int {
        guard let position = positions[column] else {
            preconditionFailure("\(table) declares no column '\(column)'; it has \(columns.joined(separator: ", "))")
        }
        return position
    }
}

/// A row for one declared table, filled by column name. Columns never set are NULL.
public struct TableRow: Sendable {
    public let layout: ColumnLayout
    /// The values in the layout's column order, as the loaders bind them.
    public private(set) var values: [SQLValue]

    public init(_ layout: ColumnLayout) {
        self.layout = layout
        self.values = Array(repeating: .null, count: layout.columns.count)
    }

    public subscript(_ column: String) -> SQLValue {
        get { values[layout.position(column)] }
        set { values[layout.position(column)] = newValue }
    }
}
