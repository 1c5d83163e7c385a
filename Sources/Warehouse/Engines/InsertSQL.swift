/// Spells the insert of a `RowSet` for both engines: the column list, the conflict clause, and the
/// in-memory de-duplication that keeps one row per key (the newest by the version column).
enum InsertSQL {
    /// `INSERT INTO "t" ("a", "b")` without the values part.
    static func head(_ rows: RowSet) -> String {
        "INSERT INTO \(SQLDialect.quote(rows.table)) (\(rows.columns.map(SQLDialect.quote).joined(separator: ", ")))"
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
        let key = rows.onConflict.key
        guard !key.isEmpty, rows.rows.count > 1 else { return rows.rows }
        let keyIndexes = key.compactMap { rows.columns.firstIndex(of: $0) }
        var versionIndex: Int?
        if case .replaceIfNewer(_, let version) = rows.onConflict { versionIndex = rows.columns.firstIndex(of: version) }
        var positions: [[SQLValue]: Int] = [:]
        var output: [[SQLValue]] = []
        output.reserveCapacity(rows.rows.count)
        for row in rows.rows {
            let rowKey = keyIndexes.map { row[$0] }
            guard let existing = positions[rowKey] else {
                positions[rowKey] = output.count
                output.append(row)
                continue
            }
            switch rows.onConflict {
            case .ignore, .fail:
                continue
            case .replace:
                output[existing] = row
            case .replaceIfNewer:
                if let versionIndex, (row[versionIndex].double ?? 0) >= (output[existing][versionIndex].double ?? 0) {
                    output[existing] = row
                }
            }
        }
        return output
    }
}
