import OmnidashCore

/// Shopee's entry in `/_sandbox/credentials`, under Shopee's own names.
///
/// One partner app authorised by every Shopee shop of the brand: `shops` lists them all, the reference shop first.
/// `shop_id` and `refresh_token` at the top level repeat the reference shop's, for clients written when the Sandbox
/// had one Shopee shop.
public struct ShopeeSandboxCredentials: PlatformCredentials, Equatable {
    public static let platform = Platform.shopee

    /// One shop's authorisation.
    public struct Shop: Codable, Sendable, Equatable {
        public var shopID: Int64
        /// A refresh token standing in for the seller's authorisation of this shop; unlike refreshed tokens it can
        /// be used again and again, so every fresh warehouse or test can start from it.
        public var refreshToken: String

        public init(shopID: Int64, refreshToken: String) {
            self.shopID = shopID
            self.refreshToken = refreshToken
        }

        enum CodingKeys: String, CodingKey {
            case shopID = "shop_id", refreshToken = "refresh_token"
        }
    }

    /// The host the Open Platform SDKs take; paths start with `/api/v2/`.
    public var baseURL: String
    public var partnerID: Int64
    public var partnerKey: String
    /// The reference shop's id.
    public var shopID: Int64
    /// The reference shop's bootstrap refresh token (see `Shop.refreshToken`).
    public var refreshToken: String
    /// Every Shopee shop, the reference shop first.
    public var shops: [Shop]

    /// Credentials for one shop alone.
    public init(baseURL: String, partnerID: Int64, partnerKey: String, shopID: Int64, refreshToken: String) {
        self.init(baseURL: baseURL, partnerID: partnerID, partnerKey: partnerKey,
                  shops: [Shop(shopID: shopID, refreshToken: refreshToken)])
    }

    /// Credentials for several shops; the first is the reference shop, repeated at the top level.
    public init(baseURL: String, partnerID: Int64, partnerKey: String, shops: [Shop]) {
        precondition(!shops.isEmpty, "Shopee credentials need at least one shop")
        self.baseURL = baseURL
        self.partnerID = partnerID
        self.partnerKey = partnerKey
        self.shopID = shops[0].shopID
        self.refreshToken = shops[0].refreshToken
        self.shops = shops
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", partnerID = "partner_id", partnerKey = "partner_key", shopID = "shop_id",
             refreshToken = "refresh_token", shops
    }

    /// Reads credentials with or without `shops`; without, the top-level shop is the only one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        baseURL = try container.decode(String.self, forKey: .baseURL)
        partnerID = try container.decode(Int64.self, forKey: .partnerID)
        partnerKey = try container.decode(String.self, forKey: .partnerKey)
        shopID = try container.decode(Int64.self, forKey: .shopID)
        refreshToken = try container.decode(String.self, forKey: .refreshToken)
        let listed = try container.decodeIfPresent([Shop].self, forKey: .shops) ?? []
        shops = listed.isEmpty ? [Shop(shopID: shopID, refreshToken: refreshToken)] : listed
    }

    /// `sources.shopee` with every shop, each with its bootstrap refresh token.
    public func settings(rateLimit: OmnidashConfiguration.RateLimit) -> any SourceSettings {
        ShopeeSettings(baseURL: baseURL, partnerID: partnerID, partnerKey: partnerKey,
                       shops: shops.map { .init(shopID: $0.shopID, refreshToken: $0.refreshToken) }, rateLimit: rateLimit)
    }

    public var summary: [(name: String, value: String)] {
        [("base_url", baseURL), ("partner_id", String(partnerID)), ("partner_key", partnerKey), ("shop_id", String(shopID)),
         ("refresh_token", refreshToken), ("shops", shops.map { String($0.shopID) }.joined(separator: ","))]
    }
}

extension SandboxCredentials {
    /// The Sandbox's Shopee credentials; it always emulates Shopee.
    public var shopee: ShopeeSandboxCredentials { self[ShopeeSandboxCredentials.self]! }
}
