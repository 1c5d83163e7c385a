/// `sources.tiktok_ads`: TikTok Marketing API (Business API v1.3) reports and ad entities.
public struct TikTokAdsSettings: SourceSettings {
    public static let platform = Platform.tiktokAds

    /// `base_url`: the API host, default `https://business-api.tiktok.com`; paths start `/open_api/v1.3/`.
    public var baseURL: String
    /// `access_token` (required): the advertiser-scoped token, sent as the `Access-Token` header.
    public var accessToken: String
    /// `advertiser_ids` (at least one): the advertisers the token was authorised for.
    public var advertiserIDs: [String]
    /// `app_id` and `secret`: the developer app's, kept for re-authorisation; reports do not need them.
    public var appID: String?
    public var secret: String?
    /// `lookback_days`: days re-fetched on every sync because TikTok attributes purchases late. Default 28.
    public var lookbackDays: Int
    /// `page_size`: rows per page, 1…1000 (TikTok's largest), default 1000.
    public var pageSize: Int
    /// `rate_limit`: default 10 requests a second per advertiser (TikTok's per-app QPS varies by tier).
    public var rateLimit: OmnidashConfiguration.RateLimit

    public static let defaultBaseURL = "https://business-api.tiktok.com"
    public static let defaultRateLimit = OmnidashConfiguration.RateLimit(requests: 10, perSeconds: 1)
    public static let defaultLookbackDays = 28

    public init(baseURL: String = defaultBaseURL, accessToken: String, advertiserIDs: [String], appID: String? = nil,
                secret: String? = nil, lookbackDays: Int = defaultLookbackDays, pageSize: Int = 1000, rateLimit: OmnidashConfiguration.RateLimit = defaultRateLimit) {
        self.baseURL = baseURL
        self.accessToken = accessToken
        self.advertiserIDs = advertiserIDs
        self.appID = appID
        self.secret = secret
        self.lookbackDays = lookbackDays
        self.pageSize = pageSize
        self.rateLimit = rateLimit
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", accessToken = "access_token", advertiserIDs = "advertiser_ids", appID = "app_id", secret,
             lookbackDays = "lookback_days", pageSize = "page_size", rateLimit = "rate_limit"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL) ?? Self.defaultBaseURL
        accessToken = try c.decode(String.self, forKey: .accessToken)
        advertiserIDs = try c.decode([String].self, forKey: .advertiserIDs)
        appID = try c.decodeIfPresent(String.self, forKey: .appID)
        secret = try c.decodeIfPresent(String.self, forKey: .secret)
        lookbackDays = try c.decodeIfPresent(Int.self, forKey: .lookbackDays) ?? Self.defaultLookbackDays
        pageSize = try c.decodeIfPresent(Int.self, forKey: .pageSize) ?? 1000
        rateLimit = try c.decodeIfPresent(OmnidashConfiguration.RateLimit.self, forKey: .rateLimit) ?? Self.defaultRateLimit
    }

    public var accountIDs: [String] { advertiserIDs }

    public func problems(at path: String) -> [String] {
        var problems = Self.urlProblems(baseURL, at: "\(path).base_url")
        if accessToken.isEmpty { problems.append("\(path).access_token: is empty") }
        if advertiserIDs.isEmpty { problems.append("\(path).advertiser_ids: list at least one advertiser") }
        for (index, id) in advertiserIDs.enumerated() where id.isEmpty || !id.allSatisfy(\.isASCIIDigit) {
            problems.append("\(path).advertiser_ids[\(index)]: '\(id)' is not a TikTok advertiser id (digits only)")
        }
        if !(1...364).contains(lookbackDays) {
            problems.append("\(path).lookback_days: must be 1…364 (TikTok's longest attribution window)")
        }
        if !(1...1000).contains(pageSize) { problems.append("\(path).page_size: must be 1…1000 (TikTok's largest page)") }
        return problems + rateLimit.problems(at: "\(path).rate_limit")
    }

    public static let initTemplate = """
          tiktok_ads:
            base_url: https://business-api.tiktok.com
            # The advertiser access token from TikTok's OAuth flow; sent as the Access-Token header.
            access_token: ${TIKTOK_ADS_ACCESS_TOKEN}
            advertiser_ids:
              - ${TIKTOK_ADS_ADVERTISER_ID}
            # Days re-fetched on every sync; TikTok attributes purchases to past days for up to 28 days.
            lookback_days: 28
            rate_limit: { requests: 10, per_seconds: 1 }

        """
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
