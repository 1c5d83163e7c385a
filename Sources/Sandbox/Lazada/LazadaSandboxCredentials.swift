import OmnidashCore

/// Lazada's entry in `/_sandbox/credentials`, under the Open Platform's own names. `base_url` ends in `/rest`, as the
/// Lazada SDKs take their gateway URL.
public struct LazadaSandboxCredentials: PlatformCredentials, Equatable {
    public static let platform = Platform.lazada

    public var baseURL: String
    public var appKey: String
    public var appSecret: String
    /// The seller's id (`seller_id`).
    public var sellerID: Int64
    /// A current access token, valid for the token's lifetime from the Sandbox's start.
    public var accessToken: String
    /// A refresh token standing in for the seller's authorisation; it can be used again and again, so every fresh
    /// warehouse or test can start from it.
    public var refreshToken: String

    public init(baseURL: String, appKey: String, appSecret: String, sellerID: Int64, accessToken: String, refreshToken: String) {
        self.baseURL = baseURL
        self.appKey = appKey
        self.appSecret = appSecret
        self.sellerID = sellerID
        self.accessToken = accessToken
        self.refreshToken = refreshToken
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", appKey = "app_key", appSecret = "app_secret", sellerID = "seller_id",
             accessToken = "access_token", refreshToken = "refresh_token"
    }

    public func settings(rateLimit: OmnidashConfiguration.RateLimit) -> any SourceSettings {
        LazadaSettings(baseURL: baseURL, appKey: appKey, appSecret: appSecret,
                       sellers: [.init(sellerID: sellerID, refreshToken: refreshToken)], rateLimit: rateLimit)
    }

    public var summary: [(name: String, value: String)] {
        [("base_url", baseURL), ("app_key", appKey), ("app_secret", appSecret), ("seller_id", String(sellerID)),
         ("refresh_token", refreshToken)]
    }
}

extension SandboxCredentials {
    /// The Sandbox's Lazada credentials; it always emulates Lazada.
    public var lazada: LazadaSandboxCredentials { self[LazadaSandboxCredentials.self]! }
}
