import Foundation
import OmnidashCore

extension AdsOverview {
    /// One row per campaign shown, as the page's campaign table.
    public static func csv(_ model: Model) -> String {
        var lines = ["platform,account_id,account_name,campaign_id,campaign_name,campaign_type,status," + AdsExport.csvHeader
                     + ",daily_budget,budget_utilization"]
        for row in model.campaigns {
            lines.append(([row.platform.rawValue, row.accountID, PageExport.csvField(row.accountName ?? ""), row.campaignID,
                           PageExport.csvField(row.campaignName ?? ""), PageExport.csvField(row.campaignType ?? ""), row.status ?? ""]
                          + AdsExport.csvFields(row.figures)
                          + [row.budgetMinor.map(PageExport.money) ?? "", PageExport.ratio(row.budgetUtilization)]).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The KPIs with their previous values and changes, the blended figures, every platform and campaign, and daily
    /// spend per platform; money as decimal text with `_minor` integers beside, as on every page.
    public static func json(_ model: Model, currency: Currency) throws -> Data {
        typealias Value = PageExport.Value
        let platforms: [Value] = model.platforms.map { row in
            .object(AdsExport.values(row.figures).merging([
                "platform": .text(row.platform.rawValue), "previous_spend_minor": .integer(row.previousSpendMinor),
                "spend_change": Value(ratio: row.spendChange), "daily_budget_minor": row.budgetMinor.map(Value.integer) ?? .null,
                "budget_utilization": Value(ratio: row.budgetUtilization),
            ]) { $1 })
        }
        let campaigns: [Value] = model.campaigns.map { row in
            .object(AdsExport.values(row.figures).merging([
                "platform": .text(row.platform.rawValue), "account_id": .text(row.accountID), "account_name": Value(text: row.accountName),
                "campaign_id": .text(row.campaignID), "campaign_name": Value(text: row.campaignName),
                "campaign_type": Value(text: row.campaignType), "status": Value(text: row.status),
                "daily_budget_minor": row.budgetMinor.map(Value.integer) ?? .null, "budget_utilization": Value(ratio: row.budgetUtilization),
            ]) { $1 })
        }
        let daily: [Value] = model.daily.map { day in
            var entry: [String: Value] = ["date": .text(day.date.description)]
            for (index, row) in model.platforms.enumerated() { entry["\(row.platform.rawValue)_spend_minor"] = .integer(day.spendMinor[index]) }
            return .object(entry)
        }
        return try PageExport.document(model.filters, currency: currency, kpis: model.kpis, sections: [
            "blended": .object([
                "revenue_minor": .integer(model.blended.revenueMinor), "spend_minor": .integer(model.blended.spendMinor),
                "conversion_value_minor": .integer(model.blended.conversionValueMinor), "mer": Value(ratio: model.blended.mer),
                "claimed_share": Value(ratio: model.blended.claimedShare),
            ]),
            "platforms": .array(platforms), "campaigns": .array(campaigns), "daily": .array(daily),
        ])
    }
}
