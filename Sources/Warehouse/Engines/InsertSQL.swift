/// Spells the insert of a `RowSet` for both engines: the column list, the conflict clause, and the
/// in-memory de-duplication that keeps one row per key (the newest by the version column).
enum InsertSQL {
    /// `INSERT INTO "t" ("a", "b")` without the values part.
    static func head(_ rows: RowSet) -> String {
        "INSERT INTO \(SQLDialect.quote(rows.table)) (\(rows.columns.map(SQLDialect.quote).joined(separator: ", ")))"
    }

    /// `?, ?, ?` for SQLite's positional parameters.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// `DELETE FROM "t" WHERE "a" = ? AND "b" = ?`: one parent's previous dependent rows (SQLite's parameters).
    static func deleteByLink(_ dependent: DependentRows) -> String {
        "DELETE FROM \(SQLDialect.quote(dependent.table)) WHERE " + dependent.link.map { "\(SQLDialect.quote($0)) = ?" }.joined(separator: " AND ")
    }

    /// `INSERT INTO "t" ("a", "b") VALUES (?, ?)`: a dependent row, after its parent's previous ones are deleted.
    static func plainInsert(_ dependent: DependentRows) -> String {
        "INSERT INTO \(SQLDialect.quote(dependent.table)) (\(dependent.columns.map(SQLDialect.quote).joined(separator: ", "))) "
            + "VALUES (\(placeholders(dependent.columns.count)))"
    }

    /// ` ON CONFLICT …` for the policy; the same text on SQLite (3.24+) and PostgreSQL.
    static func conflictClause(_ rows: RowSet) -> String {
        let table = SQLDialect.quote(rows.table)
        let key = rows.onConflict.key
        let updates = rows.columns.filter { !key.contains($0) }
            .map { "\(SQLDialect.quote($0)) = excluded.\(SQLDialect.quote($0))" }
            .joined(separator: ", ")
        let keyList = key.map(SQLDialect.quote).joined(separator: ", ")
        switch rows.onConflict {
        case .fail:
            return ""
        case .ignore:
            return " ON CONFLICT (\(keyList)) DO NOTHING"
        case .replace:
            return updates.isEmpty ? " ON CONFLICT (\(keyList)) DO NOTHING" : " ON CONFLICT (\(keyList)) DO UPDATE SET \(updates)"
        case .replaceIfNewer(_, let version):
            let v = SQLDialect.quote(version)
            return " ON CONFLICT (\(keyList)) DO UPDATE SET \(updates) WHERE excluded.\(v) >= \(table).\(v)"
        }
    }

    /// The rows with duplicate keys collapsed the way the conflict policy would collapse them, so one
    /// statement never touches a key twice (PostgreSQL refuses that in `ON CONFLICT DO UPDATE`).
    static func deduplicated(_ rows: RowSet) -> [[SQLValue]] {
        survivors(rows).map { rows.rows[$0] }
    }

    /// The indexes of the rows `deduplicated` keeps, in its order.
    static func survivors(_ rows: RowSet) -> [Int] {
        let key = rows.onConflict.key
        guard !key.isEmpty, rows.rows.count > 1 else { return Array(rows.rows.indices) }
        let keyIndexes = key.compactMap { rows.columns.firstIndex(of: $0) }
        var versionIndex: Int?
        if case .replaceIfNewer(_, let version) = rows.onConflict { versionIndex = rows.columns.firstIndex(of: version) }
        var positions: [[SQLValue]: Int] = [:]
        var output: [Int] = []
        output.reserveCapacity(rows.rows.count)
        for (index, row) in rows.rows.enumerated() {
            let rowKey = keyIndexes.map { row[$0] }
            guard let existing = positions[rowKey] else {
                positions[rowKey] = output.count
                output.append(index)
                continue
            }
            switch rows.onConflict {
            case .ignore, .fail:
                continue
            case .replace:
                output[existing] = index
            case .replaceIfNewer:
                if let versionIndex, (row[versionIndex].double ?? 0) >= (rows.rows[output[existing]][versionIndex].double ?? 0) {
                    output[existing] = index
                }
            }
        }
        return output
    }
}
