/// Rows that follow a parent row into the warehouse: a raw record's staged rows, written in the same transaction
/// as the raw page. Where a parent row is written (it was new, or not older than the stored one), its previous
/// dependents are deleted and these inserted; where the stored parent is newer, its dependents are left alone. So the
/// staged rows always describe the raw row the table keeps, exactly as restaging it would.
public struct DependentRows: Sendable {
    public var table: String
    public var columns: [String]
    /// The columns that name the parent (`platform`, `shop_id`, `order_id`).
    public var link: [String]
    /// For each parent row, in the parent `RowSet`'s order, its values of `link`.
    public var parentLinks: [[SQLValue]]
    /// The rows, in `columns` order.
    public var rows: [[SQLValue]]
    /// For each row, the index of its parent row.
    public var parents: [Int]

    public init(_ table: TableSchema, link: [String], parentLinks: [[SQLValue]], rows: [TableRow], parents: [Int]) {
        precondition(rows.count == parents.count, "every dependent row of \(table.name) needs its parent")
        precondition(parentLinks.allSatisfy { $0.count == link.count }, "every parent of \(table.name) needs \(link.count) link values")
        precondition(rows.allSatisfy { $0.layout === table.layout }, "rows of another table handed to \(table.name)")
        self.table = table.name
        self.columns = table.columnNames
        self.link = link
        self.parentLinks = parentLinks
        self.rows = rows.map(\.values)
        self.parents = parents
    }

    /// The indexes of the rows of each parent.
    func rowsByParent() -> [[Int]] {
        var groups = [[Int]](repeating: [], count: parentLinks.count)
        for (row, parent) in parents.enumerated() { groups[parent].append(row) }
        return groups
    }
}
