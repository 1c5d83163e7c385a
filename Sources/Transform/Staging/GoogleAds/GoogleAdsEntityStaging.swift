import Foundation
import OmnidashCore
import Warehouse

/// The campaign and ad group listings → `stg_ad_entities` and `stg_ad_budget_days`. Google budgets sit on campaigns
/// (`campaign_budget.amount_micros`, daily); ad groups carry none. An end date of 2037-12-30 is Google's "no end date".
struct GoogleAdsEntityStaging: AdEntityStagingBuilder {
    var platform: Platform { .googleAds }
    var entityTables: [RawTableContract] { [GoogleAdsRawTables.campaignEntities, GoogleAdsRawTables.adGroupEntities] }

    /// Google's placeholder for a campaign that runs without an end date.
    static let openEnd = "2037-12-30"

    func entities(_ context: StagingContext) async throws -> [AdEntity] {
        let campaigns = try await context.warehouse.query(SQLStatement("""
            SELECT customer_id, customer_currency, campaign_id, campaign_name, status, advertising_channel_type, start_date,
                   end_date, budget_amount_micros, budget_period
            FROM raw_google_ads_campaign_entities ORDER BY customer_id, campaign_id
            """))
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
        return result
    }
}
