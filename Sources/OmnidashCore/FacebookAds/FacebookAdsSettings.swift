/// `sources.facebook`: Meta Marketing API insights.
public struct FacebookAdsSettings: SourceSettings {
    public static let platform = Platform.facebookAds

    /// `base_url`: default `https://graph.facebook.com`.
    public var baseURL: String
    /// `api_version`: default `v26.0`, the version the official Python SDK pins. Meta retires a Marketing API version
    /// about a year after its release, so a long-lived configuration names its own.
    public var apiVersion: String
    /// `access_token` (required): a system-user token with `ads_read`.
    public var accessToken: String
    /// `app_secret`: when set, requests carry `appsecret_proof`.
    public var appSecret: String?
    /// `accounts` (at least one): ad account ids, with or without the `act_` prefix.
    public var accounts: [String]
    /// `lookback_days`: days re-fetched on every sync because conversions arrive late. Default 28.
    public var lookbackDays: Int

    public var restatementDays: Int? { lookbackDays }
    /// `rate_limit`: default 200 requests an hour per account (the seed plan's figure).
    public var rateLimit: OmnidashConfiguration.RateLimit

    public static let defaultBaseURL = "https://graph.facebook.com"
    public static let defaultAPIVersion = "v26.0"
    public static let defaultRateLimit = OmnidashConfiguration.RateLimit(requests: 200, perSeconds: 3600)

    public init(baseURL: String = defaultBaseURL, apiVersion: String = defaultAPIVersion, accessToken: String,
                appSecret: String? = nil, accounts: [String], lookbackDays: Int = 28,
                rateLimit: OmnidashConfiguration.RateLimit = defaultRateLimit) {
        self.baseURL = baseURL
        self.apiVersion = apiVersion
        self.accessToken = accessToken
        self.appSecret = appSecret
        self.accounts = accounts
        self.lookbackDays = lookbackDays
        self.rateLimit = rateLimit
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", apiVersion = "api_version", accessToken = "access_token",
             appSecret = "app_secret", accounts, lookbackDays = "lookback_days", rateLimit = "rate_limit"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL) ?? Self.defaultBaseURL
        apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion) ?? Self.defaultAPIVersion
        accessToken = try c.decode(String.self, forKey: .accessToken)
        appSecret = try c.decodeIfPresent(String.self, forKey: .appSecret)
        accounts = try c.decode([String].self, forKey: .accounts)
        lookbackDays = try c.decodeIfPresent(Int.self, forKey: .lookbackDays) ?? 28
        rateLimit = try c.decodeIfPresent(OmnidashConfiguration.RateLimit.self, forKey: .rateLimit) ?? Self.defaultRateLimit
    }

    /// Account ids without the `act_` prefix, as Meta's responses and the warehouse carry them.
    public var accountIDs: [String] { accounts.map { $0.hasPrefix("act_") ? String($0.dropFirst(4)) : $0 } }

    public func problems(at path: String) -> [String] {
        var problems = Self.urlProblems(baseURL, at: "\(path).base_url")
        if accessToken.isEmpty { problems.append("\(path).access_token: is empty") }
        if accounts.isEmpty { problems.append("\(path).accounts: list at least one ad account") }
        if !(1...28).contains(lookbackDays) {
            problems.append("\(path).lookback_days: must be 1…28 (Meta freezes insights after 28 days)")
        }
        return problems + rateLimit.problems(at: "\(path).rate_limit")
    }

    public static let initTemplate = """
          facebook:
            base_url: https://graph.facebook.com
            api_version: v26.0
            # A system-user token with ads_read.
            access_token: ${FACEBOOK_ACCESS_TOKEN}
            # Optional: requests then carry appsecret_proof.
            app_secret: ${FACEBOOK_APP_SECRET}
            accounts:
              - act_${FACEBOOK_AD_ACCOUNT_ID}
            # Days re-fetched on every sync; Meta restates conversions for 28 days.
            lookback_days: 28
            rate_limit: { requests: 200, per_seconds: 3600 }

        """
}
