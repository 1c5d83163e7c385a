import Foundation
import OmnidashCore
import Warehouse

/// Turns one insights row into a `raw_facebook_ads` row, or a reject with a one-line reason.
struct FacebookInsightParser: Sendable {
    struct ActionStat: Decodable {
        let actionType: String
        let value: NumericText
        enum CodingKeys: String, CodingKey { case actionType = "action_type", value }
    }

    struct Insight: Decodable {
        let accountID: String
        let accountName: String?
        let accountCurrency: String?
        let campaignID: String?
        let campaignName: String?
        let adsetID: String?
        let adsetName: String?
        let adID: String
        let adName: String?
        let impressions: NumericText?
        let clicks: NumericText?
        let spend: NumericText?
        let reach: NumericText?
        let frequency: NumericText?
        let cpc: NumericText?
        let cpm: NumericText?
        let ctr: NumericText?
        let actions: [ActionStat]?
        let actionValues: [ActionStat]?
        let dateStart: String
        let dateStop: String

        enum CodingKeys: String, CodingKey {
            case accountID = "account_id", accountName = "account_name", accountCurrency = "account_currency",
                 campaignID = "campaign_id", campaignName = "campaign_name", adsetID = "adset_id", adsetName = "adset_name",
                 adID = "ad_id", adName = "ad_name", impressions, clicks, spend, reach, frequency, cpc, cpm, ctr, actions,
                 actionValues = "action_values", dateStart = "date_start", dateStop = "date_stop"
        }
    }

    let accountID: String

    func parse(_ scanner: JSONScanner, _ range: Range<Int>) -> ParsedRecord {
        let raw = scanner.text(range)
        func reject(_ reason: String, key: String? = nil) -> ParsedRecord {
            .reject(RawReject(source: Platform.facebookAds.rawValue, stream: "insights", accountID: accountID, recordKey: key, reason: reason, payload: raw))
        }
        let insight: Insight
        do {
            insight = try JSONDecoder().decode(Insight.self, from: Data(scanner.bytes[range]))
        } catch let error as DecodingError {
            return reject(error.oneLine)
        } catch {
            return reject("\(error)")
        }
        let key = "\(insight.adID)@\(insight.dateStart)"
        guard let date = BusinessDate(insight.dateStart) else { return reject("date_start: '\(insight.dateStart)' is not YYYY-MM-DD", key: key) }
        guard insight.dateStop == insight.dateStart else {
            return reject("date_stop: \(insight.dateStop) differs from date_start; rows must be daily (time_increment=1)", key: key)
        }
        if let spend = insight.spend, spend.decimal < 0 { return reject("spend: \(spend.text) is negative", key: key) }
        guard let currency = insight.accountCurrency, currency.count == 3 else {
            return reject("account_currency: missing or not a 3-letter code", key: key)
        }
        let purchase = FacebookAds.purchaseActionTypes.first { type in insight.actions?.contains { $0.actionType == type } ?? false }
        let conversions = purchase.flatMap { type in insight.actions?.first { $0.actionType == type }?.value.int64 } ?? 0
        let conversionValue = purchase.flatMap { type in insight.actionValues?.first { $0.actionType == type }?.value.text } ?? "0"
        let members = (try? scanner.members(of: range)) ?? []
        func json(_ key: String) -> SQLValue { SQLValue(members.first { $0.key == key }.map { scanner.text($0.value) }) }
        var row = FacebookAdsRawTables.insights.row()
        row["_date"] = .text(date.description)
        row["account_id"] = .text(FacebookAds.bareAccountID(insight.accountID))
        row["account_name"] = SQLValue(insight.accountName)
        row["account_currency"] = .text(currency)
        row["campaign_id"] = SQLValue(insight.campaignID)
        row["campaign_name"] = SQLValue(insight.campaignName)
        row["adset_id"] = SQLValue(insight.adsetID)
        row["adset_name"] = SQLValue(insight.adsetName)
        row["ad_id"] = .text(insight.adID)
        row["ad_name"] = SQLValue(insight.adName)
        row["impressions"] = SQLValue(insight.impressions?.int64 ?? 0)
        row["clicks"] = SQLValue(insight.clicks?.int64 ?? 0)
        row["spend"] = .text(insight.spend?.text ?? "0")
        row["reach"] = SQLValue(insight.reach?.int64)
        row["frequency"] = SQLValue(insight.frequency?.text)
        row["cpc"] = SQLValue(insight.cpc?.text)
        row["cpm"] = SQLValue(insight.cpm?.text)
        row["ctr"] = SQLValue(insight.ctr?.text)
        row["conversions"] = .integer(conversions)
        row["conversion_value"] = .text(conversionValue)
        row["actions"] = json("actions")
        row["action_values"] = json("action_values")
        row["raw_json"] = .text(raw)
        return .row(row)
    }
}
