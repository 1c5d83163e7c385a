import OmnidashCore

/// TikTok Ads' entry in `/_sandbox/credentials`, under the Marketing API's own names.
public struct TikTokAdsSandboxCredentials: PlatformCredentials, Equatable {
    public static let platform = Platform.tiktokAds

    /// The host the official SDK takes; paths start `/open_api/v1.3/`.
    public var baseURL: String
    /// Sent as the `Access-Token` header.
    public var accessToken: String
    /// The advertisers the token is authorised for.
    public var advertiserIDs: [String]
    /// The developer app, for `oauth2/advertiser/get/`.
    public var appID: String
    public var secret: String

    public init(baseURL: String, accessToken: String, advertiserIDs: [String], appID: String, secret: String) {
        self.baseURL = baseURL
        self.accessToken = accessToken
        self.advertiserIDs = advertiserIDs
        self.appID = appID
        self.secret = secret
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", accessToken = "access_token", advertiserIDs = "advertiser_ids", appID = "app_id", secret
    }

    public func settings(rateLimit: OmnidashConfiguration.RateLimit) -> any SourceSettings {
        TikTokAdsSettings(baseURL: baseURL, accessToken: accessToken, advertiserIDs: advertiserIDs, appID: appID, secret: secret,
                          rateLimit: rateLimit)
    }

    public var summary: [(name: String, value: String)] {
        [("base_url", baseURL), ("access_token", accessToken), ("advertiser_ids", advertiserIDs.joined(separator: ", ")),
         ("app_id", appID), ("secret", secret)]
    }
}
