/// `sources.line`: the LINE Ads API (Ads Management, JWS-signed), ads-apis.md §7.
public struct LineAdsSettings: SourceSettings {
    public static let platform = Platform.lineAds

    /// `base_url`: default `https://ads.line.me`; paths start with `/api/v3/`.
    public var baseURL: String
    /// `access_key` (required): the key id (`kid`) from the Group settings page in LINE Ads Manager.
    public var accessKey: String
    /// `secret_key` (required): the HMAC key that signs every request.
    public var secretKey: String
    /// `ad_account_ids` (at least one): `A…` ids of the ad accounts the group may read.
    public var adAccountIDs: [String]
    /// `lookback_days`: days re-fetched on every sync because conversions arrive late. Default 28.
    public var lookbackDays: Int
    /// `report_levels`: the online-report levels fetched per day, among `campaign`, `adgroup`, `ad`. Default all
    /// three: the ad level carries spend, the upper levels carry reach that does not add up across ads.
    public var reportLevels: [String]
    /// `rate_limit`: default 2 requests a second per account (the limit third-party notes report for one API user).
    public var rateLimit: OmnidashConfiguration.RateLimit

    public static let defaultBaseURL = "https://ads.line.me"
    public static let defaultRateLimit = OmnidashConfiguration.RateLimit(requests: 2, perSeconds: 1)
    public static let allReportLevels = ["campaign", "adgroup", "ad"]

    public init(baseURL: String = defaultBaseURL, accessKey: String, secretKey: String, adAccountIDs: [String],
                lookbackDays: Int = 28, reportLevels: [String] = allReportLevels,
                rateLimit: OmnidashConfiguration.RateLimit = defaultRateLimit) {
        self.baseURL = baseURL
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.adAccountIDs = adAccountIDs
        self.lookbackDays = lookbackDays
        self.reportLevels = reportLevels
        self.rateLimit = rateLimit
    }

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url", accessKey = "access_key", secretKey = "secret_key", adAccountIDs = "ad_account_ids",
             lookbackDays = "lookback_days", reportLevels = "report_levels", rateLimit = "rate_limit"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL) ?? Self.defaultBaseURL
        accessKey = try c.decode(String.self, forKey: .accessKey)
        secretKey = try c.decode(String.self, forKey: .secretKey)
        adAccountIDs = try c.decode([String].self, forKey: .adAccountIDs)
        lookbackDays = try c.decodeIfPresent(Int.self, forKey: .lookbackDays) ?? 28
        reportLevels = try c.decodeIfPresent([String].self, forKey: .reportLevels) ?? Self.allReportLevels
        rateLimit = try c.decodeIfPresent(OmnidashConfiguration.RateLimit.self, forKey: .rateLimit) ?? Self.defaultRateLimit
    }

    public var accountIDs: [String] { adAccountIDs }

    public func problems(at path: String) -> [String] {
        var problems = Self.urlProblems(baseURL, at: "\(path).base_url")
        if accessKey.isEmpty { problems.append("\(path).access_key: is empty") }
        if secretKey.isEmpty { problems.append("\(path).secret_key: is empty") }
        if adAccountIDs.isEmpty { problems.append("\(path).ad_account_ids: list at least one ad account") }
        for (index, id) in adAccountIDs.enumerated() where !Self.isAdAccountID(id) {
            problems.append("\(path).ad_account_ids[\(index)]: '\(id)' is not a LINE ad account id (A followed by digits)")
        }
        if !(1...90).contains(lookbackDays) { problems.append("\(path).lookback_days: must be 1…90") }
        if reportLevels.isEmpty { problems.append("\(path).report_levels: list at least one of campaign, adgroup, ad") }
        for level in reportLevels where !Self.allReportLevels.contains(level) {
            problems.append("\(path).report_levels: '\(level)' is not one of campaign, adgroup, ad")
        }
        return problems + rateLimit.problems(at: "\(path).rate_limit")
    }

    /// `A12345678901`: an `A` and digits.
    static func isAdAccountID(_ id: String) -> Bool {
        id.count > 1 && id.hasPrefix("A") && id.dropFirst().allSatisfy(\.isASCII) && id.dropFirst().allSatisfy(\.isNumber)
    }

    public static let initTemplate = """
          line:
            base_url: https://ads.line.me
            # From the Group settings page in LINE Ads Manager (regenerate the secret on first use).
            access_key: ${LINE_ADS_ACCESS_KEY}
            secret_key: ${LINE_ADS_SECRET_KEY}
            ad_account_ids:
              - ${LINE_ADS_AD_ACCOUNT_ID}
            # Days re-fetched on every sync; conversions arrive late.
            lookback_days: 28
            report_levels: [campaign, adgroup, ad]
            rate_limit: { requests: 2, per_seconds: 1 }

        """
}
