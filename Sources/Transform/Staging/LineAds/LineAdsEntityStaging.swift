import Foundation
import OmnidashCore
import Warehouse

/// `raw_line_ads_entities` → `stg_ad_entities` (and budget days): campaigns, ad groups and ads as last listed.
///
/// LINE budgets ad groups daily (`dailyBudgetMicro`); a campaign has only a spending limit, kept as its lifetime
/// budget when it is one. Micros are exact: an amount is micros ÷ 1,000,000 in `Decimal`. Something can deliver
/// when it and its parents are `ACTIVE` and its schedule has not ended.
struct LineAdsEntityStaging: AdEntityStagingBuilder {
    var platform: Platform { .lineAds }
    var entityTables: [RawTableContract] { [LineAdsRawTables.entities] }

    func entities(_ context: StagingContext) async throws -> [AdEntity] {
        let raws = try await context.warehouse.query(SQLStatement("""
            SELECT ad_account_id, level, entity_id, campaign_id, adgroup_id, name, configured_status, delivery_status,
                   campaign_objective, spending_limit_type, spending_limit_micro, daily_budget_micro, start_date, end_date,
                   landing_url
            FROM raw_line_ads_entities ORDER BY ad_account_id, level, entity_id
            """))
        // The currency of each account, from its reported days; LINE lists entities without it.
        let currencies = try await context.warehouse.query(SQLStatement(
            "SELECT DISTINCT ad_account_id, currency FROM raw_line_ads"))
        var currency: [String: Currency] = [:]
        for row in currencies { currency[row.text("ad_account_id")] = Currency(row.text("currency")) }
        let today = context.today
        var campaignOfGroup: [String: String] = [:]
        var activeCampaigns: Set<String> = [], activeGroups: Set<String> = []
        for raw in raws where raw.text("level") == "campaign" && Self.isActive(raw, today: today) {
            activeCampaigns.insert(raw.text("ad_account_id") + "/" + raw.text("entity_id"))
        }
        for raw in raws where raw.text("level") == "adgroup" {
            let key = raw.text("ad_account_id") + "/" + raw.text("entity_id")
            campaignOfGroup[key] = raw.optionalText("campaign_id")
            if Self.isActive(raw, today: today), let campaign = raw.optionalText("campaign_id"),
               activeCampaigns.contains(raw.text("ad_account_id") + "/" + campaign) {
                activeGroups.insert(key)
            }
        }
        return raws.compactMap { raw -> AdEntity? in
            let account = raw.text("ad_account_id"), id = raw.text("entity_id")
            let accountCurrency = currency[account] ?? Currency("THB")
            var entity: AdEntity
            switch raw.text("level") {
            case "campaign":
                entity = AdEntity(level: .campaign, accountID: account, id: id, campaignID: id,
                                  isActive: activeCampaigns.contains(account + "/" + id), currency: accountCurrency)
                entity.objective = raw.optionalText("campaign_objective")
                if raw.optionalText("spending_limit_type") == "LIFETIME" {
                    entity.lifetimeBudget = raw.optionalInt("spending_limit_micro").map { Self.amount(micros: $0) }
                }
            case "adgroup":
                guard let campaign = raw.optionalText("campaign_id") else { return nil }
                entity = AdEntity(level: .adSet, accountID: account, id: id, campaignID: campaign,
                                  isActive: activeGroups.contains(account + "/" + id), currency: accountCurrency)
                entity.parentID = campaign
                entity.dailyBudget = raw.optionalInt("daily_budget_micro").map { Self.amount(micros: $0) }
            case "ad":
                guard let group = raw.optionalText("adgroup_id"), let campaign = campaignOfGroup[account + "/" + group] else { return nil }
                entity = AdEntity(level: .ad, accountID: account, id: id, campaignID: campaign,
                                  isActive: Self.isActive(raw, today: today) && activeGroups.contains(account + "/" + group),
                                  currency: accountCurrency)
                entity.parentID = group
                entity.landingURL = raw.optionalText("landing_url")
            default:
                return nil
            }
            entity.name = raw.optionalText("name")
            entity.status = raw.optionalText("configured_status")
            entity.startDate = raw.optionalText("start_date").flatMap { BusinessDate($0) }
            entity.endDate = raw.optionalText("end_date").flatMap { BusinessDate($0) }
            return entity
        }
    }

    /// Micros of the account currency → major units, exactly.
    static func amount(micros: Int64) -> Decimal {
        Decimal(micros) / 1_000_000
    }

    /// `ACTIVE` as configured, not removed or paused by delivery, and not past its end date.
    private static func isActive(_ raw: WarehouseRow, today: BusinessDate) -> Bool {
        guard raw.optionalText("configured_status") == "ACTIVE" else { return false }
        if let delivery = raw.optionalText("delivery_status"), ["PAUSED", "REMOVED"].contains(delivery) { return false }
        if let end = raw.optionalText("end_date").flatMap({ BusinessDate($0) }), end < today { return false }
        return true
    }
}
