import Foundation
import OmnidashCore
import Warehouse

/// The OAuth tokens of one authorised account: loaded from the vault, refreshed a margin before they expire (once,
/// however many streams ask at the same time), and saved sealed the moment a refresh returns them, because some
/// platforms' refresh tokens are single use. The refresh call itself is the platform's.
public actor TokenKeeper {
    public struct Tokens: Codable, Sendable {
        public var accessToken: String
        public var refreshToken: String
        /// Unix seconds.
        public var accessExpiresAt: Int64
        /// When the authorisation ends and a person must grant it again (Unix seconds); `nil` when the token answer
        /// does not say.
        public var refreshExpiresAt: Int64?

        public init(accessToken: String, refreshToken: String, accessExpiresAt: Int64, refreshExpiresAt: Int64? = nil) {
            self.accessToken = accessToken
            self.refreshToken = refreshToken
            self.accessExpiresAt = accessExpiresAt
            self.refreshExpiresAt = refreshExpiresAt
        }
    }

    private let platform: Platform
    private let accountID: String
    private let vault: TokenVault
    private let bootstrapRefreshToken: String?
    private let margin: Int64
    private let now: @Sendable () -> Date
    private let exchange: @Sendable (String) async throws -> Tokens
    private var tokens: Tokens?
    private var refreshing: Task<Tokens, any Error>?

    /// - Parameters:
    ///   - bootstrapRefreshToken: The configuration's refresh token, standing for the seller's authorisation.
    ///   - margin: Seconds before expiry at which the access token is refreshed.
    ///   - exchange: The platform's refresh call: a refresh token in, new tokens out.
    public init(platform: Platform, accountID: String, vault: TokenVault, bootstrapRefreshToken: String?, margin: Int64,
                now: @escaping @Sendable () -> Date, exchange: @escaping @Sendable (String) async throws -> Tokens) {
        self.platform = platform
        self.accountID = accountID
        self.vault = vault
        self.bootstrapRefreshToken = bootstrapRefreshToken
        self.margin = margin
        self.now = now
        self.exchange = exchange
    }

    /// Tokens good for at least `margin` more seconds.
    public func valid() async throws -> Tokens {
        if tokens == nil { tokens = try await vault.load(Tokens.self, source: platform.rawValue, accountID: accountID) }
        if let tokens, tokens.accessExpiresAt - margin > Int64(now().timeIntervalSince1970) { return tokens }
        return try await refresh()
    }

    /// New tokens, whatever the current ones' expiry (after the platform refused an access token).
    public func refresh() async throws -> Tokens {
        if let refreshing { return try await refreshing.value }
        let task = Task { try await self.performRefresh() }
        refreshing = task
        defer { refreshing = nil }
        return try await task.value
    }

    /// Tries the stored refresh token, then the configuration's: a different one there stands for a new
    /// authorisation by the seller.
    private func performRefresh() async throws -> Tokens {
        var candidates: [String] = []
        var stored = tokens
        if stored == nil { stored = try await vault.load(Tokens.self, source: platform.rawValue, accountID: accountID) }
        if let stored { candidates.append(stored.refreshToken) }
        if let bootstrap = bootstrapRefreshToken, !bootstrap.isEmpty, !candidates.contains(bootstrap) { candidates.append(bootstrap) }
        guard !candidates.isEmpty else {
            throw ConnectorError(.authentication, platform: platform, endpoint: "token refresh",
                                 message: "account \(accountID) has no stored token and no refresh_token in the configuration")
        }
        var lastError: (any Error)?
        for candidate in candidates {
            do {
                let fresh = try await exchange(candidate)
                try await vault.save(fresh, source: platform.rawValue, accountID: accountID, accessExpiresAt: fresh.accessExpiresAt,
                                     refreshExpiresAt: fresh.refreshExpiresAt)
                tokens = fresh
                return fresh
            } catch {
                lastError = error
            }
        }
        throw lastError!
    }
}
