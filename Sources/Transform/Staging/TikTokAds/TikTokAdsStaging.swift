import Foundation
import OmnidashCore
import Warehouse

/// `raw_tiktok_ads` → `stg_ads_performance`: one delivery per ad per business day, in the advertiser's currency.
///
/// An advertiser on the reporting zone arrives as daily rows, used as they are. Any other advertiser arrives as hourly
/// rows already dated with the business day each hour falls on (by the connector); its hours are summed per ad and
/// day here, exactly, before `AdsStaging` converts the day to THB once. Reach does not add across hours, so re-bucketed
/// days have none (NULL).
struct TikTokAdsStaging: AdsStagingBuilder {
    var platform: Platform { .tiktokAds }
    var performanceTable: RawTableContract { TikTokAdsRawTables.report }

    func deliveries(_ context: StagingContext, dates: ClosedRange<BusinessDate>) async throws -> [AdDelivery] {
        let names = try await Self.advertiserNames(context.warehouse)
        let raws = try await context.warehouse.query(SQLStatement("""
            SELECT _date, advertiser_id, grain, stat_time, currency, campaign_id, campaign_name, adgroup_id, adgroup_name, ad_id,
                   ad_name, spend, impressions, clicks, reach, conversions, conversion_value, video_views, likes, comments, shares,
                   _ingested_at, _loaded_at_us
            FROM raw_tiktok_ads
            WHERE _date BETWEEN :first AND :last
            ORDER BY _date, advertiser_id, ad_id, stat_time
            """, ["first": .text(dates.lowerBound.description), "last": .text(dates.upperBound.description)]))
        // Should an advertiser's rows of one day exist in both grains (its zone changed), the grain loaded last wins.
        var latestGrain: [String: (grain: String, loadedAt: Int64)] = [:]
        for raw in raws {
            let key = raw.text("_date") + "|" + raw.text("advertiser_id")
            if raw.int("_loaded_at_us") >= latestGrain[key]?.loadedAt ?? .min {
                latestGrain[key] = (raw.text("grain"), raw.int("_loaded_at_us"))
            }
        }
        var deliveries: [String: AdDelivery] = [:]
        var order: [String] = []
        for raw in raws {
            let dayKey = raw.text("_date") + "|" + raw.text("advertiser_id")
            guard raw.text("grain") == latestGrain[dayKey]?.grain, let date = BusinessDate(raw.text("_date")) else { continue }
            let rowKey = "\(raw.text("advertiser_id"))/\(raw.text("ad_id"))/\(raw.text("stat_time"))"
            guard let spend = Decimal(exactly: raw.text("spend")), let value = Decimal(exactly: raw.text("conversion_value")) else {
                throw StagingError(table: "raw_tiktok_ads", key: rowKey,
                                   reason: "spend '\(raw.text("spend"))' or conversion_value '\(raw.text("conversion_value"))' is not a number")
            }
            let isHourly = raw.text("grain") == "hour"
            let engagement = Self.engagement(raw)
            let key = dayKey + "|" + raw.text("ad_id")
            if var delivery = deliveries[key] {
                guard isHourly else {
                    throw StagingError(table: "raw_tiktok_ads", key: rowKey, reason: "two daily rows for one ad and day")
                }
                delivery.impressions += raw.int("impressions")
                delivery.clicks += raw.int("clicks")
                delivery.spend += spend
                delivery.conversions += raw.int("conversions")
                delivery.conversionValue += value
                delivery.videoViews = Self.sum(delivery.videoViews, raw.optionalInt("video_views"))
                delivery.engagement = Self.sum(delivery.engagement, engagement)
                deliveries[key] = delivery
                continue
            }
            var delivery = AdDelivery(date: date, accountID: raw.text("advertiser_id"), currency: Currency(raw.text("currency")),
                                      adID: raw.text("ad_id"), impressions: raw.int("impressions"), clicks: raw.int("clicks"),
                                      spend: spend, conversions: raw.int("conversions"), conversionValue: value)
            delivery.accountName = names[raw.text("advertiser_id")]
            delivery.campaignID = raw.optionalText("campaign_id")
            delivery.campaignName = raw.optionalText("campaign_name")
            delivery.adSetID = raw.optionalText("adgroup_id")
            delivery.adSetName = raw.optionalText("adgroup_name")
            delivery.adName = raw.optionalText("ad_name")
            delivery.reach = isHourly ? nil : raw.optionalInt("reach")
            delivery.videoViews = raw.optionalInt("video_views")
            delivery.engagement = engagement
            delivery.ingestedAt = raw.optionalText("_ingested_at")
            deliveries[key] = delivery
            order.append(key)
        }
        return order.map { deliveries[$0]! }
    }

    /// Likes, comments and shares together; unknown when TikTok sent none of them.
    static func engagement(_ raw: WarehouseRow) -> Int64? {
        let parts = ["likes", "comments", "shares"].compactMap { raw.optionalInt($0) }
        return parts.isEmpty ? nil : parts.reduce(0, +)
    }

    /// A sum that stays unknown only while every part is.
    static func sum(_ total: Int64?, _ part: Int64?) -> Int64? {
        guard let part else { return total }
        return (total ?? 0) + part
    }

    static func advertiserNames(_ warehouse: any Warehouse) async throws -> [String: String] {
        let rows = try await warehouse.query(SQLStatement("SELECT advertiser_id, name FROM raw_tiktok_ads_advertisers"))
        var names: [String: String] = [:]
        for row in rows { if let name = row.optionalText("name") { names[row.text("advertiser_id")] = name } }
        return names
    }
}
