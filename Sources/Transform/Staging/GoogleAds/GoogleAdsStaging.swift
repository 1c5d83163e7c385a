import Foundation
import OmnidashCore
import Warehouse

/// `raw_google_ads_campaigns` + `raw_google_ads` → `stg_ads_performance`: one delivery per ad group per day, and one at
/// campaign grain (ad_id = campaign id, no ad set) for what a campaign reports beyond its ad groups.
///
/// Campaign rows are the totals Google bills. Performance Max reports no ad groups, so its whole day is the campaign
/// row; a campaign with ad groups gets a campaign-grain row only for the difference (none when the ad groups add up, as
/// they do for Search and Shopping). The staged rows of a campaign therefore always sum to its campaign row.
///
/// `metrics.conversions` is a double (data-driven attribution makes it fractional); `stg_ads_performance.conversions`
/// is whole, so each staged row's count is rounded half away from zero. The raw tables keep the exact text.
struct GoogleAdsStaging: AdsStagingBuilder {
    var platform: Platform { .googleAds }
    var performanceTable: RawTableContract { GoogleAdsRawTables.campaigns }
    var rawTables: [RawTableContract] { [GoogleAdsRawTables.campaigns, GoogleAdsRawTables.adGroups] }
    /// Ad-group rows alone restage their dates too: the seed's Airbyte query reads only ad groups.
    var dateTables: [RawTableContract] { rawTables }

    /// A day's delivery of one object in the account currency, exact.
    struct Totals: Equatable {
        var impressions: Int64 = 0
        var clicks: Int64 = 0
        var costMicros: Int64 = 0
        var conversions: Decimal = 0
        var value: Decimal = 0

        static func - (lhs: Totals, rhs: Totals) -> Totals {
            Totals(impressions: lhs.impressions - rhs.impressions, clicks: lhs.clicks - rhs.clicks, costMicros: lhs.costMicros - rhs.costMicros,
                   conversions: lhs.conversions - rhs.conversions, value: lhs.value - rhs.value)
        }

        static func + (lhs: Totals, rhs: Totals) -> Totals {
            Totals(impressions: lhs.impressions + rhs.impressions, clicks: lhs.clicks + rhs.clicks, costMicros: lhs.costMicros + rhs.costMicros,
                   conversions: lhs.conversions + rhs.conversions, value: lhs.value + rhs.value)
        }

        var isZero: Bool { self == Totals() }
    }

    func deliveries(_ context: StagingContext, dates: ClosedRange<BusinessDate>) async throws -> [AdDelivery] {
        let parameters: [String: SQLValue] = ["first": .text(dates.lowerBound.description), "last": .text(dates.upperBound.description)]
        let campaigns = try await context.warehouse.query(SQLStatement("""
            SELECT _date, customer_id, customer_name, customer_currency, campaign_id, campaign_name, campaign_type,
                   impressions, clicks, cost_micros, conversions, conversion_value, _ingested_at
            FROM raw_google_ads_campaigns WHERE _date BETWEEN :first AND :last
            ORDER BY _date, customer_id, campaign_id
            """, parameters))
        let adGroups = try await context.warehouse.query(SQLStatement("""
            SELECT _date, customer_id, customer_name, customer_currency, campaign_id, campaign_name, campaign_type, ad_group_id,
                   ad_group_name, impressions, clicks, cost_micros, conversions, conversion_value, _ingested_at
            FROM raw_google_ads WHERE _date BETWEEN :first AND :last
            ORDER BY _date, customer_id, campaign_id, ad_group_id
            """, parameters))
        var byCampaign: [String: [WarehouseRow]] = [:]
        for row in adGroups {
            byCampaign[[row.text("_date"), row.text("customer_id"), row.text("campaign_id")].joined(separator: "|"), default: []].append(row)
        }
        var result: [AdDelivery] = []
        for campaign in campaigns {
            let key = [campaign.text("_date"), campaign.text("customer_id"), campaign.text("campaign_id")].joined(separator: "|")
            let groups = byCampaign.removeValue(forKey: key) ?? []
            var grouped = Totals()
            for group in groups {
                let totals = try Self.totals(group, table: "raw_google_ads", id: group.text("ad_group_id"))
                grouped = grouped + totals
                result.append(try delivery(group, totals, adID: group.text("ad_group_id")))
            }
            // What the campaign reports beyond its ad groups: all of a Performance Max campaign. A negative difference
            // (ad groups re-pulled later than their campaign) is staged too, so the campaign still sums to its own row.
            let rest = try Self.totals(campaign, table: "raw_google_ads_campaigns", id: campaign.text("campaign_id")) - grouped
            if !rest.isZero { result.append(try delivery(campaign, rest, adID: campaign.text("campaign_id"))) }
        }
        // Ad groups whose campaign row is missing (its stream has not run yet) still count.
        for groups in byCampaign.values {
            for group in groups {
                result.append(try delivery(group, try Self.totals(group, table: "raw_google_ads", id: group.text("ad_group_id")),
                                           adID: group.text("ad_group_id")))
            }
        }
        return result
    }

    /// A raw row's metrics, exactly: `cost_micros` whole, the doubles from their text.
    static func totals(_ raw: WarehouseRow, table: String, id: String) throws -> Totals {
        guard let conversions = Decimal(exactly: raw.text("conversions")), let value = Decimal(exactly: raw.text("conversion_value")) else {
            throw StagingError(table: table, key: "\(raw.text("customer_id"))/\(id)/\(raw.text("_date"))",
                               reason: "conversions '\(raw.text("conversions"))' or conversion_value '\(raw.text("conversion_value"))' is not a number")
        }
        return Totals(impressions: raw.int("impressions"), clicks: raw.int("clicks"), costMicros: raw.int("cost_micros"),
                      conversions: conversions, value: value)
    }

    private func delivery(_ raw: WarehouseRow, _ totals: Totals, adID: String) throws -> AdDelivery {
        guard let date = BusinessDate(raw.text("_date")) else {
            throw StagingError(table: performanceTable.table, key: adID, reason: "_date '\(raw.text("_date"))' is not a date")
        }
        var delivery = AdDelivery(date: date, accountID: raw.text("customer_id"), currency: Currency(raw.text("customer_currency")),
                                  adID: adID, impressions: totals.impressions, clicks: totals.clicks,
                                  spend: Decimal(totals.costMicros) / 1_000_000, conversions: Self.wholeCount(totals.conversions),
                                  conversionValue: totals.value)
        delivery.accountName = raw.optionalText("customer_name")
        delivery.campaignID = raw.optionalText("campaign_id")
        delivery.campaignName = raw.optionalText("campaign_name")
        delivery.campaignType = raw.optionalText("campaign_type")
        if adID != raw.text("campaign_id") {
            delivery.adSetID = adID
            delivery.adSetName = raw.optionalText("ad_group_name")
            delivery.adName = raw.optionalText("ad_group_name")
        } else {
            delivery.adName = raw.optionalText("campaign_name")
        }
        delivery.ingestedAt = raw.optionalText("_ingested_at")
        return delivery
    }

    /// A fractional conversion count rounded half away from zero to a whole one.
    static func wholeCount(_ value: Decimal) -> Int64 {
        var input = value, output = Decimal()
        NSDecimalRound(&output, &input, 0, .plain)
        return NSDecimalNumber(decimal: output).int64Value
    }
}
