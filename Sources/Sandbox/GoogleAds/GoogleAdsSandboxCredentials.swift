import OmnidashCore

/// Google Ads' entry in `/_sandbox/credentials` (under `google`), with the names the google-ads client libraries use in
/// `google-ads.yaml`: `client_id`, `client_secret`, `refresh_token`, `developer_token`, `login_customer_id`.
public struct GoogleAdsSandboxCredentials: PlatformCredentials, Equatable {
    public static let platform = Platform.googleAds

    /// The API host the client libraries take as their endpoint; paths start with the version, `/v26/customers/…`.
    public var baseURL: String
    public var clientID: String
    public var clientSecret: String
    public var refreshToken: String
    public var developerToken: String
    /// The manager account, digits only, for the `login-customer-id` header.
    public var loginCustomerID: String
    /// The client customers, ten digits without dashes.
    public var customerIDs: [String]
    /// The OAuth token endpoint (Google's is `https://oauth2.googleapis.com/token`).
    public var tokenURL: String
    /// The newest version served; `v23`…`v26` all answer.
    public var apiVersion: String

    public init(baseURL: String, clientID: String, clientSecret: String, refreshToken: String, developerToken: String,
                loginCustomerID: String, customerIDs: [String], tokenURL: String, apiVersion: String) {
        self.baseURL = baseURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.refreshToken = refreshToken
        self.developerToken = developerToken
        self.loginCustomerID = loginCustomerID
        self.customerIDs = customerIDs
        self.tokenURL = tokenURL
        self.apiVersion = apiVersion
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", clientID = "client_id", clientSecret = "client_secret", refreshToken = "refresh_token",
             developerToken = "developer_token", loginCustomerID = "login_customer_id", customerIDs = "customer_ids",
             tokenURL = "token_url", apiVersion = "api_version"
    }

    public func settings(rateLimit: OmnidashConfiguration.RateLimit) -> any SourceSettings {
        GoogleAdsSettings(baseURL: baseURL, apiVersion: apiVersion, tokenURL: tokenURL, clientID: clientID,
                          clientSecret: clientSecret, refreshToken: refreshToken, developerToken: developerToken,
                          loginCustomerID: loginCustomerID, customerIDs: customerIDs, rateLimit: rateLimit)
    }

    public var summary: [(name: String, value: String)] {
        [("base_url", baseURL), ("token_url", tokenURL), ("api_version", apiVersion), ("client_id", clientID),
         ("client_secret", clientSecret), ("refresh_token", refreshToken), ("developer_token", developerToken),
         ("login_customer_id", loginCustomerID), ("customer_ids", customerIDs.joined(separator: ", "))]
    }
}

extension SandboxCredentials {
    /// The Sandbox's Google Ads credentials; it always emulates Google Ads.
    public var google: GoogleAdsSandboxCredentials { self[GoogleAdsSandboxCredentials.self]! }
}
