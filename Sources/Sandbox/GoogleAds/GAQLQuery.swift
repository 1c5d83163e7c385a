import OmnidashCore

/// A Google Ads Query Language statement as the emulator understands it (developers.google.com/google-ads/api/docs/
/// query/grammar): `SELECT fields FROM resource [WHERE condition AND …] [ORDER BY field [ASC|DESC], …] [LIMIT n]
/// [PARAMETERS name = value, …]`.
///
/// Written from Google's grammar for the Sandbox (DESIGN §5): Omnidash's connector builds its queries with its own code,
/// and the two meet only in the GAQL text.
struct GAQLQuery: Sendable, Equatable {
    /// Selected fields, snake_case as written (`campaign.id`, `metrics.cost_micros`), in select order.
    let fields: [String]
    let resource: String
    let conditions: [Condition]
    let ordering: [Ordering]
    let limit: Int?

    struct Condition: Sendable, Equatable {
        enum Operator: String, Sendable {
            case equal = "=", notEqual = "!=", greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="
            case `in` = "IN", notIn = "NOT IN", like = "LIKE", notLike = "NOT LIKE", between = "BETWEEN", during = "DURING"
            case isNull = "IS NULL", isNotNull = "IS NOT NULL"
        }
        let field: String
        let op: Operator
        let values: [String]
    }

    struct Ordering: Sendable, Equatable {
        let field: String
        let descending: Bool
    }

    /// Why a query was refused: a `QueryError` enum name and Google's message.
    struct Failure: Error, Equatable {
        let code: String
        let message: String
    }

    // MARK: - Parsing

    init(_ text: String) throws(Failure) {
        var tokens = try GAQLTokenizer.tokens(text)[...]
        func keyword(_ word: String) -> Bool {
            guard case .word(let value)? = tokens.first, value.uppercased() == word else { return false }
            tokens.removeFirst()
            return true
        }
        func identifier(_ what: String) throws(Failure) -> String {
            guard case .word(let value)? = tokens.first else {
                let atEnd = tokens.isEmpty || tokens.first == .end
                throw Failure(code: atEnd ? "UNEXPECTED_END_OF_QUERY" : "BAD_FIELD_NAME",
                              message: atEnd ? "Error in query: unexpected end of query, expected \(what)." : "Error in query: expected \(what).")
            }
            tokens.removeFirst()
            return value
        }
        guard keyword("SELECT") else {
            throw Failure(code: "EXPECTED_SELECT", message: "Error in query: expected SELECT at the start of the query.")
        }
        var fields: [String] = []
        repeat {
            fields.append(try identifier("a field name"))
        } while tokens.first == .symbol(",") && tokens.removeFirst() == .symbol(",")
        guard keyword("FROM") else {
            throw Failure(code: tokens.first == .end ? "UNEXPECTED_END_OF_QUERY" : "EXPECTED_FROM",
                          message: "Error in query: expected FROM after the selected fields.")
        }
        let resource = try identifier("a resource name")
        var conditions: [Condition] = []
        if keyword("WHERE") {
            repeat {
                conditions.append(try Self.condition(&tokens))
            } while keyword("AND")
        }
        var ordering: [Ordering] = []
        if keyword("ORDER") {
            guard keyword("BY") else { throw Failure(code: "EXPECTED_BY", message: "Error in query: expected BY after ORDER.") }
            repeat {
                let field = try identifier("a field name")
                let descending = keyword("DESC")
                if !descending { _ = keyword("ASC") }
                ordering.append(Ordering(field: field, descending: descending))
            } while tokens.first == .symbol(",") && tokens.removeFirst() == .symbol(",")
        }
        var limit: Int?
        if keyword("LIMIT") {
            guard case .number(let text)? = tokens.first, let value = Int(text), value > 0 else {
                throw Failure(code: "BAD_LIMIT_VALUE", message: "Error in query: the LIMIT value must be a positive integer.")
            }
            tokens.removeFirst()
            limit = value
        }
        if keyword("PARAMETERS") {
            // `include_drafts`, `omit_unselected_resource_names`: accepted, changing nothing the Sandbox serves.
            while let token = tokens.first, token != .end { tokens.removeFirst() }
        }
        guard tokens.first == .end || tokens.isEmpty else {
            throw Failure(code: "UNEXPECTED_INPUT", message: "Error in query: unexpected input \(tokens.first!.text).")
        }
        self.fields = fields
        self.resource = resource
        self.conditions = conditions
        self.ordering = ordering
        self.limit = limit
    }

    private static func condition(_ tokens: inout ArraySlice<GAQLTokenizer.Token>) throws(Failure) -> Condition {
        guard case .word(let field)? = tokens.first else {
            throw Failure(code: "BAD_FIELD_NAME", message: "Error in query: expected a field name in the WHERE clause.")
        }
        tokens.removeFirst()
        func next() -> GAQLTokenizer.Token? { tokens.isEmpty ? nil : tokens.removeFirst() }
        func value() throws(Failure) -> String {
            switch next() {
            case .string(let text)?, .number(let text)?, .word(let text)?: return text
            default: throw Failure(code: "BAD_VALUE", message: "Error in query: expected a value after \(field).")
            }
        }
        func list() throws(Failure) -> [String] {
            guard next() == .symbol("(") else { throw Failure(code: "EXPECTED_LEFT_PAREN", message: "Error in query: expected ( after IN.") }
            var values: [String] = []
            repeat { values.append(try value()) } while tokens.first == .symbol(",") && next() == .symbol(",")
            guard next() == .symbol(")") else { throw Failure(code: "EXPECTED_RIGHT_PAREN", message: "Error in query: expected ) after the list.") }
            return values
        }
        let opToken = next()
        switch opToken {
        case .symbol(let symbol)? where ["=", "!=", ">", ">=", "<", "<="].contains(symbol):
            return Condition(field: field, op: .init(rawValue: symbol)!, values: [try value()])
        case .word(let word)?:
            switch word.uppercased() {
            case "IN": return Condition(field: field, op: .in, values: try list())
            case "LIKE": return Condition(field: field, op: .like, values: [try value()])
            case "DURING": return Condition(field: field, op: .during, values: [try value()])
            case "BETWEEN":
                let low = try value()
                guard case .word(let and)? = next(), and.uppercased() == "AND" else {
                    throw Failure(code: "EXPECTED_AND", message: "Error in query: expected AND between the BETWEEN values.")
                }
                return Condition(field: field, op: .between, values: [low, try value()])
            case "NOT":
                switch next() {
                case .word(let w)? where w.uppercased() == "IN": return Condition(field: field, op: .notIn, values: try list())
                case .word(let w)? where w.uppercased() == "LIKE": return Condition(field: field, op: .notLike, values: [try value()])
                default: break
                }
            case "IS":
                let negated = tokens.first == .word("NOT") || tokens.first == .word("not")
                if negated { _ = next() }
                if case .word(let w)? = next(), w.uppercased() == "NULL" {
                    return Condition(field: field, op: negated ? .isNotNull : .isNull, values: [])
                }
            default: break
            }
        default: break
        }
        throw Failure(code: "BAD_OPERATOR", message: "Error in query: invalid operator after \(field).")
    }
}

/// Splits GAQL into words (field and resource names, keywords, bare enum values), quoted strings, numbers and symbols.
enum GAQLTokenizer {
    enum Token: Equatable, Sendable {
        case word(String), string(String), number(String), symbol(String), end

        var text: String {
            switch self {
            case .word(let t), .number(let t), .symbol(let t): t
            case .string(let t): "'\(t)'"
            case .end: "end of query"
            }
        }
    }

    static func tokens(_ text: String) throws(GAQLQuery.Failure) -> [Token] {
        let characters = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        func isWord(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic && c.isASCII || c == "_" || c == "." || ("0"..."9").contains(c) }
        while index < characters.count {
            let c = characters[index]
            if c.properties.isWhitespace { index += 1; continue }
            if c == "'" || c == "\"" {
                var value = String.UnicodeScalarView()
                index += 1
                while index < characters.count, characters[index] != c {
                    if characters[index] == "\\", index + 1 < characters.count { index += 1 }
                    value.append(characters[index])
                    index += 1
                }
                guard index < characters.count else {
                    throw GAQLQuery.Failure(code: "UNEXPECTED_END_OF_QUERY", message: "Error in query: unterminated string.")
                }
                index += 1
                tokens.append(.string(String(value)))
            } else if ("0"..."9").contains(c) || c == "-" && index + 1 < characters.count && ("0"..."9").contains(characters[index + 1]) {
                var value = String(c)
                index += 1
                while index < characters.count, ("0"..."9").contains(characters[index]) || characters[index] == "." {
                    value.unicodeScalars.append(characters[index])
                    index += 1
                }
                tokens.append(.number(value))
            } else if isWord(c) {
                var value = ""
                while index < characters.count, isWord(characters[index]) {
                    value.unicodeScalars.append(characters[index])
                    index += 1
                }
                tokens.append(.word(value))
            } else if "=<>!,()".unicodeScalars.contains(c) {
                var symbol = String(c)
                index += 1
                if index < characters.count, characters[index] == "=", "<>!".unicodeScalars.contains(c) {
                    symbol += "="
                    index += 1
                }
                guard symbol != "!" else { throw GAQLQuery.Failure(code: "BAD_OPERATOR", message: "Error in query: invalid operator !.") }
                tokens.append(.symbol(symbol))
            } else {
                throw GAQLQuery.Failure(code: "BAD_SYMBOL", message: "Error in query: invalid symbol '\(c)'.")
            }
        }
        tokens.append(.end)
        return tokens
    }
}
