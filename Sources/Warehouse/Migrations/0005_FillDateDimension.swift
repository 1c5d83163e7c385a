import OmnidashCore

/// Fills `dim_date` from 2000-01-01 to 2060-12-31, computed in Swift so both engines get identical rows.
enum FillDateDimension {
    static let first = BusinessDate(year: 2000, month: 1, day: 1)!
    static let last = BusinessDate(year: 2060, month: 12, day: 31)!

    static let migration = Migration(id: 5, name: "fill_dim_date") { _ in
        let rows = (first...last).map(row)
        return [.insert(RowSet(table: "dim_date", columns: CreateOperationalTables.dimDate.columnNames, rows: rows))]
    }

    static func row(_ date: BusinessDate) -> [SQLValue] {
        var values: [SQLValue] = []
        values.append(.text(date.description))
        values.append(.integer(Int64(date.year)))
        values.append(.integer(Int64(date.month)))
        values.append(.integer(Int64(date.day)))
        values.append(.integer(Int64(date.weekday)))
        values.append(SQLValue(date.weekday >= 6))
        values.append(.text(date.startOfMonth.description))
        values.append(.text(date.adding(days: -1).description))
        values.append(.text(date.adding(days: -7).description))
        values.append(.text(date.adding(months: -1).description))
        values.append(.text(date.adding(months: -12).description))
        values.append(.integer(Int64(date.daysSinceEpoch)))
        return values
    }
}
