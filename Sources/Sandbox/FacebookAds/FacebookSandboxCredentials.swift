import OmnidashCore

/// Meta's entry in `/_sandbox/credentials`, under the Marketing API's own names.
public struct FacebookSandboxCredentials: PlatformCredentials, Equatable {
    public static let platform = Platform.facebookAds

    /// The Graph host the SDKs take; paths start with the version, `/v27.0/…`.
    public var baseURL: String
    /// The newest Marketing API version Meta serves on the world's today (`GraphVersion`); older served ones work too.
    public var apiVersion: String
    public var accessToken: String
    /// The app secret, for `appsecret_proof` (checked when sent; required with the option `appsecret-proof=required`).
    public var appSecret: String
    /// Ad account ids with their `act_` prefix.
    public var accountIDs: [String]

    public init(baseURL: String, apiVersion: String, accessToken: String, appSecret: String, accountIDs: [String]) {
        self.baseURL = baseURL
        self.apiVersion = apiVersion
        self.accessToken = accessToken
        self.appSecret = appSecret
        self.accountIDs = accountIDs
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", apiVersion = "api_version", accessToken = "access_token", appSecret = "app_secret",
             accountIDs = "account_ids"
    }

    public func settings(rateLimit: OmnidashConfiguration.RateLimit) -> any SourceSettings {
        FacebookAdsSettings(baseURL: baseURL, apiVersion: apiVersion, accessToken: accessToken, appSecret: appSecret,
                            accounts: accountIDs, rateLimit: rateLimit)
    }

    public var summary: [(name: String, value: String)] {
        [("base_url", baseURL), ("api_version", apiVersion), ("access_token", accessToken), ("app_secret", appSecret),
         ("accounts", accountIDs.joined(separator: ", "))]
    }
}

extension SandboxCredentials {
    /// The Sandbox's Meta credentials; it always emulates Meta.
    public var facebook: FacebookSandboxCredentials { self[FacebookSandboxCredentials.self]! }
}
