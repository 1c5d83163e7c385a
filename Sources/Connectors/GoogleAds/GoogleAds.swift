import OmnidashCore
import Warehouse

/// Google Ads API (REST, GAQL): daily reports at campaign, ad group and keyword level, read with
/// `googleAds:searchStream`, and the campaign and ad group entities, paged with `googleAds:search`.
/// Facts are from shared/reference/ads-apis.md §2 (OAuth) and §3 (Google Ads).
public enum GoogleAds {
    /// Days per `searchStream` request; one request streams every row of its window.
    public static let windowDays = 31
    /// Seconds before expiry at which the access token is refreshed (Google's last an hour).
    public static let refreshMargin: Int64 = 300

    /// The metrics every report asks for.
    static let metricFields = ["metrics.impressions", "metrics.clicks", "metrics.cost_micros", "metrics.conversions",
                               "metrics.conversions_value"]

    /// The reports, each a GAQL `FROM` resource with its fields (the seed's three queries, plus the customer's currency).
    public enum Report: String, Sendable, CaseIterable {
        case campaign, adGroup = "ad_group", keyword = "keyword_view"

        var fields: [String] {
            switch self {
            case .campaign:
                ["customer.id", "customer.descriptive_name", "customer.currency_code", "customer.time_zone", "campaign.id",
                 "campaign.name", "campaign.status", "campaign.advertising_channel_type", "segments.date"] + metricFields
            case .adGroup:
                ["customer.id", "customer.descriptive_name", "customer.currency_code", "campaign.id", "campaign.name",
                 "campaign.advertising_channel_type", "ad_group.id", "ad_group.name", "ad_group.status", "segments.date"] + metricFields
            case .keyword:
                ["customer.id", "customer.currency_code", "campaign.id", "ad_group.id", "ad_group_criterion.criterion_id",
                 "ad_group_criterion.keyword.text", "ad_group_criterion.keyword.match_type", "ad_group_criterion.status",
                 "segments.date"] + metricFields
            }
        }

        /// `SELECT … FROM … WHERE segments.date BETWEEN 'first' AND 'last' ORDER BY segments.date ASC`, as Airbyte
        /// builds it (ads-apis.md §3.2).
        public func query(from first: BusinessDate, through last: BusinessDate) -> String {
            "SELECT \(fields.joined(separator: ", ")) FROM \(rawValue) WHERE segments.date BETWEEN '\(first)' AND '\(last)' "
                + "ORDER BY segments.date ASC"
        }

        var streamName: String {
            switch self {
            case .campaign: "campaign_daily"
            case .adGroup: "ad_group_daily"
            case .keyword: "keyword_daily"
            }
        }

        var table: RawTableContract {
            switch self {
            case .campaign: GoogleAdsRawTables.campaigns
            case .adGroup: GoogleAdsRawTables.adGroups
            case .keyword: GoogleAdsRawTables.keywords
            }
        }
    }

    /// The entity listings, paged with `search`. Campaigns bring their final URL suffix, ads their final URLs (and a
    /// suffix of their own, if any), Performance Max asset groups their final URLs: together, each ad's landing URL.
    public enum Entity: String, Sendable, CaseIterable {
        case campaigns, adGroups = "ad_groups", ads, assetGroups = "asset_groups"

        public var query: String {
            switch self {
            case .campaigns:
                "SELECT customer.id, customer.currency_code, campaign.id, campaign.name, campaign.status, "
                    + "campaign.advertising_channel_type, campaign.start_date, campaign.end_date, campaign_budget.id, "
                    + "campaign_budget.amount_micros, campaign_budget.period, campaign.final_url_suffix, "
                    + "campaign.tracking_url_template FROM campaign"
            case .adGroups:
                "SELECT customer.id, customer.currency_code, campaign.id, ad_group.id, ad_group.name, ad_group.status, ad_group.type "
                    + "FROM ad_group"
            case .ads:
                "SELECT customer.id, customer.currency_code, campaign.id, ad_group.id, ad_group_ad.ad.id, ad_group_ad.ad.name, "
                    + "ad_group_ad.status, ad_group_ad.ad.type, ad_group_ad.ad.final_urls, ad_group_ad.ad.final_url_suffix, "
                    + "ad_group_ad.ad.tracking_url_template FROM ad_group_ad"
            case .assetGroups:
                "SELECT customer.id, customer.currency_code, campaign.id, asset_group.id, asset_group.name, asset_group.status, "
                    + "asset_group.final_urls FROM asset_group"
            }
        }

        var table: RawTableContract {
            switch self {
            case .campaigns: GoogleAdsRawTables.campaignEntities
            case .adGroups: GoogleAdsRawTables.adGroupEntities
            case .ads: GoogleAdsRawTables.adEntities
            case .assetGroups: GoogleAdsRawTables.assetGroupEntities
            }
        }
    }
}
