import Foundation
import OmnidashCore
import Warehouse

/// `raw_line_ads` (ad level) → `stg_ads_performance`: one delivery per ad per day.
///
/// The ad level carries every yen or baht of spend (LINE has no spend outside ads). Conversions are LINE's `cv`,
/// their value is `cvPurchaseValue` (purchase conversions on clicks), and video views are its 3-second views. LINE
/// reports no engagements, which stay NULL.
struct LineAdsStaging: AdsStagingBuilder {
    var platform: Platform { .lineAds }
    var performanceTable: RawTableContract { LineAdsRawTables.reports }

    func deliveries(_ context: StagingContext, dates: ClosedRange<BusinessDate>) async throws -> [AdDelivery] {
        let raws = try await context.warehouse.query(SQLStatement("""
            SELECT _date, ad_account_id, account_name, currency, campaign_id, campaign_name, campaign_objective, adgroup_id,
                   adgroup_name, ad_id, entity_id, ad_name, imp, click, cost, cv, cv_purchase_value, reach, video_view_3s, _ingested_at
            FROM raw_line_ads
            WHERE level = 'ad' AND _date BETWEEN :first AND :last
            """, ["first": .text(dates.lowerBound.description), "last": .text(dates.upperBound.description)]))
        return try raws.compactMap { raw in
            guard let date = BusinessDate(raw.text("_date")) else { return nil }
            let valueText = raw.optionalText("cv_purchase_value") ?? "0"
            guard let spend = Decimal(exactly: raw.text("cost")), let value = Decimal(exactly: valueText) else {
                throw StagingError(table: "raw_line_ads", key: "\(raw.text("ad_account_id"))/\(raw.text("entity_id"))/\(date)",
                                   reason: "cost '\(raw.text("cost"))' or cv_purchase_value '\(valueText)' is not a number")
            }
            var delivery = AdDelivery(date: date, accountID: raw.text("ad_account_id"), currency: Currency(raw.text("currency")),
                                      adID: raw.text("entity_id"), impressions: raw.int("imp"), clicks: raw.int("click"),
                                      spend: spend, conversions: raw.optionalInt("cv") ?? 0, conversionValue: value)
            delivery.accountName = raw.optionalText("account_name")
            delivery.campaignID = raw.optionalText("campaign_id")
            delivery.campaignName = raw.optionalText("campaign_name")
            delivery.campaignType = raw.optionalText("campaign_objective")
            delivery.adSetID = raw.optionalText("adgroup_id")
            delivery.adSetName = raw.optionalText("adgroup_name")
            delivery.adName = raw.optionalText("ad_name")
            delivery.reach = raw.optionalInt("reach")
            delivery.videoViews = raw.optionalInt("video_view_3s")
            delivery.ingestedAt = raw.optionalText("_ingested_at")
            return delivery
        }
    }
}
