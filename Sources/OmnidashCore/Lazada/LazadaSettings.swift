/// `sources.lazada`: Lazada Open Platform, one app and the sellers that authorised it.
public struct LazadaSettings: SourceSettings {
    public static let platform = Platform.lazada

    /// `base_url`: the country's API gateway, default Thailand's `https://api.lazada.co.th/rest`.
    public var baseURL: String
    /// `auth_url`: where tokens are created and refreshed, default `https://auth.lazada.com/rest`.
    public var authURL: String
    /// `app_key` (required).
    public var appKey: String
    /// `app_secret` (required; write it as `${LAZADA_APP_SECRET}`).
    public var appSecret: String
    /// `sellers` (at least one).
    public var sellers: [Seller]
    /// `rate_limit`: default 60 requests a minute per seller.
    public var rateLimit: OmnidashConfiguration.RateLimit
    /// `ads`: also read each seller's Sponsored Solutions (Sponsored Discovery) campaigns and reports. Default true.
    public var ads: Bool

    public static let defaultBaseURL = "https://api.lazada.co.th/rest"
    public static let defaultAuthURL = "https://auth.lazada.com/rest"
    public static let defaultRateLimit = OmnidashConfiguration.RateLimit(requests: 60, perSeconds: 60)

    public struct Seller: Sendable, Codable, Equatable {
        /// `seller_id` (required).
        public var sellerID: Int64
        /// `refresh_token`: from the seller's authorisation; used when the warehouse holds no token for this seller yet.
        public var refreshToken: String?

        public init(sellerID: Int64, refreshToken: String?) {
            self.sellerID = sellerID
            self.refreshToken = refreshToken
        }

        enum CodingKeys: String, CodingKey {
            case sellerID = "seller_id", refreshToken = "refresh_token"
        }
    }

    public init(baseURL: String = defaultBaseURL, authURL: String? = nil, appKey: String, appSecret: String, sellers: [Seller],
                rateLimit: OmnidashConfiguration.RateLimit = defaultRateLimit, ads: Bool = true) {
        self.baseURL = baseURL
        // Anything but the real gateway (the Sandbox, a proxy) serves the token calls itself.
        self.authURL = authURL ?? (baseURL == Self.defaultBaseURL ? Self.defaultAuthURL : baseURL)
        self.appKey = appKey
        self.appSecret = appSecret
        self.sellers = sellers
        self.rateLimit = rateLimit
        self.ads = ads
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", authURL = "auth_url", appKey = "app_key", appSecret = "app_secret", sellers,
             rateLimit = "rate_limit", ads
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(baseURL: try c.decodeIfPresent(String.self, forKey: .baseURL) ?? Self.defaultBaseURL,
                  authURL: try c.decodeIfPresent(String.self, forKey: .authURL),
                  appKey: try c.decode(String.self, forKey: .appKey),
                  appSecret: try c.decode(String.self, forKey: .appSecret),
                  sellers: try c.decode([Seller].self, forKey: .sellers),
                  rateLimit: try c.decodeIfPresent(OmnidashConfiguration.RateLimit.self, forKey: .rateLimit) ?? Self.defaultRateLimit,
                  ads: try c.decodeIfPresent(Bool.self, forKey: .ads) ?? true)
    }

    public var accountIDs: [String] { sellers.map { String($0.sellerID) } }

    public func problems(at path: String) -> [String] {
        var problems = Self.urlProblems(baseURL, at: "\(path).base_url") + Self.urlProblems(authURL, at: "\(path).auth_url")
        if appKey.isEmpty { problems.append("\(path).app_key: is empty") }
        if appSecret.isEmpty { problems.append("\(path).app_secret: is empty") }
        if sellers.isEmpty { problems.append("\(path).sellers: list at least one seller") }
        return problems + rateLimit.problems(at: "\(path).rate_limit")
    }

    public static let initTemplate = """
          lazada:
            # The country's gateway; tokens are created and refreshed at https://auth.lazada.com/rest.
            base_url: https://api.lazada.co.th/rest
            app_key: ${LAZADA_APP_KEY}
            app_secret: ${LAZADA_APP_SECRET}
            sellers:
              # The refresh token from the seller's authorisation; Omnidash keeps the ones that follow.
              - seller_id: ${LAZADA_SELLER_ID}
                refresh_token: ${LAZADA_REFRESH_TOKEN}
            rate_limit: { requests: 60, per_seconds: 60 }
            # Also read the sellers' Sponsored Solutions reports and campaigns.
            ads: true

        """
}
