import Warehouse

/// What one record became: a row to load, or a reject with its one-line reason.
public enum ParsedRecord: Sendable {
    case row(TableRow)
    case reject(RawReject)

    /// The row, or `nil` for a reject.
    public var row: TableRow? {
        if case .row(let row) = self { return row }
        return nil
    }
}

/// What a parser made of one page (or one batch of file lines): the rows to load and the rejects. Every
/// connector's parser hands its records to the sink in this one shape.
public struct ParsedPage: Sendable {
    public var rows: [TableRow] = []
    public var rejects: [RawReject] = []

    public init(rows: [TableRow] = [], rejects: [RawReject] = []) {
        self.rows = rows
        self.rejects = rejects
    }

    public mutating func append(_ record: ParsedRecord) {
        switch record {
        case .row(let row): rows.append(row)
        case .reject(let reject): rejects.append(reject)
        }
    }

    public var count: Int { rows.count + rejects.count }
    public var isEmpty: Bool { rows.isEmpty && rejects.isEmpty }

    public mutating func removeAll() {
        rows.removeAll(keepingCapacity: true)
        rejects.removeAll(keepingCapacity: true)
    }
}
