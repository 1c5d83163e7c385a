import OmnidashCore
import Warehouse

/// Turns one online-report row (`datas[]`) into a `raw_line_ads` row for the day it was asked for, or a reject
/// with a one-line reason naming the field.
struct LineAdsReportParser: Sendable {
    let accountID: String
    let level: LineAds.Level
    let day: BusinessDate

    func parse(_ scanner: JSONScanner, _ range: Range<Int>) -> ParsedRecord {
        scanner.bytes.withUnsafeBufferPointer { parse($0, range) }
    }

    func parse(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> ParsedRecord {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        var entityID: String?
        func reject(_ reason: String) -> ParsedRecord {
            .reject(RawReject(source: Platform.lineAds.rawValue, stream: "report_\(level.rawValue)", accountID: accountID,
                              recordKey: entityID.map { "\($0)@\(day)" }, reason: reason, payload: raw))
        }
        do {
            let fields = try LineAdsObjectReader.read(buffer, range)
            let idField = "\(level.rawValue).id"
            entityID = try fields.id(idField)
            guard let entityID else { return reject("\(idField): is required at the \(level.rawValue) level") }
            let reportedAccount = try fields.id("adaccount.id")
            if let reportedAccount, reportedAccount != accountID {
                return reject("adaccount.id: \(reportedAccount) is not the account asked for (\(accountID))")
            }
            guard let cost = try fields.amount("statistics.cost") else { return reject("statistics.cost: is required") }
            let currency = try fields.string("statistics.currency") ?? fields.string("adaccount.currency")
            guard let currency, currency.utf8.count == 3 else { return reject("statistics.currency: missing or not a 3-letter code") }
            var row = LineAdsRawTables.reports.row()
            row["_date"] = .text(day.description)
            row["ad_account_id"] = .text(accountID)
            row["level"] = .text(level.rawValue)
            row["entity_id"] = .text(entityID)
            row["account_name"] = SQLValue(try fields.string("adaccount.name"))
            row["currency"] = .text(currency)
            row["timezone"] = SQLValue(try fields.string("adaccount.timezone"))
            row["campaign_id"] = SQLValue(try fields.id("campaign.id") ?? fields.id("adgroup.campaignId"))
            row["campaign_name"] = SQLValue(try fields.string("campaign.name"))
            row["campaign_objective"] = SQLValue(try fields.string("campaign.campaignObjective"))
            row["adgroup_id"] = SQLValue(try fields.id("adgroup.id") ?? fields.id("ad.adgroupId"))
            row["adgroup_name"] = SQLValue(try fields.string("adgroup.name"))
            row["ad_id"] = SQLValue(try fields.id("ad.id"))
            row["ad_name"] = SQLValue(try fields.string("ad.name"))
            row["imp"] = .integer(try fields.count("statistics.imp") ?? 0)
            row["click"] = .integer(try fields.count("statistics.click") ?? 0)
            row["cost"] = .text(cost)
            row["cv"] = SQLValue(try fields.count("statistics.cv"))
            row["cv_purchase"] = SQLValue(try fields.count("statistics.cvPurchase"))
            row["cv_purchase_value"] = SQLValue(try fields.amount("statistics.cvPurchaseValue"))
            row["reach"] = SQLValue(try fields.count("statistics.reach"))
            row["video_start"] = SQLValue(try fields.count("statistics.videoStart"))
            row["video_view_3s"] = SQLValue(try fields.count("statistics.videoView3s"))
            row["raw_json"] = .text(raw)
            return .row(row)
        } catch {
            return reject("\(error)")
        }
    }
}
