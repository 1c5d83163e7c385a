import Foundation

/// Everything Omnidash is told: decoded once from `omnidash.yaml` (after `${ENV}` interpolation) and
/// command-line overrides, validated before anything runs, then passed to the libraries as a value.
///
/// Keys are `snake_case` in YAML. Every key is optional except where noted; the default is given beside it.
public struct OmnidashConfiguration: Sendable, Codable, Equatable {
    /// `timezone`: IANA zone for business dates. Default `Asia/Bangkok`.
    public var timezone: String
    /// `currency`: reporting currency every amount is converted to. Default `THB`.
    public var currency: Currency
    /// `warehouse`: a file path, `sqlite:PATH` or `postgres://user@host:port/db?schema=NAME`. Default `omnidash.sqlite`.
    public var warehouse: String
    /// `secrets`: keys for hashing buyer PII and encrypting stored OAuth tokens. Required for `sync`.
    public var secrets: Secrets
    /// `sources`: the platforms to pull and their accounts.
    public var sources: Sources
    /// `fx`: where daily exchange rates come from.
    public var fx: FXSource?
    /// `dashboard`: where `serve` listens.
    public var dashboard: DashboardSettings
    /// `sync`: defaults for `omnidash sync`.
    public var sync: SyncSettings

    public init(
        timezone: String = "Asia/Bangkok",
        currency: Currency = .thb,
        warehouse: String = "omnidash.sqlite",
        secrets: Secrets = Secrets(),
        sources: Sources = Sources(),
        fx: FXSource? = nil,
        dashboard: DashboardSettings = DashboardSettings(),
        sync: SyncSettings = SyncSettings()
    ) {
        self.timezone = timezone
        self.currency = currency
        self.warehouse = warehouse
        self.secrets = secrets
        self.sources = sources
        self.fx = fx
        self.dashboard = dashboard
        self.sync = sync
    }

    public var calendar: BusinessCalendar {
        BusinessCalendar(timeZone: TimeZone(identifier: timezone) ?? TimeZone(identifier: "Asia/Bangkok")!)
    }

    public struct Secrets: Sendable, Codable, Equatable {
        /// `pii_key`: HMAC-SHA256 key for buyer names, e-mails, phones and addresses (16+ characters).
        public var piiKey: String?
        /// `token_key`: key that encrypts OAuth tokens stored in the warehouse (16+ characters).
        public var tokenKey: String?

        public init(piiKey: String? = nil, tokenKey: String? = nil) {
            self.piiKey = piiKey
            self.tokenKey = tokenKey
        }

        enum CodingKeys: String, CodingKey {
            case piiKey = "pii_key", tokenKey = "token_key"
        }
    }

    public struct Sources: Sendable, Codable, Equatable {
        public var shopee: ShopeeSource?
        public var facebook: FacebookSource?

        public init(shopee: ShopeeSource? = nil, facebook: FacebookSource? = nil) {
            self.shopee = shopee
            self.facebook = facebook
        }
    }

    /// `sources.shopee`: Shopee Open Platform v2.
    public struct ShopeeSource: Sendable, Codable, Equatable {
        /// `base_url`: default `https://partner.shopeemobile.com`.
        public var baseURL: String
        /// `partner_id` (required).
        public var partnerID: Int64
        /// `partner_key` (required; write it as `${SHOPEE_PARTNER_KEY}`).
        public var partnerKey: String
        /// `shops` (at least one).
        public var shops: [Shop]
        /// `rate_limit`: default 60 requests a minute per shop (the seed plan's figure).
        public var rateLimit: RateLimit

        public struct Shop: Sendable, Codable, Equatable {
            /// `shop_id` (required).
            public var shopID: Int64
            /// `refresh_token`: used once, when the warehouse holds no token for this shop yet.
            public var refreshToken: String?

            public init(shopID: Int64, refreshToken: String?) {
                self.shopID = shopID
                self.refreshToken = refreshToken
            }

            enum CodingKeys: String, CodingKey {
                case shopID = "shop_id", refreshToken = "refresh_token"
            }
        }

        public init(baseURL: String = "https://partner.shopeemobile.com", partnerID: Int64, partnerKey: String,
                    shops: [Shop], rateLimit: RateLimit = RateLimit(requests: 60, perSeconds: 60)) {
            self.baseURL = baseURL
            self.partnerID = partnerID
            self.partnerKey = partnerKey
            self.shops = shops
            self.rateLimit = rateLimit
        }

        enum CodingKeys: String, CodingKey {
            case baseURL = "base_url", partnerID = "partner_id", partnerKey = "partner_key", shops,
                 rateLimit = "rate_limit"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL) ?? "https://partner.shopeemobile.com"
            partnerID = try c.decode(Int64.self, forKey: .partnerID)
            partnerKey = try c.decode(String.self, forKey: .partnerKey)
            shops = try c.decode([Shop].self, forKey: .shops)
            rateLimit = try c.decodeIfPresent(RateLimit.self, forKey: .rateLimit) ?? RateLimit(requests: 60, perSeconds: 60)
        }
    }

    /// `sources.facebook`: Meta Marketing API insights.
    public struct FacebookSource: Sendable, Codable, Equatable {
        /// `base_url`: default `https://graph.facebook.com`.
        public var baseURL: String
        /// `api_version`: default `v23.0`.
        public var apiVersion: String
        /// `access_token` (required): a system-user token with `ads_read`.
        public var accessToken: String
        /// `app_secret`: when set, requests carry `appsecret_proof`.
        public var appSecret: String?
        /// `accounts` (at least one): ad account ids, with or without the `act_` prefix.
        public var accounts: [String]
        /// `lookback_days`: days re-fetched on every sync because conversions arrive late. Default 28.
        public var lookbackDays: Int
        /// `rate_limit`: default 200 requests an hour per account (the seed plan's figure).
        public var rateLimit: RateLimit

        public init(baseURL: String = "https://graph.facebook.com", apiVersion: String = "v23.0", accessToken: String,
                    appSecret: String? = nil, accounts: [String], lookbackDays: Int = 28,
                    rateLimit: RateLimit = RateLimit(requests: 200, perSeconds: 3600)) {
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
            baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL) ?? "https://graph.facebook.com"
            apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion) ?? "v23.0"
            accessToken = try c.decode(String.self, forKey: .accessToken)
            appSecret = try c.decodeIfPresent(String.self, forKey: .appSecret)
            accounts = try c.decode([String].self, forKey: .accounts)
            lookbackDays = try c.decodeIfPresent(Int.self, forKey: .lookbackDays) ?? 28
            rateLimit = try c.decodeIfPresent(RateLimit.self, forKey: .rateLimit) ?? RateLimit(requests: 200, perSeconds: 3600)
        }
    }

    /// A token bucket: `requests` per `per_seconds`, refilled continuously.
    public struct RateLimit: Sendable, Codable, Equatable {
        public var requests: Int
        public var perSeconds: Double

        public init(requests: Int, perSeconds: Double) {
            self.requests = requests
            self.perSeconds = perSeconds
        }

        enum CodingKeys: String, CodingKey {
            case requests, perSeconds = "per_seconds"
        }
    }

    /// `fx`: a feed of daily rates into the reporting currency.
    public struct FXSource: Sendable, Codable, Equatable {
        /// `url`: returns `{"base": "THB", "rates": [{"date": "YYYY-MM-DD", "currency": "USD", "rate": "35.1234"}]}`
        /// for `?from=YYYY-MM-DD&to=YYYY-MM-DD`.
        public var url: String

        public init(url: String) {
            self.url = url
        }
    }

    public struct DashboardSettings: Sendable, Codable, Equatable {
        /// `host`: default `127.0.0.1` (loopback only).
        public var host: String
        /// `port`: default 8080.
        public var port: Int

        public init(host: String = "127.0.0.1", port: Int = 8080) {
            self.host = host
            self.port = port
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            host = try c.decodeIfPresent(String.self, forKey: .host) ?? "127.0.0.1"
            port = try c.decodeIfPresent(Int.self, forKey: .port) ?? 8080
        }
    }

    public struct SyncSettings: Sendable, Codable, Equatable {
        /// `days`: how far back the first sync of a stream reaches. Default 90.
        public var days: Int

        public init(days: Int = 90) {
            self.days = days
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            days = try c.decodeIfPresent(Int.self, forKey: .days) ?? 90
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        timezone = try c.decodeIfPresent(String.self, forKey: .timezone) ?? "Asia/Bangkok"
        currency = try c.decodeIfPresent(Currency.self, forKey: .currency) ?? .thb
        warehouse = try c.decodeIfPresent(String.self, forKey: .warehouse) ?? "omnidash.sqlite"
        secrets = try c.decodeIfPresent(Secrets.self, forKey: .secrets) ?? Secrets()
        sources = try c.decodeIfPresent(Sources.self, forKey: .sources) ?? Sources()
        fx = try c.decodeIfPresent(FXSource.self, forKey: .fx)
        dashboard = try c.decodeIfPresent(DashboardSettings.self, forKey: .dashboard) ?? DashboardSettings()
        sync = try c.decodeIfPresent(SyncSettings.self, forKey: .sync) ?? SyncSettings()
    }

    /// Every problem with the configuration at once, so a user fixes them in one pass.
    ///
    /// - Parameter requiringSources: `true` for commands that sync (they need secrets and credentials).
    public func validate(requiringSources: Bool) throws(ConfigurationError) {
        var problems: [String] = []
        if TimeZone(identifier: timezone) == nil { problems.append("timezone: '\(timezone)' is not an IANA time zone") }
        if currency.code.count != 3 { problems.append("currency: '\(currency.code)' is not an ISO 4217 code") }
        if !(1...65535).contains(dashboard.port) { problems.append("dashboard.port: \(dashboard.port) is not a TCP port") }
        if sync.days < 1 { problems.append("sync.days: must be at least 1") }
        if requiringSources {
            if sources.shopee == nil && sources.facebook == nil { problems.append("sources: no source is configured") }
            for (key, value) in [("secrets.pii_key", secrets.piiKey), ("secrets.token_key", secrets.tokenKey)] {
                if (value ?? "").count < 16 { problems.append("\(key): must be set, 16 characters or more") }
            }
        }
        if let shopee = sources.shopee {
            if URL(string: shopee.baseURL)?.host == nil { problems.append("sources.shopee.base_url: '\(shopee.baseURL)' is not a URL") }
            if shopee.partnerKey.isEmpty { problems.append("sources.shopee.partner_key: is empty") }
            if shopee.shops.isEmpty { problems.append("sources.shopee.shops: list at least one shop") }
            if shopee.rateLimit.requests < 1 || shopee.rateLimit.perSeconds <= 0 {
                problems.append("sources.shopee.rate_limit: requests and per_seconds must be positive")
            }
        }
        if let facebook = sources.facebook {
            if URL(string: facebook.baseURL)?.host == nil { problems.append("sources.facebook.base_url: '\(facebook.baseURL)' is not a URL") }
            if facebook.accessToken.isEmpty { problems.append("sources.facebook.access_token: is empty") }
            if facebook.accounts.isEmpty { problems.append("sources.facebook.accounts: list at least one ad account") }
            if !(1...28).contains(facebook.lookbackDays) { problems.append("sources.facebook.lookback_days: must be 1…28 (Meta freezes insights after 28 days)") }
            if facebook.rateLimit.requests < 1 || facebook.rateLimit.perSeconds <= 0 {
                problems.append("sources.facebook.rate_limit: requests and per_seconds must be positive")
            }
        }
        if let fx, URL(string: fx.url)?.host == nil { problems.append("fx.url: '\(fx.url)' is not a URL") }
        if !problems.isEmpty { throw ConfigurationError(problems) }
    }
}
