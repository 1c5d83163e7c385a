import Foundation
import Logging
import OmnidashCore
import Warehouse

/// One authorised shop: its tokens, refreshed before they expire and saved at once (Shopee refresh tokens
/// are single use, so losing a new one would lose the authorisation), and the signed calls made with them.
public actor ShopeeSession {
    public let baseURL: String
    public let partnerID: Int64
    public let shopID: Int64
    private let partnerKey: String
    private let runner: RequestRunner
    private let keeper: TokenKeeper
    private let vault: TokenVault
    private let now: @Sendable () -> Date

    /// Tokens are refreshed this long before they expire, so a long page loop never runs on a dying token.
    static let refreshMargin: Int64 = 600

    public init(source: ShopeeSettings, shop: ShopeeSettings.Shop,
                vault: TokenVault, runner: RequestRunner, now: @escaping @Sendable () -> Date = Date.init) {
        baseURL = source.baseURL
        partnerID = source.partnerID
        partnerKey = source.partnerKey
        shopID = shop.shopID
        self.runner = runner
        self.vault = vault
        self.now = now
        keeper = TokenKeeper(platform: .shopee, accountID: String(shop.shopID), vault: vault, bootstrapRefreshToken: shop.refreshToken,
                             margin: Self.refreshMargin, now: now,
                             exchange: { refreshToken in
                                 try await Self.exchange(refreshToken, source: source, shopID: shop.shopID, runner: runner, now: now)
                             })
    }

    /// Sends a call, signing it anew for every attempt, and returns the body of the successful response.
    func send(_ call: Shopee.Call) async throws -> Data {
        let response = try await runner.run(
            endpoint: call.path,
            build: { try await self.request(for: call) },
            classify: { Shopee.classify($0, endpoint: call.path) },
            refresh: { _ = try await self.keeper.refresh() })
        return response.body
    }

    /// Records when the shop's authorisation ends (`expire_time` of `get_shop_info`). Shopee's refresh token is
    /// replaced at every refresh, so it never lapses while syncs run; the authorisation itself lasts a year at most
    /// and only the seller can renew it.
    func recordAuthorizationExpiry(_ expiresAt: Int64) async throws {
        try await vault.recordAuthorizationExpiry(expiresAt, source: Platform.shopee.rawValue, accountID: String(shopID))
    }

    private func request(for call: Shopee.Call) async throws -> HTTPRequestValue {
        let timestamp = Int64(now().timeIntervalSince1970)
        var accessToken: String?
        if call.signing == .shopAPI { accessToken = try await keeper.valid().accessToken }
        return call.request(baseURL: baseURL, partnerID: partnerID, partnerKey: partnerKey, timestamp: timestamp,
                            accessToken: accessToken, shopID: shopID)
    }

    /// `v2.public.refresh_access_token`: a refresh token in, new tokens out.
    private static func exchange(_ refreshToken: String, source: ShopeeSettings, shopID: Int64, runner: RequestRunner,
                                 now: @escaping @Sendable () -> Date) async throws -> TokenKeeper.Tokens {
        let call = Shopee.Requests.refreshAccessToken(refreshToken: refreshToken, partnerID: source.partnerID, shopID: shopID)
        let response = try await runner.run(
            endpoint: call.path,
            build: {
                call.request(baseURL: source.baseURL, partnerID: source.partnerID, partnerKey: source.partnerKey,
                             timestamp: Int64(now().timeIntervalSince1970), accessToken: nil, shopID: nil)
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
        return TokenKeeper.Tokens(accessToken: access, refreshToken: refresh, accessExpiresAt: Int64(now().timeIntervalSince1970) + expireIn)
    }
}
