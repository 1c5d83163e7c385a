import OmnidashCore

/// Shopee's entry in `/_sandbox/credentials`, under Shopee's own names.
public struct ShopeeSandboxCredentials: PlatformCredentials, Equatable {
    public static let platform = Platform.shopee

    /// The host the Open Platform SDKs take; paths start with `/api/v2/`.
    public var baseURL: String
    public var partnerID: Int64
    public var partnerKey: String
    public var shopID: Int64
    /// A refresh token standing in for the seller's authorisation; unlike refreshed tokens it can be used
    /// again and again, so every fresh warehouse or test can start from it.
    public var refreshToken: String

    public init(baseURL: String, partnerID: Int64, partnerKey: String, shopID: Int64, refreshToken: String) {
        self.baseURL = baseURL
        self.partnerID = partnerID
        self.partnerKey = partnerKey
        self.shopID = shopID
        self.refreshToken = refreshToken
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", partnerID = "partner_id", partnerKey = "partner_key", shopID = "shop_id",
             refreshToken = "refresh_token"
    }

    public func settings(rateLimit: OmnidashConfiguration.RateLimit) -> any SourceSettings {
        ShopeeSettings(baseURL: baseURL, partnerID: partnerID, partnerKey: partnerKey,
                       shops: [.init(shopID: shopID, refreshToken: refreshToken)], rateLimit: rateLimit)
    }

    public var summary: [(name: String, value: String)] {
        [("base_url", baseURL), ("partner_id", String(partnerID)), ("partner_key", partnerKey), ("shop_id", String(shopID)),
         ("refresh_token", refreshToken)]
    }
}

extension SandboxCredentials {
    /// The Sandbox's Shopee credentials; it always emulates Shopee.
    public var shopee: ShopeeSandboxCredentials { self[ShopeeSandboxCredentials.self]! }
}
