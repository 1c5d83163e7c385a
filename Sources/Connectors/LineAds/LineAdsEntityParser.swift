import OmnidashCore
import Warehouse

/// Turns one listed campaign, ad group or ad into a `raw_line_ads_entities` row, or a reject naming the field.
struct LineAdsEntityParser: Sendable {
    let accountID: String
    let level: LineAds.Level

    func parse(_ scanner: JSONScanner, _ range: Range<Int>) -> ParsedRecord {
        scanner.bytes.withUnsafeBufferPointer { parse($0, range) }
    }

    func parse(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> ParsedRecord {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        var entityID: String?
        func reject(_ reason: String) -> ParsedRecord {
            .reject(RawReject(source: Platform.lineAds.rawValue, stream: "entities", accountID: accountID,
                              recordKey: entityID.map { "\(level.rawValue)/\($0)" }, reason: reason, payload: raw))
        }
        do {
            let fields = try LineAdsObjectReader.read(buffer, range)
            entityID = try fields.id("id")
            guard let entityID else { return reject("id: is required") }
            var row = LineAdsRawTables.entities.row()
            row["ad_account_id"] = .text(accountID)
            row["level"] = .text(level.rawValue)
            row["entity_id"] = .text(entityID)
            switch level {
            case .campaign: break
            case .adgroup:
                guard let campaign = try fields.id("campaignId") else { return reject("campaignId: is required for an ad group") }
                row["campaign_id"] = .text(campaign)
            case .ad:
                guard let adGroup = try fields.id("adgroupId") else { return reject("adgroupId: is required for an ad") }
                row["adgroup_id"] = .text(adGroup)
                // Where the ad sends people, tracking parameters included; an ad to a LINE official account has none.
                row["landing_url"] = SQLValue(try fields.string("landingPageUrl").flatMap { $0.isEmpty ? nil : $0 })
            }
            row["name"] = SQLValue(try fields.string("name"))
            row["configured_status"] = SQLValue(try fields.string("configuredStatus"))
            row["delivery_status"] = SQLValue(try fields.string("deliveryStatus"))
            row["campaign_objective"] = SQLValue(try fields.string("campaignObjective"))
            row["spending_limit_type"] = SQLValue(try fields.string("spendingLimitType"))
            row["spending_limit_micro"] = SQLValue(try fields.count("spendingLimitMicro"))
            row["daily_budget_micro"] = SQLValue(try fields.count("dailyBudgetMicro"))
            row["bid_type"] = SQLValue(try fields.string("bidType"))
            for (column, field) in [("start_date", "startDate"), ("end_date", "endDate")] {
                let text = try fields.string(field)
                if let text, BusinessDate(text) == nil { return reject("\(field): '\(text)' is not YYYY-MM-DD") }
                row[column] = SQLValue(text)
            }
            row["modified_date"] = SQLValue(try fields.string("modifiedDate"))
            row["raw_json"] = .text(raw)
            return .row(row)
        } catch {
            return reject("\(error)")
        }
    }
}
