import Connectors
import Foundation
import OmnidashTestSupport
import Testing
import Warehouse

@Suite("Stored OAuth tokens")
struct TokenVaultTests {
    struct Tokens: Codable, Equatable {
        var accessToken: String
        var refreshToken: String
    }

    @Test("tokens are stored sealed and read back only with the same key", arguments: WarehouseEngine.allCases)
    func tokensAreSealed(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let vault = TokenVault(warehouse: fixture.warehouse, secret: "token-key-0123456789")
            let tokens = Tokens(accessToken: "4c6d5a4b4f6e4d7a6f4a4b4c4d4e4f50", refreshToken: "516c6b577753554375764a63704d7245")
            try await vault.save(tokens, source: "shopee", accountID: "600000001", accessExpiresAt: 1_795_000_000)
            #expect(try await vault.load(Tokens.self, source: "shopee", accountID: "600000001") == tokens)
            let stored = try await fixture.warehouse.scalar("SELECT sealed_tokens FROM oauth_tokens").string ?? ""
            #expect(!stored.contains(tokens.refreshToken) && !stored.contains(tokens.accessToken))
            let otherKey = TokenVault(warehouse: fixture.warehouse, secret: "another-key-0123456789")
            #expect(try await otherKey.load(Tokens.self, source: "shopee", accountID: "600000001") == nil)
        }
    }

    @Test("the authorisation's end is kept when a later answer does not state it, and can be learnt from elsewhere",
          arguments: WarehouseEngine.allCases)
    func authorizationExpiryIsKept(engine: WarehouseEngine) async throws {
        try await withTestWarehouse(engine) { fixture in
            let vault = TokenVault(warehouse: fixture.warehouse, secret: "token-key-0123456789")
            let tokens = Tokens(accessToken: "4c6d5a4b4f6e4d7a6f4a4b4c4d4e4f50", refreshToken: "516c6b577753554375764a63704d7245")
            try await vault.save(tokens, source: "lazada", accountID: "100200300", accessExpiresAt: 1_795_000_000,
                                 refreshExpiresAt: 1_800_000_000)
            try await vault.save(tokens, source: "lazada", accountID: "100200300", accessExpiresAt: 1_795_100_000)
            #expect(try await vault.authorizationExpiry(source: "lazada", accountID: "100200300") == 1_800_000_000)
            try await vault.recordAuthorizationExpiry(1_810_000_000, source: "lazada", accountID: "100200300")
            #expect(try await vault.authorizationExpiry(source: "lazada", accountID: "100200300") == 1_810_000_000)
            try await vault.recordAuthorizationExpiry(1_810_000_000, source: "lazada", accountID: "no-such-seller")
            #expect(try await fixture.warehouse.scalar("SELECT count(*) FROM oauth_tokens").int64 == 1)
        }
    }
}
