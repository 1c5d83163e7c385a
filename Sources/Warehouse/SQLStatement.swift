/// SQL text with named parameters (`:from`, `:shop_id`), bound by value, never spliced into the text.
///
/// The engines rewrite the names into their own placeholders (`?` for SQLite, `$1` for PostgreSQL), so the
/// same text runs on both.
public struct SQLStatement: Sendable, Hashable, ExpressibleByStringLiteral {
    public var sql: String
    public var parameters: [String: SQLValue]

    public init(_ sql: String, _ parameters: [String: SQLValue] = [:]) {
        self.sql = sql
        self.parameters = parameters
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}
