import Foundation
import OmnidashCore
import Warehouse

/// One authorised TikTok shop: its tokens (refreshed before they expire, saved sealed at once), its `shop_cipher`
/// (asked of `/authorization/202309/shops` once per run) and the signed calls made with them.
public actor TikTokShopSession {
    public let shopID: String
    private let settings: TikTokShopSettings
    private let runner: RequestRunner
    private let keeper: TokenKeeper
    private let now: @Sendable () -> Date
    private var cipher: String?

    struct TokenEnvelope: Decodable {
        struct Data: Decodable {
            let accessToken: String?
            let refreshToken: String?
            /// An absolute Unix time, not a duration.
            let accessTokenExpireIn: Int64?
            /// When the refresh token (the seller's authorisation) ends, also an absolute Unix time.
            let refreshTokenExpireIn: Int64?
            enum CodingKeys: String, CodingKey {
                case accessToken = "access_token", refreshToken = "refresh_token", accessTokenExpireIn = "access_token_expire_in"
                case refreshTokenExpireIn = "refresh_token_expire_in"
            }
        }
        let data: Data?
    }

    struct ShopsEnvelope: Decodable {
        struct Shops: Decodable { let shops: [Shop]? }
        struct Shop: Decodable {
            let id: String
            let name: String?
            let region: String?
            let sellerType: String?
            let cipher: String?
            let code: String?
            enum CodingKeys: String, CodingKey { case id, name, region, sellerType = "seller_type", cipher, code }
        }
        let data: Shops?
    }

    public init(settings: TikTokShopSettings, shop: TikTokShopSettings.Shop, vault: TokenVault, runner: RequestRunner,
                now: @escaping @Sendable () -> Date = Date.init) {
        self.shopID = shop.shopID
        self.settings = settings
        self.runner = runner
        self.now = now
        self.keeper = TokenKeeper(
            platform: .tiktokShop, accountID: shop.shopID, vault: vault, bootstrapRefreshToken: shop.refreshToken,
            margin: TikTokShop.refreshMargin, now: now,
            exchange: { refreshToken in try await Self.exchange(refreshToken, settings: settings, runner: runner) })
    }

    /// Sends a call, signing it anew for every attempt, and returns the body of the successful response.
    func send(_ call: TikTokShop.Call) async throws -> Data {
        let cipher = call.isShopScoped ? try await shopCipher() : nil
        let response = try await runner.run(
            endpoint: call.path,
            build: {
                let token = try await self.keeper.valid().accessToken
                return call.request(baseURL: self.settings.baseURL, appKey: self.settings.appKey, appSecret: self.settings.appSecret,
                                    timestamp: Int64(self.now().timeIntervalSince1970), accessToken: token, shopCipher: cipher)
            },
            classify: { TikTokShop.classify($0, endpoint: call.path) },
            refresh: { _ = try await self.keeper.refresh() })
        return response.body
    }

    /// The shops the authorisation covers, as received, and this shop among them.
    func authorizedShops() async throws -> (body: Data, shop: ShopsEnvelope.Shop) {
        let call = TikTokShop.Requests.authorizedShops()
        let body = try await send(call)
        let shops = try decodeResponse(ShopsEnvelope.self, body, platform: .tiktokShop, endpoint: call.path).data?.shops ?? []
        guard let shop = shops.first(where: { $0.id == shopID }) else {
            throw ConnectorError(.authentication, platform: .tiktokShop, endpoint: call.path,
                                 message: "shop \(shopID) is not among the shops this authorisation covers (\(shops.map(\.id).joined(separator: ", ")))")
        }
        guard let cipher = shop.cipher, !cipher.isEmpty else {
            throw ConnectorError(.invalidResponse, platform: .tiktokShop, endpoint: call.path, message: "shop \(shopID) has no cipher")
        }
        self.cipher = cipher
        return (body, shop)
    }

    private func shopCipher() async throws -> String {
        if let cipher { return cipher }
        return try await authorizedShops().shop.cipher ?? ""
    }

    /// `/api/v2/token/refresh` on the auth host: new tokens for a refresh token.
    private static func exchange(_ refreshToken: String, settings: TikTokShopSettings, runner: RequestRunner) async throws -> TokenKeeper.Tokens {
        let endpoint = "/api/v2/token/refresh"
        let response = try await runner.run(
            endpoint: endpoint,
            build: {
                HTTPRequestValue(method: .get, url: TikTokShop.refreshTokenURL(authURL: settings.authURL, appKey: settings.appKey,
                                                                               appSecret: settings.appSecret, refreshToken: refreshToken))
            },
            classify: { response in
                // A refused refresh token is final: do not ask for another refresh.
                if case .refreshCredentials(let error) = TikTokShop.classify(response, endpoint: endpoint) { return .fail(error) }
                return TikTokShop.classify(response, endpoint: endpoint)
            })
        let data = try decodeResponse(TokenEnvelope.self, response.body, platform: .tiktokShop, endpoint: endpoint).data
        guard let access = data?.accessToken, let refresh = data?.refreshToken, let expiresAt = data?.accessTokenExpireIn else {
            throw ConnectorError(.invalidResponse, platform: .tiktokShop, endpoint: endpoint,
                                 message: "token response lacks access_token, refresh_token or access_token_expire_in")
        }
        return TokenKeeper.Tokens(accessToken: access, refreshToken: refresh, accessExpiresAt: expiresAt,
                                  refreshExpiresAt: data?.refreshTokenExpireIn)
    }
}
