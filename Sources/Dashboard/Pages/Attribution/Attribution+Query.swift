import OmnidashCore
import Warehouse

extension Attribution {
    /// Reads the range and its comparison from the attribution mart, narrowed to the chosen ad platform and account,
    /// and the governance lists (all synced dates). Every ratio comes from the sums.
    public static func query(_ warehouse: any Warehouse, filters: DashboardFilters) async throws -> Model {
        var parameters: [String: SQLValue] = [
            "from": .text(filters.range.start.description), "to": .text(filters.range.end.description),
            "previous_from": .text(filters.comparison.start.description), "previous_to": .text(filters.comparison.end.description),
        ]
        var scope = ""
        if let platform = filters.platform {
            scope += " AND ads_platform = :platform"
            parameters["platform"] = .text(platform.rawValue)
        }
        if let account = filters.accountID {
            scope += " AND account_id = :account"
            parameters["account"] = .text(account)
        }
        let current = "date BETWEEN :from AND :to", previous = "date BETWEEN :previous_from AND :previous_to"
        let totalsRow = try await warehouse.query(SQLStatement("""
            SELECT \(AttributionFigures.sums(when: current)), \(AttributionFigures.sums(when: previous, prefix: "previous_"))
            FROM mart_cross_channel_attribution WHERE date BETWEEN :previous_from AND :to\(scope)
            """, parameters)).first
        let totals = totalsRow.map { AttributionFigures($0) } ?? AttributionFigures()
        let previousTotals = totalsRow.map { AttributionFigures($0, prefix: "previous_") } ?? AttributionFigures()

        let campaigns = try await warehouse.query(SQLStatement("""
            SELECT ads_platform, account_id, campaign_id, max(campaign_name) AS campaign_name, max(utm_source) AS utm_source,
                   max(utm_medium) AS utm_medium, max(utm_campaign) AS utm_campaign, max(match_method) AS match_method,
                   \(AttributionFigures.sums())
            FROM mart_cross_channel_attribution WHERE date BETWEEN :from AND :to\(scope)
            GROUP BY ads_platform, account_id, campaign_id
            """, parameters))
            .map { row in
                CampaignRow(platform: row.text("ads_platform"), accountID: row.text("account_id"), campaignID: row.text("campaign_id"),
                            campaignName: row.optionalText("campaign_name"), utmSource: row.optionalText("utm_source"),
                            utmMedium: row.optionalText("utm_medium"), utmCampaign: row.optionalText("utm_campaign"),
                            matchMethod: row.optionalText("match_method"), figures: AttributionFigures(row))
            }
            .sorted { ($0.figures.spendMinor, $1.platform, $1.campaignID) > ($1.figures.spendMinor, $0.platform, $0.campaignID) }

        let governance = try await self.governance(warehouse, platform: filters.platform)
        return Model(filters: filters, accounts: try await accounts(warehouse), kpis: kpis(totals, previousTotals), totals: totals,
                     dataSource: try await WebsiteDataSource.query(warehouse, table: "mart_cross_channel_attribution", parameters: parameters),
                     campaigns: campaigns, campaignsWithoutUTM: governance.campaigns, utmsWithoutCampaign: governance.utms)
    }

    /// The governance mart's two lists: campaigns without a matchable UTM (of the chosen platform), by spend; session
    /// campaigns without an ad campaign, by sessions.
    static func governance(_ warehouse: any Warehouse, platform: Platform?) async throws
        -> (campaigns: [GovernanceRow], utms: [GovernanceRow]) {
        let rows = try await warehouse.query("""
            SELECT issue, ads_platform, account_id, campaign_id, campaign_name, utm_source, utm_medium, utm_campaign,
                   first_date, last_date, sessions, ad_spend_minor
            FROM mart_utm_governance
            """)
        var campaigns: [GovernanceRow] = [], utms: [GovernanceRow] = []
        for row in rows {
            let entry = GovernanceRow(
                platform: row.optionalText("ads_platform"), accountID: row.optionalText("account_id"),
                campaignID: row.optionalText("campaign_id"), campaignName: row.optionalText("campaign_name"),
                utmSource: row.optionalText("utm_source"), utmMedium: row.optionalText("utm_medium"),
                utmCampaign: row.optionalText("utm_campaign"), firstDate: row.optionalText("first_date").flatMap(BusinessDate.init),
                lastDate: row.optionalText("last_date").flatMap(BusinessDate.init), sessions: row.optionalInt("sessions"),
                spendMinor: row.optionalInt("ad_spend_minor"))
            switch row.text("issue") {
            case "campaign_without_utm" where platform == nil || entry.platform == platform?.rawValue: campaigns.append(entry)
            case "utm_without_campaign": utms.append(entry)
            default: continue
            }
        }
        campaigns.sort { ($0.spendMinor ?? 0, $1.campaignID ?? "") > ($1.spendMinor ?? 0, $0.campaignID ?? "") }
        utms.sort { ($0.sessions ?? 0, $1.utmCampaign ?? "") > ($1.sessions ?? 0, $0.utmCampaign ?? "") }
        return (campaigns, utms)
    }

    /// Every ad account the attribution mart has rows for, by platform then name; the names come from the ads mart.
    static func accounts(_ warehouse: any Warehouse) async throws -> [AdsScopeForm.Account] {
        let named = try await AdsOverview.accounts(warehouse)
        return try await warehouse.query("SELECT DISTINCT ads_platform, account_id FROM mart_cross_channel_attribution")
            .compactMap { row -> AdsScopeForm.Account? in
                guard let platform = Platform(rawValue: row.text("ads_platform")) else { return nil }
                let id = row.text("account_id")
                return AdsScopeForm.Account(platform: platform, accountID: id,
                                            name: named.first { $0.platform == platform && $0.accountID == id }?.name)
            }
            .sorted { ($0.platform.rawValue, $0.name ?? $0.accountID) < ($1.platform.rawValue, $1.name ?? $1.accountID) }
    }

    static func kpis(_ current: AttributionFigures, _ previous: AttributionFigures) -> [KPIValue] {
        func value(_ key: String, _ label: TextKey, _ now: Measure?, _ before: Measure?,
                   _ polarity: DeltaBadge.Polarity = .higherIsBetter) -> KPIValue {
            KPIValue(key: key, label: label, current: now, previous: before, change: Metrics.change(now?.number, from: before?.number),
                     polarity: polarity)
        }
        return [
            value("spend", .adSpend, .money(minor: current.spendMinor), .money(minor: previous.spendMinor), .neutral),
            value("platform_value", .platformClaimedValue, .money(minor: current.platformValueMinor), .money(minor: previous.platformValueMinor)),
            value("ga_revenue", .gaRevenue, .money(minor: current.gaRevenueMinor), .money(minor: previous.gaRevenueMinor)),
            value("marketplace_revenue", .marketplaceRevenue, .money(minor: current.marketplaceRevenueMinor),
                  .money(minor: previous.marketplaceRevenueMinor)),
            value("platform_roas", .platformROAS, current.platformROAS.map(Measure.multiple), previous.platformROAS.map(Measure.multiple)),
            value("ga_roas", .gaROAS, current.gaROAS.map(Measure.multiple), previous.gaROAS.map(Measure.multiple)),
            value("marketplace_roas", .marketplaceROAS, current.marketplaceROAS.map(Measure.multiple),
                  previous.marketplaceROAS.map(Measure.multiple)),
        ]
    }
}
