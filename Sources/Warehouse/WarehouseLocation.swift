import Foundation

/// Where the warehouse lives, parsed from `--warehouse` or the configuration's `warehouse` key.
///
/// Accepted forms: a file path (`omnidash.sqlite`), `sqlite:PATH`, and
/// `postgres://user[:password]@host[:port]/database[?schema=NAME]` (also `postgresql://`).
public enum WarehouseLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    public struct PostgresLocation: Sendable, Hashable {
        public var host: String
        public var port: Int
        public var user: String
        public var password: String?
        public var database: String
        /// The schema holding one environment (`dev_marketing`, `prod_marketing`). Default `public`.
        public var schema: String
    }

    public init(parsing text: String) throws(WarehouseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .invalidLocation("the location is empty") }
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: trimmed), let host = components.host, !host.isEmpty else {
                throw .invalidLocation("'\(WarehouseLocation.redacted(trimmed))' is not a postgres:// URL")
            }
            let database = String(components.path.drop(while: { $0 == "/" }))
            guard !database.isEmpty else { throw .invalidLocation("postgres URL names no database (postgres://user@host:port/DATABASE)") }
            guard let user = components.user, !user.isEmpty else { throw .invalidLocation("postgres URL names no user (postgres://USER@host/db)") }
            let schema = components.queryItems?.first(where: { $0.name == "schema" })?.value ?? "public"
            guard schema.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil else {
                throw .invalidLocation("schema '\(schema)' must be letters, digits and underscores")
            }
            self = .postgres(PostgresLocation(host: host, port: components.port ?? 5432, user: user,
                                              password: components.password, database: database, schema: schema))
        } else if trimmed.hasPrefix("sqlite:") {
            let path = String(trimmed.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw .invalidLocation("sqlite: names no file (sqlite:PATH)") }
            self = .sqlite(path: path)
        } else if trimmed.contains("://") {
            throw .invalidLocation("'\(WarehouseLocation.redacted(trimmed))': use a file path, sqlite:PATH or postgres://…")
        } else {
            self = .sqlite(path: trimmed)
        }
    }

    /// The location with any password removed, safe to print and log.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let pg): "postgres://\(pg.user)@\(pg.host):\(pg.port)/\(pg.database)?schema=\(pg.schema)"
        }
    }

    static func redacted(_ url: String) -> String {
        url.replacingOccurrences(of: #"(://[^:/@]+):[^@]*@"#, with: "$1:***@", options: .regularExpression)
    }
}
