/// Users, their roles and their sign-in sessions. A session row keeps a SHA-256 of the cookie's token, never the
/// token itself, so a copy of the warehouse does not sign anyone in.
enum CreateUserTables {
    static let users = TableSchema("users", primaryKey: ["user_name"], columns: [
        .init("user_name", .text, nullable: false),
        .init("role", .text, nullable: false),
        .init("password_hash", .text, nullable: false),
        .init("created_at", .timestamp, nullable: false),
        .init("updated_at", .timestamp, nullable: false),
    ])

    static let sessions = TableSchema("user_sessions", primaryKey: ["token_hash"], indexes: [["user_name"]], columns: [
        .init("token_hash", .text, nullable: false),
        .init("user_name", .text, nullable: false),
        .init("csrf_token", .text, nullable: false),
        .init("created_at", .timestamp, nullable: false),
        .init("expires_at", .timestamp, nullable: false),
        .init("last_seen_at", .timestamp, nullable: false),
    ])

    static let migration = Migration(id: 28, name: "create_user_tables", tables: [users, sessions])
}
