import Foundation
import OmnidashCore
import Warehouse

/// The campaign, ad group and ad listings → `stg_ad_entities` and `stg_ad_budget_days`. Google budgets sit on campaigns
/// (`campaign_budget.amount_micros`, daily); ad groups carry none. An end date of 2037-12-30 is Google's "no end date".
///
/// An ad's landing URL is its final URL with the final URL suffix Google appends on a click: the ad's own, else its
/// campaign's. A Performance Max campaign has no ads to report, so the campaign itself carries the landing URL: its
/// first asset group's final URL with the campaign's suffix.
struct GoogleAdsEntityStaging: AdEntityStagingBuilder {
    var platform: Platform { .googleAds }
    var entityTables: [RawTableContract] {
        [GoogleAdsRawTables.campaignEntities, GoogleAdsRawTables.adGroupEntities, GoogleAdsRawTables.adEntities,
         GoogleAdsRawTables.assetGroupEntities]
    }

    /// Google's placeholder for a campaign that runs without an end date.
    static let openEnd = "2037-12-30"

    func entities(_ context: StagingContext) async throws -> [AdEntity] {
        let campaigns = try await context.warehouse.query(SQLStatement("""
            SELECT customer_id, customer_currency, campaign_id, campaign_name, status, advertising_channel_type, start_date,
                   end_date, budget_amount_micros, budget_period, final_url_suffix
            FROM raw_google_ads_campaign_entities ORDER BY customer_id, campaign_id
            """))
        let ads = try await context.warehouse.query(SQLStatement("""
            SELECT customer_id, customer_currency, campaign_id, ad_group_id, ad_id, ad_name, status, type, final_url, final_url_suffix
            FROM raw_google_ads_ad_entities ORDER BY customer_id, ad_group_id, ad_id
            """))
        let assetGroups = try await context.warehouse.query(SQLStatement("""
            SELECT customer_id, campaign_id, final_url FROM raw_google_ads_asset_group_entities
            WHERE final_url IS NOT NULL ORDER BY customer_id, campaign_id, asset_group_id
            """))
        var suffixes: [String: String] = [:]
        for raw in campaigns {
            if let suffix = raw.optionalText("final_url_suffix") { suffixes[raw.text("customer_id") + "/" + raw.text("campaign_id")] = suffix }
        }
        var assetGroupPages: [String: String] = [:]
        for raw in assetGroups {
            let key = raw.text("customer_id") + "/" + raw.text("campaign_id")
            if assetGroupPages[key] == nil { assetGroupPages[key] = raw.optionalText("final_url") }
        }
        let adGroups = try await context.warehouse.query(SQLStatement("""
            SELECT customer_id, customer_currency, campaign_id, ad_group_id, ad_group_name, status, type
            FROM raw_google_ads_ad_group_entities ORDER BY customer_id, ad_group_id
            """))
        var result: [AdEntity] = []
        for raw in campaigns {
            let status = raw.optionalText("status")
            var entity = AdEntity(level: .campaign, accountID: raw.text("customer_id"), id: raw.text("campaign_id"),
                                  campaignID: raw.text("campaign_id"), isActive: status == "ENABLED",
                                  currency: Currency(raw.text("customer_currency")))
            entity.name = raw.optionalText("campaign_name")
            entity.status = status
            entity.objective = raw.optionalText("advertising_channel_type")
            if let micros = raw.optionalInt("budget_amount_micros") {
                let amount = Decimal(micros) / 1_000_000
                // A custom-period budget is the amount for the whole schedule.
                if raw.optionalText("budget_period") == "CUSTOM_PERIOD" { entity.lifetimeBudget = amount } else { entity.dailyBudget = amount }
            }
            entity.startDate = raw.optionalText("start_date").flatMap { BusinessDate($0) }
            entity.endDate = raw.optionalText("end_date").flatMap { $0 == Self.openEnd ? nil : BusinessDate($0) }
            if let page = assetGroupPages[raw.text("customer_id") + "/" + raw.text("campaign_id")] {
                entity.landingURL = Self.landingURL(finalURL: page, suffix: raw.optionalText("final_url_suffix"))
            }
            result.append(entity)
        }
        for raw in adGroups {
            let status = raw.optionalText("status")
            var entity = AdEntity(level: .adSet, accountID: raw.text("customer_id"), id: raw.text("ad_group_id"),
                                  campaignID: raw.text("campaign_id"), isActive: status == "ENABLED",
                                  currency: Currency(raw.text("customer_currency")))
            entity.parentID = raw.text("campaign_id")
            entity.name = raw.optionalText("ad_group_name")
            entity.status = status
            entity.objective = raw.optionalText("type")
            result.append(entity)
        }
        for raw in ads {
            let status = raw.optionalText("status")
            let campaignKey = raw.text("customer_id") + "/" + raw.text("campaign_id")
            var entity = AdEntity(level: .ad, accountID: raw.text("customer_id"), id: raw.text("ad_id"),
                                  campaignID: raw.text("campaign_id"), isActive: status == "ENABLED",
                                  currency: Currency(raw.text("customer_currency")))
            entity.parentID = raw.text("ad_group_id")
            entity.name = raw.optionalText("ad_name")
            entity.status = status
            entity.objective = raw.optionalText("type")
            entity.landingURL = raw.optionalText("final_url").map {
                Self.landingURL(finalURL: $0, suffix: raw.optionalText("final_url_suffix") ?? suffixes[campaignKey])
            }
            result.append(entity)
        }
        return result
    }

    /// The URL a click lands on: the final URL with the suffix appended to its query (Google adds `?` or `&`).
    static func landingURL(finalURL: String, suffix: String?) -> String {
        let suffix = suffix.map { $0.hasPrefix("?") || $0.hasPrefix("&") ? String($0.dropFirst()) : $0 } ?? ""
        guard !suffix.isEmpty else { return finalURL }
        return finalURL + (finalURL.contains("?") ? "&" : "?") + suffix
    }
}
