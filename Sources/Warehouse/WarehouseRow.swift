/// A row read from the warehouse, addressable by column name.
public struct WarehouseRow: Sendable, Hashable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of `column`, or `.null` when the row has no such column.
    public subscript(_ column: String) -> SQLValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }

    public func int(_ column: String) -> Int64 { self[column].int64 ?? 0 }
    public func optionalInt(_ column: String) -> Int64? { self[column].int64 }
    public func double(_ column: String) -> Double? { self[column].double }
    public func text(_ column: String) -> String { self[column].string ?? "" }
    public func optionalText(_ column: String) -> String? { self[column].string }

    /// The row as a dictionary, for JSON output.
    public var dictionary: [String: SQLValue] {
        Dictionary(uniqueKeysWithValues: zip(columns, values))
    }
}
