/// When a stored token's authorisation ends: the refresh token's (or the shop authorisation's) expiry, which a person
/// must renew by hand, unlike the access token that the connectors renew every few hours. `NULL` where the platform
/// does not say, or its authorisation does not end.
enum AddTokenAuthorizationExpiry {
    static let column = TableSchema.Column("refresh_expires_at", .timestamp)

    /// `oauth_tokens` as it stands after this migration: the new column after the ones it had.
    static let oauthTokens = TableSchema(CreateOperationalTables.oauthTokens.name, primaryKey: CreateOperationalTables.oauthTokens.primaryKey,
                                         indexes: CreateOperationalTables.oauthTokens.indexes,
                                         columns: CreateOperationalTables.oauthTokens.columns + [column])

    static let migration = Migration(id: 31, name: "add_token_authorization_expiry", creates: [oauthTokens]) { dialect in
        [.execute(SQLStatement(
            "ALTER TABLE oauth_tokens ADD COLUMN \(SQLDialect.quote(column.name)) \(dialect.typeName(column.type))"))]
    }
}
