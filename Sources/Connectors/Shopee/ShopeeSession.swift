import Foundation
import Logging
import OmnidashCore
import Warehouse

/// One authorised shop: its tokens, refreshed before they expire and saved at once (Shopee refresh tokens
/// are single use, so losing a new one would lose the authorisation), and the signed calls made with them.
public actor ShopeeSession {
    struct Tokens: Codable, Sendable {
        var accessToken: String
        var refreshToken: String
        /// Unix seconds.
        var accessExpiresAt: Int64
    }

    public let baseURL: String
    public let partnerID: Int64
    public let shopID: Int64
    private let partnerKey: String
    private let bootstrapRefreshToken: String?
    private let vault: TokenVault
    private let runner: RequestRunner
    private let now: @Sendable () -> Date
    private var tokens: Tokens?
    private var refreshing: Task<Tokens, any Error>?

    /// Tokens are refreshed this long before they expire, so a long page loop never runs on a dying token.
    static let refreshMargin: Int64 = 600

    public init(source: ShopeeSettings, shop: ShopeeSettings.Shop,
                vault: TokenVault, runner: RequestRunner, now: @escaping @Sendable () -> Date = Date.init) {
        baseURL = source.baseURL
        partnerID = source.partnerID
        partnerKey = source.partnerKey
        shopID = shop.shopID
        bootstrapRefreshToken = shop.refreshToken
        self.vault = vault
        self.runner = runner
        self.now = now
    }

    /// Sends a call, signing it anew for every attempt, and returns the body of the successful response.
    func send(_ call: Shopee.Call) async throws -> Data {
        let response = try await runner.run(
            endpoint: call.path,
            build: { try await self.request(for: call) },
            classify: { Shopee.classify($0, endpoint: call.path) },
            refresh: { _ = try await self.refresh() })
        return response.body
    }

    private func request(for call: Shopee.Call) async throws -> HTTPRequestValue {
        let timestamp = Int64(now().timeIntervalSince1970)
        var accessToken: String?
        if call.signing == .shopAPI { accessToken = try await validTokens().accessToken }
        return call.request(baseURL: baseURL, partnerID: partnerID, partnerKey: partnerKey, timestamp: timestamp,
                            accessToken: accessToken, shopID: shopID)
    }

    private func validTokens() async throws -> Tokens {
        if tokens == nil { tokens = try await vault.load(Tokens.self, source: "shopee", accountID: String(shopID)) }
        if let tokens, tokens.accessExpiresAt - Self.refreshMargin > Int64(now().timeIntervalSince1970) { return tokens }
        return try await refresh()
    }

    /// Refreshes once even when several streams ask at the same time.
    private func refresh() async throws -> Tokens {
        if let refreshing { return try await refreshing.value }
        let task = Task { try await self.performRefresh() }
        refreshing = task
        defer { refreshing = nil }
        return try await task.value
    }

    private func performRefresh() async throws -> Tokens {
        var candidates: [String] = []
        var stored = tokens
        if stored == nil { stored = try await vault.load(Tokens.self, source: "shopee", accountID: String(shopID)) }
        if let stored { candidates.append(stored.refreshToken) }
        // A refresh token in the configuration stands for a new authorisation by the seller.
        if let bootstrap = bootstrapRefreshToken, !bootstrap.isEmpty, !candidates.contains(bootstrap) { candidates.append(bootstrap) }
        guard !candidates.isEmpty else {
            throw ConnectorError(.authentication, platform: .shopee, endpoint: "/api/v2/auth/access_token/get",
                                 message: "shop \(shopID) has no stored token and no refresh_token in the configuration")
        }
        var lastError: (any Error)?
        for candidate in candidates {
            let call = Shopee.Requests.refreshAccessToken(refreshToken: candidate, partnerID: partnerID, shopID: shopID)
            do {
                let response = try await runner.run(
                    endpoint: call.path,
                    build: {
                        call.request(baseURL: self.baseURL, partnerID: self.partnerID, partnerKey: self.partnerKey,
                                     timestamp: Int64(self.now().timeIntervalSince1970), accessToken: nil, shopID: nil)
                    },
                    classify: { response in
                        // A refused refresh token is final: do not ask for another refresh.
                        if case .refreshCredentials(let error) = Shopee.classify(response, endpoint: call.path) { return .fail(error) }
                        return Shopee.classify(response, endpoint: call.path)
                    })
                let body = try JSONDecoder().decode(Shopee.TokenResponse.self, from: response.body)
                guard let access = body.accessToken, let refresh = body.refreshToken, let expireIn = body.expireIn else {
                    throw ConnectorError(.invalidResponse, platform: .shopee, endpoint: call.path,
                                         message: "token response lacks access_token, refresh_token or expire_in")
                }
                let fresh = Tokens(accessToken: access, refreshToken: refresh,
                                   accessExpiresAt: Int64(now().timeIntervalSince1970) + expireIn)
                try await vault.save(fresh, source: "shopee", accountID: String(shopID), accessExpiresAt: fresh.accessExpiresAt)
                tokens = fresh
                return fresh
            } catch {
                lastError = error
            }
        }
        throw lastError!
    }
}
