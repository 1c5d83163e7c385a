import Foundation
import OmnidashCore
import Warehouse

/// `raw_shopee_ads_campaigns` → `stg_ad_entities` and `stg_ad_budget_days` (platform `shopee_ads`): each product
/// campaign with its status, placement and daily budget. Shopee has no ad groups or ads above the listing, so
/// campaigns are the only level.
struct ShopeeAdsEntityStaging: AdEntityStagingBuilder {
    var platform: Platform { .shopeeAds }
    var entityTables: [RawTableContract] { [ShopeeAdsRawTables.campaigns] }

    /// Statuses of a campaign that can deliver now or will on its own (Shopee: ongoing, scheduled).
    static let activeStatuses: Set<String> = ["ongoing", "scheduled"]

    func entities(_ context: StagingContext) async throws -> [AdEntity] {
        let raws = try await context.warehouse.query(SQLStatement("""
            SELECT shop_id, region, campaign_id, ad_name, ad_type, campaign_status, campaign_placement, campaign_budget,
                   start_time, end_time
            FROM raw_shopee_ads_campaigns
            """))
        let table = ShopeeAdsRawTables.campaigns.table
        return try raws.map { raw in
            let key = "\(raw.text("shop_id"))/\(raw.text("campaign_id"))"
            let status = raw.optionalText("campaign_status")
            var entity = AdEntity(level: .campaign, accountID: raw.text("shop_id"), id: raw.text("campaign_id"),
                                  campaignID: raw.text("campaign_id"),
                                  isActive: status.map { Self.activeStatuses.contains($0.lowercased()) } ?? false,
                                  currency: try ShopeeAdsRegion.currency(raw.optionalText("region"), table: table, key: key))
            entity.name = raw.optionalText("ad_name")
            entity.status = status
            entity.objective = [raw.optionalText("ad_type"), raw.optionalText("campaign_placement")].compactMap { $0 }
                .joined(separator: " ").nilIfEmpty
            if let budget = raw.optionalText("campaign_budget") {
                guard let value = Decimal(exactly: budget) else {
                    throw StagingError(table: table, key: key, reason: "campaign_budget '\(budget)' is not a number")
                }
                // 0 is "no limit" on Shopee: no budget to measure against.
                entity.dailyBudget = value > 0 ? value : nil
            }
            if let start = raw.optionalInt("start_time"), start > 0 { entity.startDate = context.calendar.date(unixSeconds: start) }
            if let end = raw.optionalInt("end_time"), end > 0 { entity.endDate = context.calendar.date(unixSeconds: end) }
            return entity
        }
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
