import Foundation
import OmnidashCore
import Warehouse

/// TikTok's campaigns, ad groups and ads → `stg_ad_entities` (and, through the kit, `stg_ad_budget_days`).
///
/// Budgets follow `budget_mode`: `BUDGET_MODE_DAY` (and the dynamic daily mode) is a daily budget, `BUDGET_MODE_TOTAL`
/// a lifetime budget, `BUDGET_MODE_INFINITE` none (the ad groups carry it, or nothing caps spend). Ad group schedules
/// are UTC date-times; a campaign's schedule is the span of its ad groups'.
struct TikTokAdsEntityStaging: AdEntityStagingBuilder {
    var platform: Platform { .tiktokAds }
    var entityTables: [RawTableContract] {
        [TikTokAdsRawTables.campaigns, TikTokAdsRawTables.adGroups, TikTokAdsRawTables.ads, TikTokAdsRawTables.advertisers]
    }

    func entities(_ context: StagingContext) async throws -> [AdEntity] {
        let warehouse = context.warehouse
        var currencies: [String: Currency] = [:]
        for row in try await warehouse.query(SQLStatement("SELECT advertiser_id, currency FROM raw_tiktok_ads_advertisers")) {
            if let code = row.optionalText("currency") { currencies[row.text("advertiser_id")] = Currency(code) }
        }
        func currency(_ advertiserID: String) -> Currency { currencies[advertiserID] ?? context.currency }

        let adGroupRows = try await warehouse.query(SQLStatement("""
            SELECT advertiser_id, adgroup_id, campaign_id, adgroup_name, budget_mode, budget, operation_status, secondary_status,
                   schedule_start_time, schedule_end_time
            FROM raw_tiktok_ads_adgroups ORDER BY advertiser_id, adgroup_id
            """))
        var adGroups: [AdEntity] = []
        for row in adGroupRows {
            var entity = AdEntity(level: .adSet, accountID: row.text("advertiser_id"), id: row.text("adgroup_id"),
                                  campaignID: row.text("campaign_id"), isActive: Self.isActive(row), currency: currency(row.text("advertiser_id")))
            entity.parentID = row.text("campaign_id")
            entity.name = row.optionalText("adgroup_name")
            entity.status = Self.status(row)
            (entity.dailyBudget, entity.lifetimeBudget) = try Self.budget(row, table: "raw_tiktok_ads_adgroups", key: entity.id)
            entity.startDate = Self.businessDate(row.optionalText("schedule_start_time"), context.calendar)
            entity.endDate = Self.businessDate(row.optionalText("schedule_end_time"), context.calendar)
            adGroups.append(entity)
        }
        let groupsByCampaign = Dictionary(grouping: adGroups, by: { $0.accountID + "|" + $0.campaignID })

        var entities: [AdEntity] = []
        let campaignRows = try await warehouse.query(SQLStatement("""
            SELECT advertiser_id, campaign_id, campaign_name, objective_type, budget_mode, budget, operation_status, secondary_status
            FROM raw_tiktok_ads_campaigns ORDER BY advertiser_id, campaign_id
            """))
        for row in campaignRows {
            let accountID = row.text("advertiser_id"), id = row.text("campaign_id")
            var entity = AdEntity(level: .campaign, accountID: accountID, id: id, campaignID: id, isActive: Self.isActive(row),
                                  currency: currency(accountID))
            entity.name = row.optionalText("campaign_name")
            entity.status = Self.status(row)
            entity.objective = row.optionalText("objective_type")
            (entity.dailyBudget, entity.lifetimeBudget) = try Self.budget(row, table: "raw_tiktok_ads_campaigns", key: id)
            let groups = groupsByCampaign[accountID + "|" + id] ?? []
            entity.startDate = groups.compactMap(\.startDate).min()
            // The campaign ends only when every ad group has an end.
            let ends = groups.compactMap(\.endDate)
            entity.endDate = !groups.isEmpty && ends.count == groups.count ? ends.max() : nil
            entities.append(entity)
        }
        entities += adGroups.map { group in
            var group = group
            group.objective = entities.first { $0.accountID == group.accountID && $0.id == group.campaignID }?.objective
            return group
        }

        let adRows = try await warehouse.query(SQLStatement("""
            SELECT advertiser_id, ad_id, adgroup_id, campaign_id, ad_name, operation_status, secondary_status, landing_page_url
            FROM raw_tiktok_ads_ads ORDER BY advertiser_id, ad_id
            """))
        for row in adRows {
            var entity = AdEntity(level: .ad, accountID: row.text("advertiser_id"), id: row.text("ad_id"),
                                  campaignID: row.text("campaign_id"), isActive: Self.isActive(row), currency: currency(row.text("advertiser_id")))
            entity.parentID = row.text("adgroup_id")
            entity.name = row.optionalText("ad_name")
            entity.status = Self.status(row)
            // TikTok sends the whole URL, tracking parameters included; an ad without one (a lead form) sends "".
            entity.landingURL = row.optionalText("landing_page_url").flatMap { $0.isEmpty ? nil : $0 }
            entities.append(entity)
        }
        return entities
    }

    /// Enabled by the advertiser and not deleted, disabled, finished or frozen by TikTok.
    static func isActive(_ row: WarehouseRow) -> Bool {
        guard row.optionalText("operation_status") == "ENABLE" else { return false }
        let secondary = row.optionalText("secondary_status") ?? ""
        return !["DELETE", "DISABLE", "TIME_DONE", "FROZEN", "CLOSED"].contains { secondary.contains($0) }
    }

    /// TikTok's detailed status when it sent one, else the advertiser's switch.
    static func status(_ row: WarehouseRow) -> String? {
        row.optionalText("secondary_status") ?? row.optionalText("operation_status")
    }

    /// (daily, lifetime) budgets from `budget_mode` and `budget`; a zero budget is none.
    static func budget(_ row: WarehouseRow, table: String, key: String) throws -> (Decimal?, Decimal?) {
        guard let text = row.optionalText("budget") else { return (nil, nil) }
        guard let amount = Decimal(exactly: text) else {
            throw StagingError(table: table, key: key, reason: "budget '\(text)' is not a number")
        }
        guard amount > 0 else { return (nil, nil) }
        switch row.optionalText("budget_mode") {
        case "BUDGET_MODE_DAY", "BUDGET_MODE_DYNAMIC_DAILY_BUDGET": return (amount, nil)
        case "BUDGET_MODE_TOTAL": return (nil, amount)
        default: return (nil, nil)
        }
    }

    /// `2025-01-05 17:00:00` (UTC) → the business date it falls on.
    static func businessDate(_ text: String?, _ calendar: BusinessCalendar) -> BusinessDate? {
        guard let text, text.count >= 19, let day = BusinessDate(String(text.prefix(10))) else { return nil }
        let clock = text.dropFirst(11).prefix(8).split(separator: ":").compactMap { Int64($0) }
        guard clock.count == 3 else { return nil }
        return calendar.date(unixSeconds: Int64(day.daysSinceEpoch) * 86_400 + clock[0] * 3_600 + clock[1] * 60 + clock[2])
    }
}
