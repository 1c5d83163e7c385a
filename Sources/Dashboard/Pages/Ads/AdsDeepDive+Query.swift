import OmnidashCore
import Warehouse

extension AdsDeepDive {
    /// Reads the scope's rows at the level the filters drill to from `stg_ads_performance` (the marts stop at the
    /// campaign), its daily trend and KPIs, and the platform's breakdown once a campaign is chosen.
    public func query(_ warehouse: any Warehouse, filters: DashboardFilters) async throws -> Model {
        let level: Level = filters.adSetID != nil ? .ad : filters.campaignID != nil ? .adSet : .campaign
        var parameters: [String: SQLValue] = [
            "from": .text(filters.range.start.description), "to": .text(filters.range.end.description),
            "previous_from": .text(filters.comparison.start.description), "previous_to": .text(filters.comparison.end.description),
        ]
        let scope = scopeCondition(filters, parameters: &parameters)
        let figures = AdFigures.sums(spend: "spend_thb_minor", value: "conversion_value_thb_minor")
        let (idColumn, nameColumn) = switch level {
        case .campaign: ("campaign_id", "campaign_name")
        case .adSet: ("adset_id", "adset_name")
        case .ad: ("ad_id", "ad_name")
        }
        let rows = try await warehouse.query(SQLStatement("""
            SELECT platform, account_id, max(campaign_id) AS campaign_id, max(adset_id) AS adset_id,
                   coalesce(\(idColumn), ad_id) AS id, max(coalesce(\(nameColumn), ad_name)) AS name, \(figures)
            FROM stg_ads_performance WHERE date BETWEEN :from AND :to \(scope)
            GROUP BY platform, account_id, coalesce(\(idColumn), ad_id)
            """, parameters)).compactMap { row -> Row? in
                guard let platform = Platform(rawValue: row.text("platform")) else { return nil }
                return Row(platform: platform, accountID: row.text("account_id"), campaignID: row.optionalText("campaign_id"),
                           adSetID: row.optionalText("adset_id"), id: row.text("id"), name: row.optionalText("name"),
                           figures: AdFigures(row))
            }
            .sorted { ($0.figures.spendMinor, $0.id) > ($1.figures.spendMinor, $1.id) }

        let totals = try await warehouse.query(SQLStatement("""
            SELECT \(AdFigures.sums(spend: "spend_thb_minor", value: "conversion_value_thb_minor", when: "date BETWEEN :from AND :to")),
                   \(AdFigures.sums(spend: "spend_thb_minor", value: "conversion_value_thb_minor",
                                    when: "date BETWEEN :previous_from AND :previous_to", prefix: "previous_")),
                   max(CASE WHEN campaign_id = :campaign THEN campaign_name END) AS campaign_name,
                   max(CASE WHEN adset_id = :adset THEN adset_name END) AS adset_name
            FROM stg_ads_performance WHERE date BETWEEN :previous_from AND :to \(scope)
            """, parameters.merging(["campaign": .text(filters.campaignID ?? ""), "adset": .text(filters.adSetID ?? "")]) { old, _ in old }))
            .first
        let current = totals.map { AdFigures($0) } ?? AdFigures()
        let previous = totals.map { AdFigures($0, prefix: "previous_") } ?? AdFigures()

        let dailyRows = try await warehouse.query(SQLStatement("""
            SELECT date, CAST(sum(spend_thb_minor) AS BIGINT) AS spend_minor,
                   CAST(sum(conversion_value_thb_minor) AS BIGINT) AS value_minor
            FROM stg_ads_performance WHERE date BETWEEN :from AND :to \(scope) GROUP BY date
            """, parameters))
        let byDay = Dictionary(dailyRows.map { ($0.text("date"), $0) }, uniquingKeysWith: { first, _ in first })
        let daily = filters.range.days.map { date in
            DailyFigures(date: date, spendMinor: byDay[date.description]?.int("spend_minor") ?? 0,
                         conversionValueMinor: byDay[date.description]?.int("value_minor") ?? 0)
        }
        let shownBreakdown = filters.campaignID == nil ? nil : breakdown
        return Model(filters: filters, level: level, accounts: try await AdsOverview.accounts(warehouse, platforms: platforms),
                     campaignName: totals?.optionalText("campaign_name"), adSetName: totals?.optionalText("adset_name"),
                     kpis: kpis(current, previous), daily: daily, rows: rows, breakdown: shownBreakdown,
                     breakdownRows: try await breakdownRows(shownBreakdown, warehouse, parameters: parameters, scope: scope))
    }

    /// `AND platform IN (…)` for the page's platforms, then the chosen platform, account, campaign and ad set.
    func scopeCondition(_ filters: DashboardFilters, parameters: inout [String: SQLValue]) -> String {
        let shown = filters.platform.map { platforms.contains($0) ? [$0] : [] } ?? platforms
        var names: [String] = []
        for (index, platform) in shown.enumerated() {
            names.append(":platform\(index)")
            parameters["platform\(index)"] = .text(platform.rawValue)
        }
        var condition = names.isEmpty ? " AND 1 = 0" : " AND platform IN (\(names.joined(separator: ", ")))"
        for (column, name, value) in [("account_id", "account", filters.accountID), ("campaign_id", "campaign", filters.campaignID),
                                      ("adset_id", "adset", filters.adSetID)] {
            guard let value else { continue }
            condition += " AND \(column) = :\(name)"
            parameters[name] = .text(value)
        }
        return condition
    }

    private func kpis(_ current: AdFigures, _ previous: AdFigures) -> [KPIValue] {
        let keys: Set = ["spend", "impressions", "clicks", "conversions", "roas", "cpa", "ctr", "cpc"]
        return AdsOverview.kpis(current, previous, mer: nil, previousMER: nil).filter { keys.contains($0.key) }
    }

    private func breakdownRows(_ breakdown: Breakdown?, _ warehouse: any Warehouse, parameters: [String: SQLValue],
                               scope: String) async throws -> [BreakdownRow] {
        guard let breakdown else { return [] }
        let (table, labels) = switch breakdown {
        case .keywords: ("stg_ads_keywords", ["keyword_text", "match_type"])
        case .ageAndGender: ("stg_ads_demographics", ["age", "gender"])
        }
        let columns = labels.joined(separator: ", ")
        let figures = ["impressions", "clicks", "conversions"].map { "CAST(sum(\($0)) AS BIGINT) AS \($0)" }.joined(separator: ", ")
        return try await warehouse.query(SQLStatement("""
            SELECT \(columns), CAST(sum(spend_thb_minor) AS BIGINT) AS spend_minor,
                   CAST(sum(conversion_value_thb_minor) AS BIGINT) AS conversion_value_minor, \(figures)
            FROM \(table) WHERE date BETWEEN :from AND :to \(scope)
            GROUP BY \(columns)
            """, parameters))
            .map { BreakdownRow(labels: labels.map($0.text), figures: AdFigures($0)) }
            .sorted { ($0.figures.spendMinor, $0.labels.joined(separator: "\u{1F}")) > ($1.figures.spendMinor, $1.labels.joined(separator: "\u{1F}")) }
    }
}
