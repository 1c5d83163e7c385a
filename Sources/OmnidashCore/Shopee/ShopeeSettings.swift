/// `sources.shopee`: Shopee Open Platform v2.
public struct ShopeeSettings: SourceSettings {
    public static let platform = Platform.shopee

    /// `base_url`: default `https://partner.shopeemobile.com`.
    public var baseURL: String
    /// `partner_id` (required).
    public var partnerID: Int64
    /// `partner_key` (required; write it as `${SHOPEE_PARTNER_KEY}`).
    public var partnerKey: String
    /// `shops` (at least one).
    public var shops: [Shop]
    /// `rate_limit`: default 60 requests a minute per shop (the seed plan's figure).
    public var rateLimit: OmnidashConfiguration.RateLimit
    /// `ads`: also read each shop's Shopee Ads (product campaigns' daily performance and settings). Default true.
    public var ads: Bool

    public static let defaultBaseURL = "https://partner.shopeemobile.com"
    public static let defaultRateLimit = OmnidashConfiguration.RateLimit(requests: 60, perSeconds: 60)

    public struct Shop: Sendable, Codable, Equatable {
        /// `shop_id` (required).
        public var shopID: Int64
        /// `refresh_token`: used once, when the warehouse holds no token for this shop yet.
        public var refreshToken: String?

        public init(shopID: Int64, refreshToken: String?) {
            self.shopID = shopID
            self.refreshToken = refreshToken
        }

        enum CodingKeys: String, CodingKey {
            case shopID = "shop_id", refreshToken = "refresh_token"
        }
    }

    public init(baseURL: String = defaultBaseURL, partnerID: Int64, partnerKey: String, shops: [Shop],
                rateLimit: OmnidashConfiguration.RateLimit = defaultRateLimit, ads: Bool = true) {
        self.baseURL = baseURL
        self.partnerID = partnerID
        self.partnerKey = partnerKey
        self.shops = shops
        self.rateLimit = rateLimit
        self.ads = ads
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", partnerID = "partner_id", partnerKey = "partner_key", shops, rateLimit = "rate_limit", ads
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL) ?? Self.defaultBaseURL
        partnerID = try c.decode(Int64.self, forKey: .partnerID)
        partnerKey = try c.decode(String.self, forKey: .partnerKey)
        shops = try c.decode([Shop].self, forKey: .shops)
        rateLimit = try c.decodeIfPresent(OmnidashConfiguration.RateLimit.self, forKey: .rateLimit) ?? Self.defaultRateLimit
        ads = try c.decodeIfPresent(Bool.self, forKey: .ads) ?? true
    }

    public var accountIDs: [String] { shops.map { String($0.shopID) } }

    public func problems(at path: String) -> [String] {
        var problems = Self.urlProblems(baseURL, at: "\(path).base_url")
        if partnerKey.isEmpty { problems.append("\(path).partner_key: is empty") }
        if shops.isEmpty { problems.append("\(path).shops: list at least one shop") }
        return problems + rateLimit.problems(at: "\(path).rate_limit")
    }

    public static let initTemplate = """
          shopee:
            base_url: https://partner.shopeemobile.com
            partner_id: ${SHOPEE_PARTNER_ID}
            partner_key: ${SHOPEE_PARTNER_KEY}
            shops:
              # The refresh token from the shop's authorisation; used once, Omnidash keeps the ones that follow.
              - shop_id: ${SHOPEE_SHOP_ID}
                refresh_token: ${SHOPEE_REFRESH_TOKEN}
            # Requests per shop; the seed plan's default is 60 a minute.
            rate_limit: { requests: 60, per_seconds: 60 }
            # Also read the shops' Shopee Ads (needs the Ads permission on the partner app).
            ads: true

        """
}
