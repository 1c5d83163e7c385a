import OmnidashCore
import Warehouse

/// Turns one insights row into a `raw_facebook_ads` row (or, with breakdowns, a `raw_facebook_ads_demographics` row),
/// or a reject with a one-line reason.
///
/// The row is read in one pass (`JSONReader`). Meta writes counts and money as strings (`"48210"`), sometimes as
/// numbers; both are kept as their exact text, never through `Double`.
struct FacebookInsightParser: Sendable {
    let accountID: String
    /// The stream rejects are filed under.
    var stream = "insights"
    /// Whether rows carry the `age` and `gender` breakdowns (then they load into the demographics table).
    var byAgeAndGender = false

    var table: RawTableContract { byAgeAndGender ? FacebookAdsRawTables.demographics : FacebookAdsRawTables.insights }

    /// The fields Omnidash reads from one insights row.
    private struct Fields {
        var accountID: String?, accountName: String?, accountCurrency: String?
        var campaignID: String?, campaignName: String?, adsetID: String?, adsetName: String?
        var adID: String?, adName: String?
        var impressions: String?, clicks: String?, spend: String?, reach: String?, frequency: String?
        var cpc: String?, cpm: String?, ctr: String?
        var actions: [(type: String, value: String)] = [], actionValues: [(type: String, value: String)] = []
        var actionsJSON: String?, actionValuesJSON: String?
        var dateStart: String?, dateStop: String?
        var age: String?, gender: String?
    }

    func parse(_ scanner: JSONScanner, _ range: Range<Int>) -> ParsedRecord {
        scanner.bytes.withUnsafeBufferPointer { parse($0, range) }
    }

    func parse(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> ParsedRecord {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        var fields = Fields()
        func reject(_ reason: String) -> ParsedRecord {
            var key = fields.adID.map { ad in fields.dateStart.map { "\(ad)@\($0)" } ?? ad }
            if byAgeAndGender, let base = key { key = base + "/\(fields.age ?? "?")/\(fields.gender ?? "?")" }
            return .reject(RawReject(source: Platform.facebookAds.rawValue, stream: stream, accountID: accountID, recordKey: key,
                                     reason: reason, payload: raw))
        }
        do {
            try Self.read(buffer, range, into: &fields)
        } catch {
            return reject(error.description)
        }
        guard let adID = fields.adID else { return reject("ad_id: is required") }
        guard fields.accountID != nil else { return reject("account_id: is required") }
        guard let dateStart = fields.dateStart else { return reject("date_start: is required") }
        guard let date = BusinessDate(dateStart) else { return reject("date_start: '\(dateStart)' is not YYYY-MM-DD") }
        guard fields.dateStop == dateStart else {
            return reject("date_stop: \(fields.dateStop ?? "missing") differs from date_start; rows must be daily (time_increment=1)")
        }
        if let spend = fields.spend, spend.hasPrefix("-") { return reject("spend: \(spend) is negative") }
        if byAgeAndGender {
            guard fields.age?.isEmpty == false else { return reject("age: is required with breakdowns=age,gender") }
            guard fields.gender?.isEmpty == false else { return reject("gender: is required with breakdowns=age,gender") }
        }
        guard let currency = fields.accountCurrency, currency.utf8.count == 3 else {
            return reject("account_currency: missing or not a 3-letter code")
        }
        func whole(_ name: String, _ text: String?) throws(JSONReadError) -> Int64? {
            guard let text else { return nil }
            guard let value = Int64(text) else { throw .invalid("\(name): '\(text)' is not a whole number") }
            return value
        }
        let impressions: Int64?, clicks: Int64?, reach: Int64?
        do {
            impressions = try whole("impressions", fields.impressions)
            clicks = try whole("clicks", fields.clicks)
            reach = try whole("reach", fields.reach)
        } catch {
            return reject(error.description)
        }
        // Meta reports one purchase under several aliases; the first alias present is counted, once.
        let purchase = FacebookAds.purchaseActionTypes.first { type in fields.actions.contains { $0.type == type } }
        let conversions = purchase.flatMap { type in fields.actions.first { $0.type == type } }.map { Self.wholeCount($0.value) } ?? 0
        let conversionValue = purchase.flatMap { type in fields.actionValues.first { $0.type == type }?.value } ?? "0"
        var row = table.row()
        if byAgeAndGender {
            row["age"] = SQLValue(fields.age)
            row["gender"] = SQLValue(fields.gender)
        }
        row["_date"] = .text(date.description)
        row["account_id"] = .text(FacebookAds.bareAccountID(fields.accountID!))
        row["account_name"] = SQLValue(fields.accountName)
        row["account_currency"] = .text(currency)
        row["campaign_id"] = SQLValue(fields.campaignID)
        row["campaign_name"] = SQLValue(fields.campaignName)
        row["adset_id"] = SQLValue(fields.adsetID)
        row["adset_name"] = SQLValue(fields.adsetName)
        row["ad_id"] = .text(adID)
        row["ad_name"] = SQLValue(fields.adName)
        row["impressions"] = .integer(impressions ?? 0)
        row["clicks"] = .integer(clicks ?? 0)
        row["spend"] = .text(fields.spend ?? "0")
        row["reach"] = SQLValue(reach)
        row["frequency"] = SQLValue(fields.frequency)
        row["cpc"] = SQLValue(fields.cpc)
        row["cpm"] = SQLValue(fields.cpm)
        row["ctr"] = SQLValue(fields.ctr)
        row["conversions"] = .integer(conversions)
        row["conversion_value"] = .text(conversionValue)
        row["actions"] = SQLValue(fields.actionsJSON)
        row["action_values"] = SQLValue(fields.actionValuesJSON)
        row["raw_json"] = .text(raw)
        return .row(row)
    }

    private static func read(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into fields: inout Fields) throws(JSONReadError) {
        var reader = JSONReader(buffer, range: range)
        try reader.readObject { reader, key throws(JSONReadError) in
            func string(_ name: String) throws(JSONReadError) -> String? {
                try JSONReadError.within(name, &reader) { reader throws(JSONReadError) in try reader.readOptionalString() }
            }
            func number(_ name: String) throws(JSONReadError) -> String? {
                try JSONReadError.within(name, &reader) { reader throws(JSONReadError) in try numericText(&reader) }
            }
            func stats(_ name: String) throws(JSONReadError) -> ([(type: String, value: String)], String?) {
                let start = reader.position
                var list: [(type: String, value: String)] = []
                try JSONReadError.within(name, &reader) { reader throws(JSONReadError) in
                    if try reader.readNull() { return }
                    try reader.readArray { reader, index throws(JSONReadError) in
                        var type: String?, value: String?
                        try JSONReadError.within("\(name)[\(index)]", &reader) { reader throws(JSONReadError) in
                            try reader.readObject { reader, key throws(JSONReadError) in
                                if key == "action_type" {
                                    type = try JSONReadError.within("\(name)[\(index)].action_type", &reader) { reader throws(JSONReadError) in
                                        try reader.readString()
                                    }
                                } else if key == "value" {
                                    value = try JSONReadError.within("\(name)[\(index)].value", &reader) { reader throws(JSONReadError) in
                                        try numericText(&reader)
                                    }
                                } else {
                                    try reader.skipValue()
                                }
                            }
                        }
                        guard let type, let value else { throw .invalid("\(name)[\(index)]: action_type and value are required") }
                        list.append((type, value))
                    }
                }
                let text = String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[start..<reader.position]), as: UTF8.self)
                return (list, text == "null" ? nil : text)
            }
            if key == "account_id" { fields.accountID = try string("account_id") }
            else if key == "account_name" { fields.accountName = try string("account_name") }
            else if key == "account_currency" { fields.accountCurrency = try string("account_currency") }
            else if key == "campaign_id" { fields.campaignID = try string("campaign_id") }
            else if key == "campaign_name" { fields.campaignName = try string("campaign_name") }
            else if key == "adset_id" { fields.adsetID = try string("adset_id") }
            else if key == "adset_name" { fields.adsetName = try string("adset_name") }
            else if key == "ad_id" { fields.adID = try string("ad_id") }
            else if key == "ad_name" { fields.adName = try string("ad_name") }
            else if key == "impressions" { fields.impressions = try number("impressions") }
            else if key == "clicks" { fields.clicks = try number("clicks") }
            else if key == "spend" { fields.spend = try number("spend") }
            else if key == "reach" { fields.reach = try number("reach") }
            else if key == "frequency" { fields.frequency = try number("frequency") }
            else if key == "cpc" { fields.cpc = try number("cpc") }
            else if key == "cpm" { fields.cpm = try number("cpm") }
            else if key == "ctr" { fields.ctr = try number("ctr") }
            else if key == "actions" { (fields.actions, fields.actionsJSON) = try stats("actions") }
            else if key == "action_values" { (fields.actionValues, fields.actionValuesJSON) = try stats("action_values") }
            else if key == "date_start" { fields.dateStart = try string("date_start") }
            else if key == "date_stop" { fields.dateStop = try string("date_stop") }
            else if key == "age" { fields.age = try string("age") }
            else if key == "gender" { fields.gender = try string("gender") }
            else { try reader.skipValue() }
        }
        try reader.expectEnd()
    }

    /// A number Meta may send as a string (`"14.35"`) or as a JSON number, as its text; `null` is absent.
    private static func numericText(_ reader: inout JSONReader) throws(JSONReadError) -> String? {
        switch reader.peek() {
        case UInt8(ascii: "n"): _ = try reader.readNull(); return nil
        case UInt8(ascii: "\""):
            let text = try reader.readString()
            guard isDecimalText(text) else { throw .wrongType(expected: "a number", found: "'\(text)'", at: reader.position) }
            return text
        default: return try reader.readNumberText()
        }
    }

    /// `-12`, `0.5`, `48210`: an optional minus, digits, and at most one point followed by digits.
    private static func isDecimalText(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits = { (part: Substring.UTF8View.SubSequence) in !part.isEmpty && part.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
        return parts.allSatisfy(isDigits)
    }

    /// A purchase count; Meta's modelled conversions can be fractional, and a count is kept whole (rounded down).
    private static func wholeCount(_ text: String) -> Int64 {
        if let whole = Int64(text) { return whole }
        return FixedDecimal(text).map { $0.micros / FixedDecimal.scale } ?? 0
    }
}
