import Foundation
import OmnidashCore

extension Attribution {
    static let figureHeader = "spend,platform_conversions,platform_conversion_value,platform_roas,platform_cpa,"
        + "ga_sessions,ga_user_days,ga_transactions,ga_revenue,ga_roas,ga_cpa,"
        + "marketplace_orders,marketplace_revenue,marketplace_roas,marketplace_cpa"

    /// One row per campaign shown, as the page's campaign table: money as decimal text, an empty cell for a ratio
    /// over zero.
    public static func csv(_ model: Model) -> String {
        var lines = ["platform,account_id,campaign_id,campaign_name,utm_source,utm_medium,utm_campaign,match_method,clicks,impressions,"
                     + figureHeader + ",data_source"]
        for row in model.campaigns {
            lines.append(([row.platform, row.accountID, row.campaignID, row.campaignName ?? "", row.utmSource ?? "", row.utmMedium ?? "",
                           row.utmCampaign ?? "", row.matchMethod ?? ""].map(PageExport.csvField)
                          + [String(row.figures.clicks), String(row.figures.impressions)] + csvFields(row.figures)
                          + [model.dataSource.summary ?? ""]).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func csvFields(_ figures: AttributionFigures) -> [String] {
        [PageExport.money(figures.spendMinor), String(figures.platformConversions), PageExport.money(figures.platformValueMinor),
         PageExport.ratio(figures.platformROAS), PageExport.ratio(figures.platformCPA),
         String(figures.gaSessions), String(figures.gaUserDays), String(figures.gaTransactions), PageExport.money(figures.gaRevenueMinor),
         PageExport.ratio(figures.gaROAS), PageExport.ratio(figures.gaCPA),
         String(figures.marketplaceOrders), PageExport.money(figures.marketplaceRevenueMinor), PageExport.ratio(figures.marketplaceROAS),
         PageExport.ratio(figures.marketplaceCPA)]
    }

    static func values(_ figures: AttributionFigures) -> [String: PageExport.Value] {
        typealias Value = PageExport.Value
        return [
            "spend": .text(PageExport.money(figures.spendMinor)), "spend_minor": .integer(figures.spendMinor),
            "clicks": .integer(figures.clicks), "impressions": .integer(figures.impressions),
            "platform_conversions": .integer(figures.platformConversions),
            "platform_conversion_value": .text(PageExport.money(figures.platformValueMinor)),
            "platform_conversion_value_minor": .integer(figures.platformValueMinor),
            "platform_roas": Value(ratio: figures.platformROAS), "platform_cpa": Value(averageMoney: figures.platformCPA),
            "ga_sessions": .integer(figures.gaSessions), "ga_user_days": .integer(figures.gaUserDays),
            "ga_transactions": .integer(figures.gaTransactions), "ga_revenue": .text(PageExport.money(figures.gaRevenueMinor)),
            "ga_revenue_minor": .integer(figures.gaRevenueMinor), "ga_roas": Value(ratio: figures.gaROAS),
            "ga_cpa": Value(averageMoney: figures.gaCPA),
            "marketplace_orders": .integer(figures.marketplaceOrders),
            "marketplace_revenue": .text(PageExport.money(figures.marketplaceRevenueMinor)),
            "marketplace_revenue_minor": .integer(figures.marketplaceRevenueMinor),
            "marketplace_roas": Value(ratio: figures.marketplaceROAS), "marketplace_cpa": Value(averageMoney: figures.marketplaceCPA),
        ]
    }

    /// The KPIs, the totals, every campaign and both governance lists; money as decimal text with `_minor` beside.
    public static func json(_ model: Model, currency: Currency) throws -> Data {
        typealias Value = PageExport.Value
        let campaigns: [Value] = model.campaigns.map { row in
            .object(values(row.figures).merging([
                "platform": .text(row.platform), "account_id": .text(row.accountID), "campaign_id": .text(row.campaignID),
                "campaign_name": Value(text: row.campaignName), "utm_source": Value(text: row.utmSource),
                "utm_medium": Value(text: row.utmMedium), "utm_campaign": Value(text: row.utmCampaign),
                "match_method": Value(text: row.matchMethod),
            ]) { $1 })
        }
        func governance(_ rows: [GovernanceRow]) -> Value {
            .array(rows.map { row in
                .object(["platform": Value(text: row.platform), "account_id": Value(text: row.accountID),
                         "campaign_id": Value(text: row.campaignID), "campaign_name": Value(text: row.campaignName),
                         "utm_source": Value(text: row.utmSource), "utm_medium": Value(text: row.utmMedium),
                         "utm_campaign": Value(text: row.utmCampaign), "first_date": Value(text: row.firstDate?.description),
                         "last_date": Value(text: row.lastDate?.description), "sessions": row.sessions.map(Value.integer) ?? .null,
                         "spend": Value(text: row.spendMinor.map(PageExport.money)),
                         "spend_minor": row.spendMinor.map(Value.integer) ?? .null])
            })
        }
        return try PageExport.document(model.filters, currency: currency, kpis: model.kpis, sections: [
            "data_source": .object([
                "summary": Value(text: model.dataSource.summary),
                "export_dates": .array(model.dataSource.exportDates.map { .text($0.description) }),
                "data_api_dates": .array(model.dataSource.dataAPIDates.map { .text($0.description) }),
            ]),
            "totals": .object(values(model.totals)), "campaigns": .array(campaigns),
            "campaigns_without_utm": governance(model.campaignsWithoutUTM), "utms_without_campaign": governance(model.utmsWithoutCampaign),
        ])
    }
}
