import Foundation
import OmnidashCore
import Warehouse

/// `raw_facebook_ads` → `stg_ads_performance`: one delivery per ad per day.
///
/// An insight's date is the ad account's day; Omnidash expects Meta ad accounts in the reporting time zone and
/// does not re-bucket daily rows (DECISIONLOG.md).
struct FacebookAdsStaging: AdsStagingBuilder {
    var platform: Platform { .facebookAds }
    var performanceTable: RawTableContract { FacebookAdsRawTables.insights }

    func deliveries(_ context: StagingContext, dates: ClosedRange<BusinessDate>) async throws -> [AdDelivery] {
        let raws = try await context.warehouse.query(SQLStatement("""
            SELECT _date, account_id, account_name, account_currency, campaign_id, campaign_name, adset_id, adset_name,
                   ad_id, ad_name, impressions, clicks, spend, reach, conversions, conversion_value, _ingested_at
            FROM raw_facebook_ads
            WHERE _date BETWEEN :first AND :last
            """, ["first": .text(dates.lowerBound.description), "last": .text(dates.upperBound.description)]))
        return try raws.compactMap { raw in
            guard let date = BusinessDate(raw.text("_date")) else { return nil }
            guard let spend = Decimal(exactly: raw.text("spend")), let value = Decimal(exactly: raw.text("conversion_value")) else {
                throw StagingError(table: "raw_facebook_ads", key: "\(raw.text("account_id"))/\(raw.text("ad_id"))/\(date)",
                                   reason: "spend '\(raw.text("spend"))' or conversion_value '\(raw.text("conversion_value"))' is not a number")
            }
            var delivery = AdDelivery(date: date, accountID: raw.text("account_id"), currency: Currency(raw.text("account_currency")),
                                      adID: raw.text("ad_id"), impressions: raw.int("impressions"), clicks: raw.int("clicks"),
                                      spend: spend, conversions: raw.int("conversions"), conversionValue: value)
            delivery.accountName = raw.optionalText("account_name")
            delivery.campaignID = raw.optionalText("campaign_id")
            delivery.campaignName = raw.optionalText("campaign_name")
            delivery.adSetID = raw.optionalText("adset_id")
            delivery.adSetName = raw.optionalText("adset_name")
            delivery.adName = raw.optionalText("ad_name")
            delivery.reach = raw.optionalInt("reach")
            delivery.ingestedAt = raw.optionalText("_ingested_at")
            return delivery
        }
    }
}
