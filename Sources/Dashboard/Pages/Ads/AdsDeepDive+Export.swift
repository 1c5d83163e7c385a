import Foundation
import OmnidashCore

extension AdsDeepDive {
    /// The level's rows, then the breakdown's, as the page's tables.
    public func csv(_ model: Model) -> String {
        var lines = ["level,platform,account_id,campaign_id,adset_id,id,name," + AdsExport.csvHeader]
        for row in model.rows {
            lines.append(([model.level.rawValue, row.platform.rawValue, row.accountID, row.campaignID ?? "", row.adSetID ?? "", row.id,
                           PageExport.csvField(row.name ?? "")] + AdsExport.csvFields(row.figures)).joined(separator: ","))
        }
        if let breakdown = model.breakdown {
            for row in model.breakdownRows {
                let labels = row.labels.map(PageExport.csvField).joined(separator: " / ")
                lines.append(([breakdown.rawValue, "", model.filters.accountID ?? "", model.filters.campaignID ?? "",
                               model.filters.adSetID ?? "", "", labels] + AdsExport.csvFields(row.figures)).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    public func json(_ model: Model, currency: Currency) throws -> Data {
        typealias Value = PageExport.Value
        let rows: [Value] = model.rows.map { row in
            .object(AdsExport.values(row.figures).merging([
                "platform": .text(row.platform.rawValue), "account_id": .text(row.accountID), "campaign_id": Value(text: row.campaignID),
                "adset_id": Value(text: row.adSetID), "id": .text(row.id), "name": Value(text: row.name),
            ]) { $1 })
        }
        let breakdown: [Value] = model.breakdownRows.map { row in
            .object(AdsExport.values(row.figures).merging(["labels": .array(row.labels.map(Value.text))]) { $1 })
        }
        let daily: [Value] = model.daily.map {
            .object(["date": .text($0.date.description), "spend_minor": .integer($0.spendMinor),
                     "conversion_value_minor": .integer($0.conversionValueMinor)])
        }
        return try PageExport.document(model.filters, currency: currency, kpis: model.kpis, sections: [
            "level": .text(model.level.rawValue), "rows": .array(rows), "daily": .array(daily),
            "breakdown": model.breakdown.map { .object(["kind": .text($0.rawValue), "rows": .array(breakdown)]) } ?? .null,
        ])
    }
}
