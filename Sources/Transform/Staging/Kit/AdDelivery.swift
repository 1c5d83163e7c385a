import Foundation
import OmnidashCore

/// One ad-platform object's delivery on one business day, in its account's currency, as the platform reported it:
/// what a platform's ads staging hands to `AdsStaging`. The object is the finest level the platform reports
/// completely: an ad, or a campaign that reports no ads (an automated campaign, a marketplace's product campaign).
struct AdDelivery: Sendable {
    var date: BusinessDate
    var accountID: String
    var accountName: String?
    var currency: Currency
    var campaignID: String?
    var campaignName: String?
    /// The platform's own name for the campaign's type or objective (`PERFORMANCE_MAX`, `OUTCOME_SALES`, …).
    var campaignType: String?
    var adSetID: String?
    var adSetName: String?
    /// The reported object's id: the ad's, or the campaign's when the platform reports no finer level.
    var adID: String
    var adName: String?
    var impressions: Int64
    var clicks: Int64
    /// Spend in the account currency's major units, exactly as the platform wrote it.
    var spend: Decimal
    /// Purchases (or the platform's conversion count) attributed to this row.
    var conversions: Int64
    /// Their value in the account currency's major units, exactly as the platform wrote it.
    var conversionValue: Decimal
    /// A marketplace's direct conversions (the advertised item itself) and their value, beside the broad ones above.
    var directConversions: Int64?
    var directConversionValue: Decimal?
    /// Metrics a platform may not report: `nil` is "not reported", never zero.
    var reach: Int64?
    var videoViews: Int64?
    var engagement: Int64?
    /// When the raw row was ingested, as stored.
    var ingestedAt: String?

    init(date: BusinessDate, accountID: String, currency: Currency, adID: String, impressions: Int64, clicks: Int64,
         spend: Decimal, conversions: Int64, conversionValue: Decimal) {
        self.date = date
        self.accountID = accountID
        self.currency = currency
        self.adID = adID
        self.impressions = impressions
        self.clicks = clicks
        self.spend = spend
        self.conversions = conversions
        self.conversionValue = conversionValue
    }
}
