import OmnidashCore

/// TikTok Shop's entry in `/_sandbox/credentials`, under the Partner API's own names. `base_url` is the API host
/// (paths such as `/order/202309/orders/search` follow it directly, and are what is signed); `auth_url` stands for
/// `https://auth.tiktok-shops.com` (`/api/v2/token/get` and `/api/v2/token/refresh` follow it).
public struct TikTokShopSandboxCredentials: PlatformCredentials, Equatable {
    public static let platform = Platform.tiktokShop

    public var baseURL: String
    public var authURL: String
    public var appKey: String
    public var appSecret: String
    /// The shop's `id` in `/authorization/202309/shops`, as text (it does not always fit a JSON double).
    public var shopID: String
    /// The shop's `cipher`, sent as `shop_cipher` on shop APIs.
    public var shopCipher: String
    /// A current access token (header `x-tts-access-token`), valid 7 days from the Sandbox's start.
    public var accessToken: String
    /// A refresh token standing in for the seller's authorisation; it never expires and can be used again and again,
    /// so every fresh warehouse or test can start from it.
    public var refreshToken: String

    public init(baseURL: String, authURL: String, appKey: String, appSecret: String, shopID: String, shopCipher: String,
                accessToken: String, refreshToken: String) {
        self.baseURL = baseURL
        self.authURL = authURL
        self.appKey = appKey
        self.appSecret = appSecret
        self.shopID = shopID
        self.shopCipher = shopCipher
        self.accessToken = accessToken
        self.refreshToken = refreshToken
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", authURL = "auth_url", appKey = "app_key", appSecret = "app_secret", shopID = "shop_id",
             shopCipher = "shop_cipher", accessToken = "access_token", refreshToken = "refresh_token"
    }

    /// The emulator enforces TikTok's own limit (50 requests a second per API), so the connector is held to it
    /// rather than to `rateLimit` when that is faster: finance pages answer fast enough to exceed it.
    public func settings(rateLimit: OmnidashConfiguration.RateLimit) -> any SourceSettings {
        let published = OmnidashConfiguration.RateLimit(requests: TikTokShopRateLimiter.requestsPerSecond, perSeconds: 1)
        let faster = Double(rateLimit.requests) / rateLimit.perSeconds > Double(published.requests) / published.perSeconds
        return TikTokShopSettings(baseURL: baseURL, authURL: authURL, appKey: appKey, appSecret: appSecret,
                                  shops: [.init(shopID: shopID, refreshToken: refreshToken)], rateLimit: faster ? published : rateLimit)
    }

    public var summary: [(name: String, value: String)] {
        [("base_url", baseURL), ("auth_url", authURL), ("app_key", appKey), ("app_secret", appSecret), ("shop_id", shopID),
         ("shop_cipher", shopCipher), ("refresh_token", refreshToken)]
    }
}

extension SandboxCredentials {
    /// The Sandbox's TikTok Shop credentials; it always emulates TikTok Shop.
    public var tiktokShop: TikTokShopSandboxCredentials { self[TikTokShopSandboxCredentials.self]! }
}
