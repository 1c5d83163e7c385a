import Foundation
import OmnidashCore
import Warehouse

/// A source's ad entity staging: its raw entity tables → `stg_ad_entities` and `stg_ad_budget_days`. A platform gives
/// its tables and how their rows read as `AdEntity`s; `AdEntityStaging` does the rest.
///
/// It follows the platform's `AdsStagingBuilder` in `StagingRegistry`: budget days span the dates the platform has
/// delivery for.
protocol AdEntityStagingBuilder: StagingBuilder {
    var platform: Platform { get }
    var entityTables: [RawTableContract] { get }
    /// Every entity in the raw tables, as last synced.
    func entities(_ context: StagingContext) async throws -> [AdEntity]
}

extension AdEntityStagingBuilder {
    var name: String { "stg_ad_entities.\(platform.rawValue)" }
    var rawTables: [RawTableContract] { entityTables }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        try await AdEntityStaging(context: context, platform: platform).replace(with: entities(context))
    }
}

/// Replaces one platform's entities and works out each campaign's budget on each day it was in force.
struct AdEntityStaging: Sendable {
    let context: StagingContext
    let platform: Platform

    /// Writes `entities` as the platform's whole set, and its budget days; the dates whose budgets changed are touched.
    func replace(with entities: [AdEntity]) async throws -> StagingOutcome {
        let budgetDays = try await self.budgetDays(entities)
        let before = try await context.warehouse.query(SQLStatement(
            "SELECT date, account_id, campaign_id, daily_budget_thb_minor FROM stg_ad_budget_days WHERE platform = :platform",
            ["platform": .text(platform.rawValue)]))
        var previous: [String: Int64] = [:]
        for row in before {
            previous[[row.text("date"), row.text("account_id"), row.text("campaign_id")].joined(separator: "|")] =
                row.int("daily_budget_thb_minor")
        }
        var outcome = StagingOutcome()
        for day in budgetDays {
            let key = [day.date.description, day.accountID, day.campaignID].joined(separator: "|")
            if previous.removeValue(forKey: key) != day.thbMinor { outcome.touchedDates.insert(day.date) }
        }
        for key in previous.keys {
            if let date = BusinessDate(String(key.prefix { $0 != "|" })) { outcome.touchedDates.insert(date) }
        }
        let parameters: [String: SQLValue] = ["platform": .text(platform.rawValue)]
        try await context.warehouse.write([
            .execute(SQLStatement("DELETE FROM stg_ad_entities WHERE platform = :platform", parameters)),
            .insert(RowSet(StagingTables.adEntities, rows: entities.map(row))),
            .execute(SQLStatement("DELETE FROM stg_ad_budget_days WHERE platform = :platform", parameters)),
            .insert(RowSet(StagingTables.adBudgetDays, rows: budgetDays.map(row))),
        ])
        outcome.rows = entities.count + budgetDays.count
        return outcome
    }

    private func row(_ entity: AdEntity) -> TableRow {
        var row = StagingTables.adEntities.row()
        row["platform"] = .text(platform.rawValue)
        row["account_id"] = .text(entity.accountID)
        row["level"] = .text(entity.level.rawValue)
        row["entity_id"] = .text(entity.id)
        row["parent_id"] = text(entity.parentID)
        row["campaign_id"] = .text(entity.campaignID)
        row["name"] = text(entity.name)
        row["status"] = text(entity.status)
        row["is_active"] = .integer(entity.isActive ? 1 : 0)
        row["objective"] = text(entity.objective)
        row["currency"] = .text(entity.currency.code)
        row["daily_budget"] = text(entity.dailyBudget.map { "\($0)" })
        row["lifetime_budget"] = text(entity.lifetimeBudget.map { "\($0)" })
        row["start_date"] = text(entity.startDate?.description)
        row["end_date"] = text(entity.endDate?.description)
        let tags = entity.landingURL.map(UTMParameters.init(url:))
        row["landing_url"] = text(entity.landingURL)
        row["utm_source"] = text(tags?.source)
        row["utm_medium"] = text(tags?.medium)
        row["utm_campaign"] = text(tags?.campaign)
        row["utm_id"] = text(tags?.id)
        row["_built_at"] = .text(context.builtAt)
        return row
    }

    /// A campaign's budget is in force on the days of its schedule that the platform has delivery for (the account's
    /// first to last staged day); a campaign that is not active now counts only on the days it delivered. Its daily
    /// budget is its own, else the sum of its active ad sets' daily budgets, else a lifetime budget spread evenly over
    /// a bounded schedule.
    private struct BudgetDay {
        let date: BusinessDate
        let accountID: String
        let campaignID: String
        let budget: Decimal
        let currency: Currency
        let rate: Decimal
        let thbMinor: Int64
    }

    private func row(_ day: BudgetDay) -> TableRow {
        var row = StagingTables.adBudgetDays.row()
        row["date"] = .text(day.date.description)
        row["platform"] = .text(platform.rawValue)
        row["account_id"] = .text(day.accountID)
        row["campaign_id"] = .text(day.campaignID)
        row["daily_budget"] = .text("\(day.budget)")
        row["currency"] = .text(day.currency.code)
        row["fx_rate"] = .text("\(day.rate)")
        row["daily_budget_thb_minor"] = .integer(day.thbMinor)
        row["_built_at"] = .text(context.builtAt)
        return row
    }

    private func budgetDays(_ entities: [AdEntity]) async throws -> [BudgetDay] {
        let spans = try await context.warehouse.query(SQLStatement("""
            SELECT account_id, MIN(date) AS first, MAX(date) AS last FROM stg_ads_performance
            WHERE platform = :platform GROUP BY account_id
            """, ["platform": .text(platform.rawValue)]))
        var span: [String: ClosedRange<BusinessDate>] = [:]
        for row in spans {
            if let first = BusinessDate(row.text("first")), let last = BusinessDate(row.text("last")) { span[row.text("account_id")] = first...last }
        }
        let delivered = try await context.warehouse.query(SQLStatement("""
            SELECT DISTINCT account_id, campaign_id, date FROM stg_ads_performance
            WHERE platform = :platform AND spend_thb_minor > 0
            """, ["platform": .text(platform.rawValue)]))
        var deliveredDays: [String: Set<BusinessDate>] = [:]
        for row in delivered {
            if let date = BusinessDate(row.text("date")) { deliveredDays[row.text("account_id") + "|" + row.text("campaign_id"), default: []].insert(date) }
        }
        let adSetBudgets = Dictionary(grouping: entities.filter { $0.level == .adSet && $0.isActive }, by: { $0.accountID + "|" + $0.campaignID })
            .compactMapValues { sets -> Decimal? in
                let budgets = sets.compactMap(\.dailyBudget)
                return budgets.isEmpty ? nil : budgets.reduce(0, +)
            }
        var days: [BudgetDay] = []
        for campaign in entities where campaign.level == .campaign {
            let key = campaign.accountID + "|" + campaign.campaignID
            guard let budget = dailyBudget(campaign, adSets: adSetBudgets[key]), let staged = span[campaign.accountID] else { continue }
            let first = max(staged.lowerBound, campaign.startDate ?? staged.lowerBound)
            let last = min(staged.upperBound, campaign.endDate ?? staged.upperBound)
            guard first <= last else { continue }
            for date in first...last where campaign.isActive || deliveredDays[key]?.contains(date) == true {
                let rate = try context.fx.rate(campaign.currency, on: date)
                let thb = Money(budget, currency: campaign.currency).converted(to: context.currency, rate: rate)
                days.append(BudgetDay(date: date, accountID: campaign.accountID, campaignID: campaign.campaignID, budget: budget,
                                      currency: campaign.currency, rate: rate, thbMinor: thb.minorUnits))
            }
        }
        return days
    }

    private func dailyBudget(_ campaign: AdEntity, adSets: Decimal?) -> Decimal? {
        if let daily = campaign.dailyBudget, daily > 0 { return daily }
        if let adSets, adSets > 0 { return adSets }
        if let lifetime = campaign.lifetimeBudget, lifetime > 0, let start = campaign.startDate, let end = campaign.endDate, start <= end {
            var spread = lifetime / Decimal(start.distance(to: end) + 1)
            var rounded = Decimal()
            NSDecimalRound(&rounded, &spread, 2, .plain)
            return rounded
        }
        return nil
    }

    private func text(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
}
