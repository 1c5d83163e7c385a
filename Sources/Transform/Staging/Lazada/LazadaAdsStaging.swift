import Foundation
import OmnidashCore
import Warehouse

/// `raw_lazada_ads_campaign_report` → `stg_ads_performance` (platform `lazada_ads`): one delivery per Sponsored
/// Discovery campaign per day, at campaign grain (`ad_id` is the campaign id), the report being read a day at a time.
///
/// Conversions are the store's orders and revenue (any product of the store bought after the click), as Lazada's
/// ROI is computed; the promoted product's own orders and revenue are the direct conversions. Reach, video views and
/// engagement are not reported (NULL).
struct LazadaAdsStaging: AdsStagingBuilder {
    var platform: Platform { .lazadaAds }
    var performanceTable: RawTableContract { LazadaAdsRawTables.campaignReport }

    func deliveries(_ context: StagingContext, dates: ClosedRange<BusinessDate>) async throws -> [AdDelivery] {
        let raws = try await context.warehouse.query(SQLStatement("""
            SELECT r._date, r.seller_id, r.currency, r.campaign_id, r.campaign_name, r.campaign_type, r.impressions, r.clicks,
                   r.spend, r.store_orders, r.store_revenue, r.product_orders, r.product_revenue, r._ingested_at,
                   s.name AS seller_name
            FROM raw_lazada_ads_campaign_report r LEFT JOIN raw_lazada_sellers s ON s.seller_id = r.seller_id
            WHERE r._date BETWEEN :first AND :last
            """, ["first": .text(dates.lowerBound.description), "last": .text(dates.upperBound.description)]))
        return try raws.compactMap { raw in
            guard let date = BusinessDate(raw.text("_date")) else { return nil }
            guard let spend = Decimal(exactly: raw.text("spend")), let value = Decimal(exactly: raw.text("store_revenue")) else {
                throw StagingError(table: LazadaAdsRawTables.campaignReport.table,
                                   key: "\(raw.text("seller_id"))/\(raw.text("campaign_id"))/\(date)",
                                   reason: "spend '\(raw.text("spend"))' or store_revenue '\(raw.text("store_revenue"))' is not a number")
            }
            var delivery = AdDelivery(date: date, accountID: raw.text("seller_id"), currency: Currency(raw.text("currency")),
                                      adID: raw.text("campaign_id"), impressions: raw.int("impressions"), clicks: raw.int("clicks"),
                                      spend: spend, conversions: raw.int("store_orders"), conversionValue: value)
            delivery.directConversions = raw.optionalInt("product_orders")
            delivery.directConversionValue = raw.optionalText("product_revenue").flatMap { Decimal(exactly: $0) }
            delivery.accountName = raw.optionalText("seller_name")
            delivery.campaignID = raw.text("campaign_id")
            delivery.campaignName = raw.optionalText("campaign_name")
            delivery.campaignType = raw.optionalText("campaign_type").map { $0 == "2" ? "auto" : $0 == "1" ? "manual" : $0 }
            delivery.adName = raw.optionalText("campaign_name")
            delivery.ingestedAt = raw.optionalText("_ingested_at")
            return delivery
        }
    }
}
