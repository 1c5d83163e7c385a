/// The two warehouse engines' differences, kept in one place: column type names, placeholders and the
/// upsert clause. Mart SQL never branches on the dialect.
public enum SQLDialect: String, Sendable {
    case sqlite
    case postgres

    public func typeName(_ type: ColumnType) -> String {
        switch (self, type) {
        case (.sqlite, .text), (.sqlite, .date), (.sqlite, .timestamp): "TEXT"
        case (.sqlite, .integer), (.sqlite, .boolean): "INTEGER"
        case (.sqlite, .real): "REAL"
        case (.sqlite, .decimal): "NUMERIC"
        case (.postgres, .text), (.postgres, .date), (.postgres, .timestamp): "text"
        case (.postgres, .integer): "bigint"
        case (.postgres, .boolean): "smallint"
        case (.postgres, .real): "double precision"
        case (.postgres, .decimal): "numeric(20,4)"
        }
    }

    /// Rewrites `:name` parameters into this engine's positional placeholders.
    ///
    /// Skips quoted strings, quoted identifiers, comments and `::` casts.
    /// - Throws: `WarehouseError.missingParameter` when the text names a parameter that has no value.
    public func positional(_ statement: SQLStatement) throws -> (sql: String, values: [SQLValue]) {
        if statement.parameters.isEmpty && !statement.sql.contains(":") { return (statement.sql, []) }
        var output = ""
        output.reserveCapacity(statement.sql.utf8.count)
        var values: [SQLValue] = []
        var numbered: [String: Int] = [:]
        let scalars = Array(statement.sql.unicodeScalars)
        var i = 0
        func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        func isName(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || ("0"..."9").contains(c) }
        while i < scalars.count {
            let c = scalars[i]
            if c == "'" || c == "\"" {
                var j = i + 1
                while j < scalars.count, scalars[j] != c { j += 1 }
                output.unicodeScalars.append(contentsOf: scalars[i...min(j, scalars.count - 1)])
                i = j + 1
            } else if c == "-", i + 1 < scalars.count, scalars[i + 1] == "-" {
                var j = i
                while j < scalars.count, scalars[j] != "\n" { j += 1 }
                output.unicodeScalars.append(contentsOf: scalars[i..<j])
                i = j
            } else if c == ":", i + 1 < scalars.count, scalars[i + 1] == ":" {
                output += "::"
                i += 2
            } else if c == ":", i + 1 < scalars.count, isNameStart(scalars[i + 1]) {
                var j = i + 1
                while j < scalars.count, isName(scalars[j]) { j += 1 }
                let name = String(String.UnicodeScalarView(scalars[(i + 1)..<j]))
                guard let value = statement.parameters[name] else { throw WarehouseError.missingParameter(name) }
                switch self {
                case .sqlite:
                    output += "?"
                    values.append(value)
                case .postgres:
                    if let number = numbered[name] {
                        output += "$\(number)"
                    } else {
                        values.append(value)
                        numbered[name] = values.count
                        output += "$\(values.count)"
                    }
                }
                i = j
            } else {
                output.unicodeScalars.append(c)
                i += 1
            }
        }
        return (output, values)
    }

    /// `"name"`: a quoted identifier, the same on both engines.
    public static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
