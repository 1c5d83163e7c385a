import Crypto
import Foundation
import Warehouse

/// Stores OAuth tokens obtained at run time in `oauth_tokens`, sealed with AES-GCM under a key derived from
/// `secrets.token_key`, so a copy of the warehouse does not hand out working credentials (DESIGN §9).
public struct TokenVault: Sendable {
    public let warehouse: any Warehouse
    private let key: SymmetricKey

    public init(warehouse: any Warehouse, secret: String) {
        self.warehouse = warehouse
        key = SymmetricKey(data: SHA256.hash(data: Data("omnidash-token-vault:\(secret)".utf8)))
    }

    /// The stored tokens, or `nil` when there are none or they were sealed with another key.
    public func load<Tokens: Decodable>(_ type: Tokens.Type, source: String, accountID: String) async throws -> Tokens? {
        let rows = try await warehouse.query(SQLStatement(
            "SELECT sealed_tokens FROM oauth_tokens WHERE source = :source AND account_id = :account",
            ["source": .text(source), "account": .text(accountID)]))
        guard let sealed = rows.first?.optionalText("sealed_tokens"), let combined = Data(base64Encoded: sealed),
              let box = try? AES.GCM.SealedBox(combined: combined),
              let plain = try? AES.GCM.open(box, using: key) else { return nil }
        return try? JSONDecoder().decode(Tokens.self, from: plain)
    }

    /// Seals and stores `tokens` with their expiries (Unix seconds). `refreshExpiresAt` is when the authorisation
    /// itself ends (a refresh token's or a shop authorisation's expiry); `nil` keeps what the row held, because a
    /// refresh answer that omits it has not made the authorisation endless.
    public func save<Tokens: Encodable>(_ tokens: Tokens, source: String, accountID: String, accessExpiresAt: Int64?,
                                        refreshExpiresAt: Int64? = nil) async throws {
        let plain = try JSONEncoder().encode(tokens)
        guard let combined = try AES.GCM.seal(plain, using: key).combined else { return }
        var columns = ["source", "account_id", "sealed_tokens", "access_expires_at", "updated_at"]
        var row: [SQLValue] = [.text(source), .text(accountID), .text(combined.base64EncodedString()),
                               SQLValue(accessExpiresAt.map { Timestamp.string(unixSeconds: $0) }), .text(Timestamp.now())]
        if let refreshExpiresAt {
            columns.append("refresh_expires_at")
            row.append(.text(Timestamp.string(unixSeconds: refreshExpiresAt)))
        }
        try await warehouse.write([.insert(RowSet(table: "oauth_tokens", columns: columns, rows: [row],
                                                  onConflict: .replace(key: ["source", "account_id"])))])
    }

    /// Records when an account's authorisation ends, learnt from something other than a token answer (a shop's
    /// details). Does nothing when no token of the account is stored.
    public func recordAuthorizationExpiry(_ expiresAt: Int64, source: String, accountID: String) async throws {
        try await warehouse.write([.execute(SQLStatement(
            "UPDATE oauth_tokens SET refresh_expires_at = :expires WHERE source = :source AND account_id = :account",
            ["expires": .text(Timestamp.string(unixSeconds: expiresAt)), "source": .text(source), "account": .text(accountID)]))])
    }

    /// When the account's authorisation ends (Unix seconds), if known.
    public func authorizationExpiry(source: String, accountID: String) async throws -> Int64? {
        let rows = try await warehouse.query(SQLStatement(
            "SELECT refresh_expires_at FROM oauth_tokens WHERE source = :source AND account_id = :account",
            ["source": .text(source), "account": .text(accountID)]))
        return rows.first?.optionalText("refresh_expires_at").flatMap(Timestamp.unixSeconds)
    }
}
