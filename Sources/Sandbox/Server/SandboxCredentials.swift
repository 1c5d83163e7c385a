/// Everything a connector needs to talk to a running Sandbox, as served at `GET /_sandbox/credentials`.
///
/// JSON keys are snake_case.
public struct SandboxCredentials: Codable, Sendable, Equatable {
    public struct Shopee: Codable, Sendable, Equatable {
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
            case baseURL = "base_url"
            case partnerID = "partner_id"
            case partnerKey = "partner_key"
            case shopID = "shop_id"
            case refreshToken = "refresh_token"
        }
    }

    public struct Facebook: Codable, Sendable, Equatable {
        public var baseURL: String
        /// A Graph API version such as `v24.0`; the emulator accepts any `vN.N`.
        public var apiVersion: String
        public var accessToken: String
        /// The app secret, for `appsecret_proof` (which the emulator requires).
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
            case baseURL = "base_url"
            case apiVersion = "api_version"
            case accessToken = "access_token"
            case appSecret = "app_secret"
            case accountIDs = "account_ids"
        }
    }

    public struct FX: Codable, Sendable, Equatable {
        /// `baseURL + "/_sandbox/fx"`.
        public var url: String

        public init(url: String) {
            self.url = url
        }
    }

    public var shopee: Shopee
    public var facebook: Facebook
    public var fx: FX

    public init(shopee: Shopee, facebook: Facebook, fx: FX) {
        self.shopee = shopee
        self.facebook = facebook
        self.fx = fx
    }
}
