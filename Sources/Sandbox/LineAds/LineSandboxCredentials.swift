import OmnidashCore

/// LINE Ads' entry in `/_sandbox/credentials`, under the API's own names.
public struct LineSandboxCredentials: PlatformCredentials, Equatable {
    public static let platform = Platform.lineAds

    /// The host the samples take (`https://ads.line.me` in production); paths start with `/api/v3/`.
    public var baseURL: String
    /// The JWS `kid`.
    public var accessKey: String
    /// The HMAC-SHA256 key of the JWS.
    public var secretKey: String
    /// `A…` ids of the group's ad accounts.
    public var adAccountIDs: [String]
    /// The group whose accounts `GET /api/v3/groups/{groupId}/adaccounts` lists.
    public var groupID: String

    public init(baseURL: String, accessKey: String, secretKey: String, adAccountIDs: [String], groupID: String) {
        self.baseURL = baseURL
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.adAccountIDs = adAccountIDs
        self.groupID = groupID
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", accessKey = "access_key", secretKey = "secret_key", adAccountIDs = "ad_account_ids",
             groupID = "group_id"
    }

    public func settings(rateLimit: OmnidashConfiguration.RateLimit) -> any SourceSettings {
        LineAdsSettings(baseURL: baseURL, accessKey: accessKey, secretKey: secretKey, adAccountIDs: adAccountIDs,
                        rateLimit: rateLimit)
    }

    public var summary: [(name: String, value: String)] {
        [("base_url", baseURL), ("access_key", accessKey), ("secret_key", secretKey),
         ("ad_account_ids", adAccountIDs.joined(separator: ", ")), ("group_id", groupID)]
    }
}

extension SandboxCredentials {
    /// The Sandbox's LINE Ads credentials.
    public var line: LineSandboxCredentials { self[LineSandboxCredentials.self]! }
}
