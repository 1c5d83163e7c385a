import OmnidashCore
import Warehouse

extension AdsOverview {
    /// Reads the range and its comparison period from the ads marts, narrowed to the chosen ad platform and account,
    /// and the range's marketplace revenue from the daily mart (unscoped: MER is blended). Ratios come from the sums.
    public static func query(_ warehouse: any Warehouse, filters: DashboardFilters) async throws -> Model {
        let range = filters.range
        var parameters: [String: SQLValue] = [
            "from": .text(range.start.description), "to": .text(range.end.description),
            "previous_from": .text(filters.comparison.start.description), "previous_to": .text(filters.comparison.end.description),
        ]
        let scope = scopeCondition(filters, parameters: &parameters)
        let current = "date BETWEEN :from AND :to", previous = "date BETWEEN :previous_from AND :previous_to"
        let budgeted = "\(current) AND daily_budget_minor IS NOT NULL"
        let platformRows = try await warehouse.query(SQLStatement("""
            SELECT platform, \(AdFigures.sums(when: current)), \(AdFigures.sums(when: previous, prefix: "previous_")),
                   CAST(sum(CASE WHEN \(current) THEN daily_budget_minor END) AS BIGINT) AS budget_minor,
                   CAST(sum(CASE WHEN \(budgeted) THEN spend_minor END) AS BIGINT) AS budget_spend_minor
            FROM mart_ads_channel_performance
            WHERE date BETWEEN :previous_from AND :to \(scope)
            GROUP BY platform
            """, parameters))
        var totals = AdFigures(), previousTotals = AdFigures()
        var platforms: [PlatformRow] = []
        for row in platformRows {
            guard let platform = Platform(rawValue: row.text("platform")) else { continue }
            let figures = AdFigures(row), before = AdFigures(row, prefix: "previous_")
            totals = totals + figures
            previousTotals = previousTotals + before
            guard figures.spendMinor != 0 || figures.impressions != 0 else { continue }
            platforms.append(PlatformRow(platform: platform, figures: figures, previousSpendMinor: before.spendMinor,
                                         budgetMinor: row.optionalInt("budget_minor"), budgetSpendMinor: row.int("budget_spend_minor")))
        }
        platforms.sort { ($0.figures.spendMinor, $0.platform.rawValue) > ($1.figures.spendMinor, $1.platform.rawValue) }

        let blendedRow = try await warehouse.query(SQLStatement("""
            SELECT CAST(sum(total_revenue_minor) AS BIGINT) AS revenue_minor, CAST(sum(total_ad_spend_minor) AS BIGINT) AS spend_minor,
                   CAST(sum(total_conversion_value_minor) AS BIGINT) AS value_minor
            FROM mart_daily_performance WHERE date BETWEEN :from AND :to
            """, parameters)).first
        let previousBlended = try await warehouse.query(SQLStatement("""
            SELECT CAST(sum(total_revenue_minor) AS BIGINT) AS revenue_minor, CAST(sum(total_ad_spend_minor) AS BIGINT) AS spend_minor
            FROM mart_daily_performance WHERE date BETWEEN :previous_from AND :previous_to
            """, parameters)).first
        let blended = Blended(revenueMinor: blendedRow?.int("revenue_minor") ?? 0, spendMinor: blendedRow?.int("spend_minor") ?? 0,
                              conversionValueMinor: blendedRow?.int("value_minor") ?? 0)
        let previousMER = Metrics.roas(revenueMinor: previousBlended?.int("revenue_minor") ?? 0,
                                       spendMinor: previousBlended?.int("spend_minor") ?? 0)

        let dailyRows = try await warehouse.query(SQLStatement("""
            SELECT date, platform, CAST(sum(spend_minor) AS BIGINT) AS spend_minor
            FROM mart_ads_channel_performance WHERE date BETWEEN :from AND :to \(scope)
            GROUP BY date, platform
            """, parameters))
        var byDay: [String: [Platform: Int64]] = [:]
        for row in dailyRows {
            guard let platform = Platform(rawValue: row.text("platform")) else { continue }
            byDay[row.text("date"), default: [:]][platform] = row.int("spend_minor")
        }
        let daily = range.days.map { date in
            DailySpend(date: date, spendMinor: platforms.map { byDay[date.description]?[$0.platform] ?? 0 })
        }

        return Model(filters: filters, accounts: try await accounts(warehouse), kpis: kpis(totals, previousTotals, mer: blended.mer,
                                                                                            previousMER: previousMER),
                     blended: blended, platforms: platforms, daily: daily,
                     campaigns: try await campaigns(warehouse, parameters: parameters, scope: scope))
    }

    /// Every campaign of the range with its sums, budget and status: the status most of its spend had, each day judged
    /// against the targets. Not the last day's: recent days are still restating and would look worse than they are.
    static func campaigns(_ warehouse: any Warehouse, parameters: [String: SQLValue], scope: String) async throws -> [CampaignRow] {
        let rows = try await warehouse.query(SQLStatement("""
            SELECT platform, account_id, campaign_id, max(account_name) AS account_name, max(campaign_name) AS campaign_name,
                   max(campaign_type) AS campaign_type, \(AdFigures.sums()),
                   CAST(sum(daily_budget_minor) AS BIGINT) AS budget_minor,
                   CAST(sum(CASE WHEN daily_budget_minor IS NOT NULL THEN spend_minor END) AS BIGINT) AS budget_spend_minor
            FROM mart_campaign_performance WHERE date BETWEEN :from AND :to \(scope)
            GROUP BY platform, account_id, campaign_id
            """, parameters))
        let statuses = try await warehouse.query(SQLStatement("""
            SELECT platform, account_id, campaign_id, performance_status, CAST(sum(spend_minor) AS BIGINT) AS spend_minor
            FROM mart_campaign_performance WHERE date BETWEEN :from AND :to AND performance_status IS NOT NULL \(scope)
            GROUP BY platform, account_id, campaign_id, performance_status
            """, parameters))
        var status: [String: (name: String, spend: Int64)] = [:]
        for row in statuses {
            let key = [row.text("platform"), row.text("account_id"), row.text("campaign_id")].joined(separator: "|")
            let candidate = (name: row.text("performance_status"), spend: row.int("spend_minor"))
            // Ties go to the worse status, so a split campaign is not called good.
            if let held = status[key], (held.spend, Self.severity(held.name)) >= (candidate.spend, Self.severity(candidate.name)) { continue }
            status[key] = candidate
        }
        return rows.compactMap { row -> CampaignRow? in
            guard let platform = Platform(rawValue: row.text("platform")) else { return nil }
            let key = [row.text("platform"), row.text("account_id"), row.text("campaign_id")].joined(separator: "|")
            return CampaignRow(platform: platform, accountID: row.text("account_id"), accountName: row.optionalText("account_name"),
                               campaignID: row.text("campaign_id"), campaignName: row.optionalText("campaign_name"),
                               campaignType: row.optionalText("campaign_type"), figures: AdFigures(row),
                               budgetMinor: row.optionalInt("budget_minor"), budgetSpendMinor: row.int("budget_spend_minor"),
                               status: status[key]?.name)
        }
        .sorted { ($0.figures.spendMinor, $0.campaignID) > ($1.figures.spendMinor, $1.campaignID) }
    }

    /// Poor is the most severe status.
    private static func severity(_ status: String) -> Int {
        switch status {
        case "poor": 2
        case "warning": 1
        default: 0
        }
    }

    static func kpis(_ current: AdFigures, _ previous: AdFigures, mer: Double?, previousMER: Double?) -> [KPIValue] {
        func value(_ key: String, _ label: TextKey, _ now: Measure?, _ before: Measure?, _ polarity: DeltaBadge.Polarity) -> KPIValue {
            KPIValue(key: key, label: label, current: now, previous: before, change: Metrics.change(now?.number, from: before?.number),
                     polarity: polarity)
        }
        return [
            value("spend", .adSpend, .money(minor: current.spendMinor), .money(minor: previous.spendMinor), .neutral),
            value("impressions", .impressions, .count(current.impressions), .count(previous.impressions), .higherIsBetter),
            value("clicks", .clicks, .count(current.clicks), .count(previous.clicks), .higherIsBetter),
            value("conversions", .conversions, .count(current.conversions), .count(previous.conversions), .higherIsBetter),
            value("roas", .platformROAS, current.roas.map(Measure.multiple), previous.roas.map(Measure.multiple), .higherIsBetter),
            value("cpa", .cpa, current.cpa.map(Measure.averageMoney), previous.cpa.map(Measure.averageMoney), .lowerIsBetter),
            value("ctr", .ctr, current.ctr.map(Measure.percent), previous.ctr.map(Measure.percent), .higherIsBetter),
            value("cpc", .cpc, current.cpc.map(Measure.averageMoney), previous.cpc.map(Measure.averageMoney), .lowerIsBetter),
            value("cpm", .cpm, current.cpm.map(Measure.averageMoney), previous.cpm.map(Measure.averageMoney), .lowerIsBetter),
            value("mer", .mer, mer.map(Measure.multiple), previousMER.map(Measure.multiple), .higherIsBetter),
        ]
    }

    /// `AND platform = :platform AND account_id = :account` for what the filters narrow to.
    static func scopeCondition(_ filters: DashboardFilters, parameters: inout [String: SQLValue]) -> String {
        var condition = ""
        if let platform = filters.platform {
            condition += " AND platform = :platform"
            parameters["platform"] = .text(platform.rawValue)
        }
        if let account = filters.accountID {
            condition += " AND account_id = :account"
            parameters["account"] = .text(account)
        }
        return condition
    }

    /// Every ad account the channel mart has figures for, by platform then name.
    static func accounts(_ warehouse: any Warehouse, platforms: [Platform]? = nil) async throws -> [AdsScopeForm.Account] {
        try await warehouse.query("SELECT platform, account_id, max(account_name) AS account_name FROM mart_ads_channel_performance GROUP BY platform, account_id")
            .compactMap { row -> AdsScopeForm.Account? in
                guard let platform = Platform(rawValue: row.text("platform")), platforms?.contains(platform) ?? true else { return nil }
                return AdsScopeForm.Account(platform: platform, accountID: row.text("account_id"), name: row.optionalText("account_name"))
            }
            .sorted { ($0.platform.rawValue, $0.name ?? $0.accountID) < ($1.platform.rawValue, $1.name ?? $1.accountID) }
    }
}
