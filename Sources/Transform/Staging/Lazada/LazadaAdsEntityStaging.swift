import Foundation
import OmnidashCore
import Warehouse

/// `raw_lazada_ads_campaigns` → `stg_ad_entities` and `stg_ad_budget_days` (platform `lazada_ads`): each Sponsored
/// Discovery campaign with its combined status (1 on, 0 off), daily budget and schedule.
struct LazadaAdsEntityStaging: AdEntityStagingBuilder {
    var platform: Platform { .lazadaAds }
    var entityTables: [RawTableContract] { [LazadaAdsRawTables.campaigns] }

    /// Lazada writes "no end date" as a far-future day (3020-12-30 in its samples).
    static let openEndYear = 3000

    func entities(_ context: StagingContext) async throws -> [AdEntity] {
        let raws = try await context.warehouse.query(SQLStatement("""
            SELECT seller_id, currency, campaign_id, campaign_name, status, switch_status, daily_budget, start_date, end_date
            FROM raw_lazada_ads_campaigns
            """))
        return try raws.map { raw in
            let status = raw.optionalText("status")
            var entity = AdEntity(level: .campaign, accountID: raw.text("seller_id"), id: raw.text("campaign_id"),
                                  campaignID: raw.text("campaign_id"), isActive: status == "1",
                                  currency: Currency(raw.text("currency")))
            entity.name = raw.optionalText("campaign_name")
            entity.status = status.map { $0 == "1" ? "ON" : "OFF" }
            entity.objective = "sponsoredSearch"
            if let budget = raw.optionalText("daily_budget") {
                guard let value = Decimal(exactly: budget) else {
                    throw StagingError(table: LazadaAdsRawTables.campaigns.table, key: "\(raw.text("seller_id"))/\(raw.text("campaign_id"))",
                                       reason: "daily_budget '\(budget)' is not a number")
                }
                entity.dailyBudget = value > 0 ? value : nil
            }
            entity.startDate = raw.optionalText("start_date").flatMap(BusinessDate.init)
            entity.endDate = raw.optionalText("end_date").flatMap(BusinessDate.init).flatMap { $0.year >= Self.openEndYear ? nil : $0 }
            return entity
        }
    }
}
