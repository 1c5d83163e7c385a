/// `sources.tiktok`: TikTok Shop's Partner API, one app and the shops that authorised it.
public struct TikTokShopSettings: SourceSettings {
    public static let platform = Platform.tiktokShop

    /// `base_url`: the Partner API host, default `https://open-api.tiktokglobalshop.com`.
    public var baseURL: String
    /// `auth_url`: where tokens are got and refreshed, default `https://auth.tiktok-shops.com`.
    public var authURL: String
    /// `app_key` (required).
    public var appKey: String
    /// `app_secret` (required; write it as `${TIKTOK_APP_SECRET}`).
    public var appSecret: String
    /// `shops` (at least one).
    public var shops: [Shop]
    /// `rate_limit`: default 20 requests a second per shop, well inside TikTok's 50 per API per shop.
    public var rateLimit: OmnidashConfiguration.RateLimit

    public static let defaultBaseURL = "https://open-api.tiktokglobalshop.com"
    public static let defaultAuthURL = "https://auth.tiktok-shops.com"
    public static let defaultRateLimit = OmnidashConfiguration.RateLimit(requests: 20, perSeconds: 1)

    public struct Shop: Sendable, Codable, Equatable {
        /// `shop_id` (required): the shop's `id` in `/authorization/202309/shops`.
        public var shopID: String
        /// `refresh_token`: from the seller's authorisation; used when the warehouse holds no token for this shop yet.
        public var refreshToken: String?

        public init(shopID: String, refreshToken: String?) {
            self.shopID = shopID
            self.refreshToken = refreshToken
        }

        enum CodingKeys: String, CodingKey {
            case shopID = "shop_id", refreshToken = "refresh_token"
        }
    }

    public init(baseURL: String = defaultBaseURL, authURL: String? = nil, appKey: String, appSecret: String, shops: [Shop],
                rateLimit: OmnidashConfiguration.RateLimit = defaultRateLimit) {
        self.baseURL = baseURL
        // Anything but the real host (the Sandbox, a proxy) serves the token calls itself.
        self.authURL = authURL ?? (baseURL == Self.defaultBaseURL ? Self.defaultAuthURL : baseURL)
        self.appKey = appKey
        self.appSecret = appSecret
        self.shops = shops
        self.rateLimit = rateLimit
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", authURL = "auth_url", appKey = "app_key", appSecret = "app_secret", shops, rateLimit = "rate_limit"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(baseURL: try c.decodeIfPresent(String.self, forKey: .baseURL) ?? Self.defaultBaseURL,
                  authURL: try c.decodeIfPresent(String.self, forKey: .authURL),
                  appKey: try c.decode(String.self, forKey: .appKey),
                  appSecret: try c.decode(String.self, forKey: .appSecret),
                  shops: try c.decode([Shop].self, forKey: .shops),
                  rateLimit: try c.decodeIfPresent(OmnidashConfiguration.RateLimit.self, forKey: .rateLimit) ?? Self.defaultRateLimit)
    }

    public var accountIDs: [String] { shops.map(\.shopID) }

    public func problems(at path: String) -> [String] {
        var problems = Self.urlProblems(baseURL, at: "\(path).base_url") + Self.urlProblems(authURL, at: "\(path).auth_url")
        if appKey.isEmpty { problems.append("\(path).app_key: is empty") }
        if appSecret.isEmpty { problems.append("\(path).app_secret: is empty") }
        if shops.isEmpty { problems.append("\(path).shops: list at least one shop") }
        for (index, shop) in shops.enumerated() where shop.shopID.isEmpty || !shop.shopID.allSatisfy(\.isNumber) {
            problems.append("\(path).shops[\(index)].shop_id: '\(shop.shopID)' is not a TikTok Shop id (digits)")
        }
        return problems + rateLimit.problems(at: "\(path).rate_limit")
    }

    public static let initTemplate = """
          tiktok:
            # TikTok Shop Partner API; tokens are got and refreshed at https://auth.tiktok-shops.com.
            base_url: https://open-api.tiktokglobalshop.com
            app_key: ${TIKTOK_APP_KEY}
            app_secret: ${TIKTOK_APP_SECRET}
            shops:
              # The shop's id from Seller Center, and the refresh token from its authorisation; Omnidash keeps the ones that follow.
              - shop_id: ${TIKTOK_SHOP_ID}
                refresh_token: ${TIKTOK_REFRESH_TOKEN}
            rate_limit: { requests: 20, per_seconds: 1 }

        """
}
