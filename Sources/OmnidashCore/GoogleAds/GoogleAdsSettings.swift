/// `sources.google`: Google Ads API (REST) reports of one or more client customers, read through a manager account.
public struct GoogleAdsSettings: SourceSettings {
    public static let platform = Platform.googleAds

    /// `base_url`: default `https://googleads.googleapis.com`.
    public var baseURL: String
    /// `api_version`: default `v26`, the latest version (ads-apis.md §3.1). Google sunsets a version about a year after
    /// its release, so a long-lived configuration names its own.
    public var apiVersion: String
    /// `token_url`: default `https://oauth2.googleapis.com/token`.
    public var tokenURL: String
    /// `client_id`, `client_secret` (required): the Google Cloud OAuth client.
    public var clientID: String
    public var clientSecret: String
    /// `refresh_token` (required): the seller's authorisation, with the `adwords` scope.
    public var refreshToken: String
    /// `developer_token` (required): the Google Ads API developer token.
    public var developerToken: String
    /// `login_customer_id`: the manager account the customers are reached through, digits only.
    public var loginCustomerID: String?
    /// `customer_ids` (at least one): client customer ids, with or without dashes.
    public var customerIDs: [String]
    /// `lookback_days`: days re-fetched on every sync; conversions restate within the conversion window. Default 30.
    public var lookbackDays: Int

    public var restatementDays: Int? { lookbackDays }
    /// `rate_limit`: default 1 request a second per customer (Airbyte caps itself far higher; basic access allows
    /// 15,000 operations a day).
    public var rateLimit: OmnidashConfiguration.RateLimit

    public static let defaultBaseURL = "https://googleads.googleapis.com"
    public static let defaultAPIVersion = "v26"
    public static let defaultTokenURL = "https://oauth2.googleapis.com/token"
    public static let defaultRateLimit = OmnidashConfiguration.RateLimit(requests: 1, perSeconds: 1)

    public init(baseURL: String = defaultBaseURL, apiVersion: String = defaultAPIVersion, tokenURL: String = defaultTokenURL,
                clientID: String, clientSecret: String, refreshToken: String, developerToken: String,
                loginCustomerID: String? = nil, customerIDs: [String], lookbackDays: Int = 30,
                rateLimit: OmnidashConfiguration.RateLimit = defaultRateLimit) {
        self.baseURL = baseURL
        self.apiVersion = apiVersion
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.refreshToken = refreshToken
        self.developerToken = developerToken
        self.loginCustomerID = loginCustomerID
        self.customerIDs = customerIDs
        self.lookbackDays = lookbackDays
        self.rateLimit = rateLimit
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", apiVersion = "api_version", tokenURL = "token_url", clientID = "client_id",
             clientSecret = "client_secret", refreshToken = "refresh_token", developerToken = "developer_token",
             loginCustomerID = "login_customer_id", customerIDs = "customer_ids", lookbackDays = "lookback_days",
             rateLimit = "rate_limit"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL) ?? Self.defaultBaseURL
        apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion) ?? Self.defaultAPIVersion
        tokenURL = try c.decodeIfPresent(String.self, forKey: .tokenURL) ?? Self.defaultTokenURL
        clientID = try c.decode(String.self, forKey: .clientID)
        clientSecret = try c.decode(String.self, forKey: .clientSecret)
        refreshToken = try c.decode(String.self, forKey: .refreshToken)
        developerToken = try c.decode(String.self, forKey: .developerToken)
        loginCustomerID = try c.decodeIfPresent(String.self, forKey: .loginCustomerID)
        customerIDs = try c.decode([String].self, forKey: .customerIDs)
        lookbackDays = try c.decodeIfPresent(Int.self, forKey: .lookbackDays) ?? 30
        rateLimit = try c.decodeIfPresent(OmnidashConfiguration.RateLimit.self, forKey: .rateLimit) ?? Self.defaultRateLimit
    }

    /// `123-456-7890` → `1234567890`: the API takes customer ids as ten digits without dashes.
    public static func digits(_ id: String) -> String { String(id.filter(\.isNumber)) }

    /// Customer ids as ten digits, as the API and the warehouse carry them.
    public var accountIDs: [String] { customerIDs.map(Self.digits) }

    public func problems(at path: String) -> [String] {
        var problems = Self.urlProblems(baseURL, at: "\(path).base_url") + Self.urlProblems(tokenURL, at: "\(path).token_url")
        for (key, value) in [("client_id", clientID), ("client_secret", clientSecret), ("refresh_token", refreshToken),
                             ("developer_token", developerToken)] where value.isEmpty {
            problems.append("\(path).\(key): is empty")
        }
        if !apiVersion.hasPrefix("v") || Int(apiVersion.dropFirst()) == nil {
            problems.append("\(path).api_version: '\(apiVersion)' is not a version like v26")
        }
        if customerIDs.isEmpty { problems.append("\(path).customer_ids: list at least one customer") }
        for (index, id) in customerIDs.enumerated() where !Self.isCustomerID(id) {
            problems.append("\(path).customer_ids[\(index)]: '\(id)' is not a ten-digit customer id")
        }
        if let login = loginCustomerID, !Self.isCustomerID(login) {
            problems.append("\(path).login_customer_id: '\(login)' is not a ten-digit customer id")
        }
        if !(1...90).contains(lookbackDays) {
            problems.append("\(path).lookback_days: must be 1…90 (Google's longest conversion window)")
        }
        return problems + rateLimit.problems(at: "\(path).rate_limit")
    }

    /// Ten digits, dashes allowed between them (`123-456-7890`).
    static func isCustomerID(_ id: String) -> Bool {
        id.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") } && digits(id).count == 10
    }

    public static let initTemplate = """
          google:
            base_url: https://googleads.googleapis.com
            api_version: v26
            token_url: https://oauth2.googleapis.com/token
            # The Google Cloud OAuth client and the seller's refresh token (scope https://www.googleapis.com/auth/adwords).
            client_id: ${GOOGLE_ADS_CLIENT_ID}
            client_secret: ${GOOGLE_ADS_CLIENT_SECRET}
            refresh_token: ${GOOGLE_ADS_REFRESH_TOKEN}
            developer_token: ${GOOGLE_ADS_DEVELOPER_TOKEN}
            # The manager account the customers are reached through (digits only); omit for direct access.
            login_customer_id: ${GOOGLE_ADS_LOGIN_CUSTOMER_ID}
            customer_ids:
              - ${GOOGLE_ADS_CUSTOMER_ID}
            # Days re-fetched on every sync; conversions restate within the conversion window.
            lookback_days: 30
            rate_limit: { requests: 1, per_seconds: 1 }

        """
}
