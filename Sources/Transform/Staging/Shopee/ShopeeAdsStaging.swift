import Foundation
import OmnidashCore
import Warehouse

/// `raw_shopee_ads_campaign_daily` → `stg_ads_performance` (platform `shopee_ads`): one delivery per product campaign
/// per day, the campaign being the finest level Shopee reports (`ad_id` is the campaign id).
///
/// Conversions are Shopee's broad orders and GMV (any of the shop's items bought after the click), the figure Seller
/// Centre leads with; the direct ones (the advertised item itself) are staged beside them. Reach, video views and engagement are not reported (NULL).
/// The account is the shop; its days are the shop's (Bangkok for Thai shops), not re-bucketed.
struct ShopeeAdsStaging: AdsStagingBuilder {
    var platform: Platform { .shopeeAds }
    var performanceTable: RawTableContract { ShopeeAdsRawTables.campaignDaily }

    func deliveries(_ context: StagingContext, dates: ClosedRange<BusinessDate>) async throws -> [AdDelivery] {
        let raws = try await context.warehouse.query(SQLStatement("""
            SELECT d._date, d.shop_id, d.region, d.campaign_id, d.ad_name, d.ad_type, d.impression, d.clicks, d.expense,
                   d.broad_order, d.broad_gmv, d.direct_order, d.direct_gmv, d._ingested_at, s.shop_name
            FROM raw_shopee_ads_campaign_daily d LEFT JOIN raw_shopee_shops s ON s.shop_id = d.shop_id
            WHERE d._date BETWEEN :first AND :last
            """, ["first": .text(dates.lowerBound.description), "last": .text(dates.upperBound.description)]))
        return try raws.compactMap { raw in
            guard let date = BusinessDate(raw.text("_date")) else { return nil }
            let key = "\(raw.text("shop_id"))/\(raw.text("campaign_id"))/\(date)"
            let table = ShopeeAdsRawTables.campaignDaily.table
            guard let spend = Decimal(exactly: raw.text("expense")), let value = Decimal(exactly: raw.text("broad_gmv")),
                  let direct = Decimal(exactly: raw.text("direct_gmv")) else {
                throw StagingError(table: table, key: key, reason: "expense '\(raw.text("expense"))', broad_gmv '\(raw.text("broad_gmv"))' "
                                   + "or direct_gmv '\(raw.text("direct_gmv"))' is not a number")
            }
            let currency = try ShopeeAdsRegion.currency(raw.optionalText("region"), table: table, key: key)
            var delivery = AdDelivery(date: date, accountID: raw.text("shop_id"), currency: currency, adID: raw.text("campaign_id"),
                                      impressions: raw.int("impression"), clicks: raw.int("clicks"), spend: spend,
                                      conversions: raw.int("broad_order"), conversionValue: value)
            delivery.directConversions = raw.int("direct_order")
            delivery.directConversionValue = direct
            delivery.accountName = raw.optionalText("shop_name")
            delivery.campaignID = raw.text("campaign_id")
            delivery.campaignName = raw.optionalText("ad_name")
            delivery.campaignType = raw.optionalText("ad_type")
            delivery.adName = raw.optionalText("ad_name")
            delivery.ingestedAt = raw.optionalText("_ingested_at")
            return delivery
        }
    }
}
