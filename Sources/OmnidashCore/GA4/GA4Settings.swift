/// `sources.ga4`: Google Analytics 4 Data API (v1beta) reports of one or more properties, read either as a Google user
/// (OAuth client + refresh token) or as a service account (its downloaded JSON key).
public struct GA4Settings: SourceSettings {
    public static let platform = Platform.ga4

    /// `base_url`: default `https://analyticsdata.googleapis.com`; paths start with `/v1beta/properties/…`.
    public var baseURL: String
    /// `token_url`: default `https://oauth2.googleapis.com/token`. For a service account the key file's `token_uri` is
    /// used when this is left at its default, as Google's libraries do.
    public var tokenURL: String
    /// `property_ids` (at least one): numeric GA4 property ids (not the `G-…` measurement id).
    public var propertyIDs: [String]
    /// OAuth: `client_id`, `client_secret` and `refresh_token` (scope `analytics.readonly`), all three or none.
    public var clientID: String?
    public var clientSecret: String?
    public var refreshToken: String?
    /// Service account: `service_account_file`, the path of the JSON key Google Cloud issues…
    public var serviceAccountFile: String?
    /// …or `service_account_json`, that file's content (typically `${GA4_SERVICE_ACCOUNT_JSON}`).
    public var serviceAccountJSON: String?
    /// `lookback_days`: days re-read on every sync; GA4 keeps processing a day for about 72 hours. Default 3.
    public var lookbackDays: Int
    /// `page_size`: rows per request, 1…250,000 (GA4's maximum). Default 100,000.
    public var pageSize: Int
    /// `rate_limit`: default 2 requests a second per property (a Standard property has 10 concurrent requests and
    /// 40,000 tokens an hour; most requests cost fewer than 10 tokens).
    public var rateLimit: OmnidashConfiguration.RateLimit

    public static let defaultBaseURL = "https://analyticsdata.googleapis.com"
    public static let defaultTokenURL = "https://oauth2.googleapis.com/token"
    public static let defaultRateLimit = OmnidashConfiguration.RateLimit(requests: 2, perSeconds: 1)
    public static let defaultLookbackDays = 3
    public static let defaultPageSize = 100_000

    public init(baseURL: String = defaultBaseURL, tokenURL: String = defaultTokenURL, propertyIDs: [String],
                clientID: String? = nil, clientSecret: String? = nil, refreshToken: String? = nil,
                serviceAccountFile: String? = nil, serviceAccountJSON: String? = nil, lookbackDays: Int = defaultLookbackDays,
                pageSize: Int = defaultPageSize, rateLimit: OmnidashConfiguration.RateLimit = defaultRateLimit) {
        self.baseURL = baseURL
        self.tokenURL = tokenURL
        self.propertyIDs = propertyIDs
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.refreshToken = refreshToken
        self.serviceAccountFile = serviceAccountFile
        self.serviceAccountJSON = serviceAccountJSON
        self.lookbackDays = lookbackDays
        self.pageSize = pageSize
        self.rateLimit = rateLimit
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", tokenURL = "token_url", propertyIDs = "property_ids", clientID = "client_id",
             clientSecret = "client_secret", refreshToken = "refresh_token", serviceAccountFile = "service_account_file",
             serviceAccountJSON = "service_account_json", lookbackDays = "lookback_days", pageSize = "page_size", rateLimit = "rate_limit"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL) ?? Self.defaultBaseURL
        tokenURL = try c.decodeIfPresent(String.self, forKey: .tokenURL) ?? Self.defaultTokenURL
        // Property ids are numbers; YAML reads an unquoted one as an integer.
        if let ids = try? c.decode([String].self, forKey: .propertyIDs) {
            propertyIDs = ids
        } else {
            propertyIDs = try c.decode([Int64].self, forKey: .propertyIDs).map(String.init)
        }
        clientID = try c.decodeIfPresent(String.self, forKey: .clientID).flatMap(Self.nonEmpty)
        clientSecret = try c.decodeIfPresent(String.self, forKey: .clientSecret).flatMap(Self.nonEmpty)
        refreshToken = try c.decodeIfPresent(String.self, forKey: .refreshToken).flatMap(Self.nonEmpty)
        serviceAccountFile = try c.decodeIfPresent(String.self, forKey: .serviceAccountFile).flatMap(Self.nonEmpty)
        serviceAccountJSON = try c.decodeIfPresent(String.self, forKey: .serviceAccountJSON).flatMap(Self.nonEmpty)
        lookbackDays = try c.decodeIfPresent(Int.self, forKey: .lookbackDays) ?? Self.defaultLookbackDays
        pageSize = try c.decodeIfPresent(Int.self, forKey: .pageSize) ?? Self.defaultPageSize
        rateLimit = try c.decodeIfPresent(OmnidashConfiguration.RateLimit.self, forKey: .rateLimit) ?? Self.defaultRateLimit
    }

    /// An empty value (an unset `${VAR}`) counts as absent, so the other way of authenticating can be chosen.
    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    public var accountIDs: [String] { propertyIDs }

    /// How the section authenticates.
    public enum Credentials: Sendable, Equatable {
        case oauth(clientID: String, clientSecret: String, refreshToken: String)
        case serviceAccountFile(String)
        case serviceAccountJSON(String)
    }

    /// The service account when one is configured (it wins over OAuth keys left over in the file), else OAuth; `nil`
    /// when neither is complete.
    public var credentials: Credentials? {
        if let serviceAccountJSON { return .serviceAccountJSON(serviceAccountJSON) }
        if let serviceAccountFile { return .serviceAccountFile(serviceAccountFile) }
        if let clientID, let clientSecret, let refreshToken {
            return .oauth(clientID: clientID, clientSecret: clientSecret, refreshToken: refreshToken)
        }
        return nil
    }

    public func problems(at path: String) -> [String] {
        var problems = Self.urlProblems(baseURL, at: "\(path).base_url") + Self.urlProblems(tokenURL, at: "\(path).token_url")
        if propertyIDs.isEmpty { problems.append("\(path).property_ids: list at least one property") }
        for (index, id) in propertyIDs.enumerated() where !Self.isPropertyID(id) {
            problems.append("\(path).property_ids[\(index)]: '\(id)' is not a numeric property id (Admin → Property details)")
        }
        if serviceAccountFile != nil && serviceAccountJSON != nil {
            problems.append("\(path).service_account_file: give the key file or service_account_json, not both")
        }
        if let file = serviceAccountFile {
            do { try ReadableFile.check(file) } catch { problems.append("\(path).service_account_file: \(error)") }
        }
        if serviceAccountFile == nil && serviceAccountJSON == nil {
            let oauth = [("client_id", clientID), ("client_secret", clientSecret), ("refresh_token", refreshToken)]
            let missing = oauth.filter { $0.1 == nil }.map(\.0)
            if missing.count == oauth.count {
                problems.append("\(path): set service_account_file (or service_account_json), or client_id, client_secret and refresh_token")
            } else {
                for key in missing { problems.append("\(path).\(key): is required with the other OAuth keys") }
            }
        }
        if !(1...30).contains(lookbackDays) {
            problems.append("\(path).lookback_days: must be 1…30 (GA4 settles a day within about 3)")
        }
        if !(1...250_000).contains(pageSize) { problems.append("\(path).page_size: must be 1…250000 (GA4's largest page)") }
        return problems + rateLimit.problems(at: "\(path).rate_limit")
    }

    /// Digits only: GA4 property ids are numbers.
    static func isPropertyID(_ id: String) -> Bool { !id.isEmpty && id.allSatisfy { $0.isASCII && $0.isNumber } }

    public static let initTemplate = """
          ga4:
            base_url: https://analyticsdata.googleapis.com
            token_url: https://oauth2.googleapis.com/token
            # Admin → Property details → Property ID (a number, not the G-… measurement id).
            property_ids:
              - "${GA4_PROPERTY_ID}"
            # Either a service account added as Viewer on the property (the JSON key Google Cloud lets you download)…
            service_account_file: ${GA4_SERVICE_ACCOUNT_FILE}
            # …or an OAuth client and a user's refresh token with the analytics.readonly scope.
            # client_id: ${GA4_CLIENT_ID}
            # client_secret: ${GA4_CLIENT_SECRET}
            # refresh_token: ${GA4_REFRESH_TOKEN}
            # Days re-read on every sync; GA4 keeps processing a day for about 72 hours.
            lookback_days: 3
            rate_limit: { requests: 2, per_seconds: 1 }

        """
}
