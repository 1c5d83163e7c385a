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
    /// `sources`: the platforms to pull and their accounts, one section per platform.
    public var sources: ConfiguredSources
    /// `fx`: where daily exchange rates come from.
    public var fx: FXSource?
    /// `dashboard`: where `serve` listens.
    public var dashboard: DashboardSettings
    /// `sync`: defaults for `omnidash sync`.
    public var sync: SyncSettings
    /// `targets`: the ROAS and CPA lines a campaign's status is judged against.
    public var targets: PerformanceTargets
    /// `alerts`: the alert rules and their thresholds.
    public var alerts: AlertSettings
    /// `notifications`: where alerts are delivered.
    public var notifications: NotificationSettings
    /// `schedule`: the timetable of `omnidash run`.
    public var schedule: ScheduleSettings

    public init(
        timezone: String = "Asia/Bangkok",
        currency: Currency = .thb,
        warehouse: String = "omnidash.sqlite",
        secrets: Secrets = Secrets(),
        sources: ConfiguredSources = ConfiguredSources(),
        fx: FXSource? = nil,
        dashboard: DashboardSettings = DashboardSettings(),
        sync: SyncSettings = SyncSettings(),
        targets: PerformanceTargets = PerformanceTargets(),
        alerts: AlertSettings = AlertSettings(),
        notifications: NotificationSettings = NotificationSettings(),
        schedule: ScheduleSettings = ScheduleSettings()
    ) {
        self.timezone = timezone
        self.currency = currency
        self.warehouse = warehouse
        self.secrets = secrets
        self.sources = sources
        self.fx = fx
        self.dashboard = dashboard
        self.sync = sync
        self.targets = targets
        self.alerts = alerts
        self.notifications = notifications
        self.schedule = schedule
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

        func problems(at key: String) -> [String] {
            requests < 1 || perSeconds <= 0 ? ["\(key): requests and per_seconds must be positive"] : []
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
        /// `public_url`: the dashboard's address as its readers reach it (behind a proxy, say), for the links in
        /// alert messages; `https://` also marks session cookies `Secure`. Default `http://HOST:PORT`.
        public var publicURL: String?
        /// `metrics_token`: when set, `/metrics` asks for `Authorization: Bearer TOKEN` (use `${ENV_VAR}`).
        public var metricsToken: String?

        public init(host: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil, metricsToken: String? = nil) {
            self.host = host
            self.port = port
            self.publicURL = publicURL
            self.metricsToken = metricsToken
        }

        enum CodingKeys: String, CodingKey {
            case host, port, publicURL = "public_url", metricsToken = "metrics_token"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            host = try c.decodeIfPresent(String.self, forKey: .host) ?? "127.0.0.1"
            port = try c.decodeIfPresent(Int.self, forKey: .port) ?? 8080
            publicURL = try c.decodeIfPresent(String.self, forKey: .publicURL)
            metricsToken = try c.decodeIfPresent(String.self, forKey: .metricsToken)
        }

        /// Where links in messages point: `public_url`, else this machine's address.
        public var baseURL: String {
            if let publicURL, !publicURL.isEmpty { return publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL }
            return "http://\(host):\(port)"
        }

        func problems(at path: String) -> [String] {
            var problems: [String] = []
            if !(1...65535).contains(port) { problems.append("\(path).port: \(port) is not a TCP port") }
            if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
                problems.append("\(path).public_url: '\(publicURL)' is not an http(s) URL")
            }
            if let metricsToken, metricsToken.count < 16 {
                problems.append("\(path).metrics_token: must be 16 characters or more")
            }
            return problems
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
        sources = try c.decodeIfPresent(ConfiguredSources.self, forKey: .sources) ?? ConfiguredSources()
        fx = try c.decodeIfPresent(FXSource.self, forKey: .fx)
        dashboard = try c.decodeIfPresent(DashboardSettings.self, forKey: .dashboard) ?? DashboardSettings()
        sync = try c.decodeIfPresent(SyncSettings.self, forKey: .sync) ?? SyncSettings()
        targets = try c.decodeIfPresent(PerformanceTargets.self, forKey: .targets) ?? PerformanceTargets()
        alerts = try c.decodeIfPresent(AlertSettings.self, forKey: .alerts) ?? AlertSettings()
        notifications = try c.decodeIfPresent(NotificationSettings.self, forKey: .notifications) ?? NotificationSettings()
        schedule = try c.decodeIfPresent(ScheduleSettings.self, forKey: .schedule) ?? ScheduleSettings()
    }

    /// Every problem with the configuration at once, so a user fixes them in one pass.
    ///
    /// - Parameter requiringSources: `true` for commands that sync (they need secrets and credentials).
    public func validate(requiringSources: Bool) throws(ConfigurationError) {
        var problems: [String] = []
        if TimeZone(identifier: timezone) == nil {
            let hint = NearestName.suggestion(for: timezone, among: TimeZone.knownTimeZoneIdentifiers).map { "; did you mean \($0)?" }
            problems.append("timezone: '\(timezone)' is not an IANA time zone\(hint ?? " (such as Asia/Bangkok)")")
        }
        if currency.code.count != 3 { problems.append("currency: '\(currency.code)' is not an ISO 4217 code") }
        if sync.days < 1 { problems.append("sync.days: \(sync.days) is not a number of days; use 1 or more") }
        problems += targets.problems(at: "targets")
        problems += alerts.problems(at: "alerts")
        problems += notifications.problems(at: "notifications")
        problems += schedule.problems(at: "schedule")
        problems += dashboard.problems(at: "dashboard")
        if requiringSources {
            if sources.isEmpty { problems.append("sources: no source is configured") }
            for (key, value) in [("secrets.pii_key", secrets.piiKey), ("secrets.token_key", secrets.tokenKey)] {
                if (value ?? "").count < 16 { problems.append("\(key): must be set, 16 characters or more") }
            }
        }
        for section in sources.all {
            problems += section.problems(at: "sources.\(type(of: section).platform.rawValue)")
        }
        if let fx, URL(string: fx.url)?.host == nil { problems.append("fx.url: '\(fx.url)' is not a URL") }
        if !problems.isEmpty { throw ConfigurationError(problems) }
    }
}
