import OmnidashCore
import Warehouse

/// Turns one `GoogleAdsRow` (REST JSON: nested camelCase resources, int64 as strings, doubles as numbers, enums by
/// name) into a raw row, or a reject that names the field.
///
/// Proto3 JSON leaves out fields at their default, so a missing metric is zero. Numbers are kept as their exact JSON
/// text, never through `Double`: `costMicros` must be whole; `conversions` and `conversionsValue` are decimal text.
struct GoogleAdsRowParser: Sendable {
    let customerID: String
    let stream: String

    /// The row's leaf values by REST path (`metrics.costMicros`, `adGroupCriterion.keyword.text`), as text; the string
    /// elements of a repeated field by index too (`adGroupAd.ad.finalUrls[0]`).
    struct Flat {
        var values: [String: String] = [:]
        subscript(_ path: String) -> String? { values[path] }
    }

    static func flatten(_ scanner: JSONScanner, _ range: Range<Int>) throws -> Flat {
        var flat = Flat()
        func walk(_ range: Range<Int>, prefix: String) throws {
            for member in try scanner.members(of: range) {
                let path = prefix.isEmpty ? member.key : prefix + "." + member.key
                switch scanner.bytes[member.value.lowerBound] {
                case UInt8(ascii: "{"): try walk(member.value, prefix: path)
                case UInt8(ascii: "\""): flat.values[path] = scanner.string(member.value)
                case UInt8(ascii: "n"): break
                case UInt8(ascii: "["):
                    flat.values[path] = scanner.text(member.value)
                    for (index, element) in try scanner.elements(of: member.value).enumerated() {
                        if let text = scanner.string(element) { flat.values["\(path)[\(index)]"] = text }
                    }
                default: flat.values[path] = scanner.text(member.value)
                }
            }
        }
        try walk(range, prefix: "")
        return flat
    }

    /// A reject for this row.
    private func reject(_ reason: String, key: String?, payload: String) -> ParsedRecord {
        .reject(RawReject(source: Platform.googleAds.rawValue, stream: stream, accountID: customerID, recordKey: key,
                          reason: reason, payload: payload))
    }

    /// Parses one report row of `report`.
    func report(_ report: GoogleAds.Report, _ scanner: JSONScanner, _ range: Range<Int>) -> ParsedRecord {
        let raw = scanner.text(range)
        let flat: Flat
        do { flat = try Self.flatten(scanner, range) } catch { return reject("row: \(error)", key: nil, payload: raw) }
        let objectPath = switch report {
        case .campaign: "campaign.id"
        case .adGroup: "adGroup.id"
        case .keyword: "adGroupCriterion.criterionId"
        }
        let key = [flat[objectPath], flat["segments.date"]].compactMap { $0 }.joined(separator: "@")
        func fail(_ reason: String) -> ParsedRecord { reject(reason, key: key.isEmpty ? nil : key, payload: raw) }
        guard let objectID = flat[objectPath], Self.isID(objectID) else { return fail("\(objectPath): missing or not a numeric id") }
        guard let dateText = flat["segments.date"] else { return fail("segments.date: is required") }
        guard let date = BusinessDate(dateText) else { return fail("segments.date: '\(dateText)' is not YYYY-MM-DD") }
        if let customer = flat["customer.id"], customer != customerID {
            return fail("customer.id: \(customer) differs from the requested customer \(customerID)")
        }
        var whole: [String: Int64] = [:]
        for name in ["impressions", "clicks", "costMicros"] {
            let text = flat["metrics.\(name)"] ?? "0"
            guard let value = Int64(text) else { return fail("metrics.\(name): '\(text)' is not a whole number") }
            guard value >= 0 else { return fail("metrics.\(name): \(value) is negative") }
            whole[name] = value
        }
        var decimals: [String: String] = [:]
        for name in ["conversions", "conversionsValue"] {
            let text = flat["metrics.\(name)"] ?? "0"
            guard let value = FixedDecimal(text) else { return fail("metrics.\(name): '\(text)' is not a number") }
            guard value.micros >= 0 else { return fail("metrics.\(name): \(text) is negative") }
            decimals[name] = text
        }
        var row = report.table.row()
        row["_date"] = .text(date.description)
        row["customer_id"] = .text(customerID)
        row["impressions"] = .integer(whole["impressions"]!)
        row["clicks"] = .integer(whole["clicks"]!)
        row["cost_micros"] = .integer(whole["costMicros"]!)
        row["conversions"] = .text(decimals["conversions"]!)
        row["conversion_value"] = .text(decimals["conversionsValue"]!)
        row["raw_json"] = .text(raw)
        row["customer_currency"] = SQLValue(flat["customer.currencyCode"])
        row["campaign_id"] = SQLValue(flat["campaign.id"])
        switch report {
        case .campaign:
            row["campaign_id"] = .text(objectID)
            row["customer_name"] = SQLValue(flat["customer.descriptiveName"])
            row["customer_time_zone"] = SQLValue(flat["customer.timeZone"])
            row["campaign_name"] = SQLValue(flat["campaign.name"])
            row["campaign_type"] = SQLValue(flat["campaign.advertisingChannelType"])
            row["campaign_status"] = SQLValue(flat["campaign.status"])
        case .adGroup:
            row["customer_name"] = SQLValue(flat["customer.descriptiveName"])
            row["campaign_name"] = SQLValue(flat["campaign.name"])
            row["campaign_type"] = SQLValue(flat["campaign.advertisingChannelType"])
            row["ad_group_id"] = .text(objectID)
            row["ad_group_name"] = SQLValue(flat["adGroup.name"])
            row["ad_group_status"] = SQLValue(flat["adGroup.status"])
        case .keyword:
            guard let adGroup = flat["adGroup.id"], Self.isID(adGroup) else { return fail("adGroup.id: missing or not a numeric id") }
            row["ad_group_id"] = .text(adGroup)
            row["criterion_id"] = .text(objectID)
            row["keyword_text"] = SQLValue(flat["adGroupCriterion.keyword.text"])
            row["match_type"] = SQLValue(flat["adGroupCriterion.keyword.matchType"])
            row["criterion_status"] = SQLValue(flat["adGroupCriterion.status"])
        }
        return .row(row)
    }

    /// Parses one entity row.
    func entity(_ entity: GoogleAds.Entity, _ scanner: JSONScanner, _ range: Range<Int>) -> ParsedRecord {
        let raw = scanner.text(range)
        let flat: Flat
        do { flat = try Self.flatten(scanner, range) } catch { return reject("row: \(error)", key: nil, payload: raw) }
        let idPath = switch entity {
        case .campaigns: "campaign.id"
        case .adGroups: "adGroup.id"
        case .ads: "adGroupAd.ad.id"
        case .assetGroups: "assetGroup.id"
        }
        func fail(_ reason: String) -> ParsedRecord { reject(reason, key: flat[idPath], payload: raw) }
        guard let id = flat[idPath], Self.isID(id) else { return fail("\(idPath): missing or not a numeric id") }
        guard let campaignID = flat["campaign.id"], Self.isID(campaignID) else { return fail("campaign.id: missing or not a numeric id") }
        var row = entity.table.row()
        row["customer_id"] = .text(customerID)
        row["customer_currency"] = SQLValue(flat["customer.currencyCode"])
        row["campaign_id"] = .text(campaignID)
        row["raw_json"] = .text(raw)
        switch entity {
        case .campaigns:
            let amount = flat["campaignBudget.amountMicros"]
            if let amount, Int64(amount) == nil { return fail("campaignBudget.amountMicros: '\(amount)' is not a whole number") }
            for field in ["campaign.startDate", "campaign.endDate"] {
                if let text = flat[field], BusinessDate(text) == nil { return fail("\(field): '\(text)' is not YYYY-MM-DD") }
            }
            row["campaign_name"] = SQLValue(flat["campaign.name"])
            row["status"] = SQLValue(flat["campaign.status"])
            row["advertising_channel_type"] = SQLValue(flat["campaign.advertisingChannelType"])
            row["start_date"] = SQLValue(flat["campaign.startDate"])
            row["end_date"] = SQLValue(flat["campaign.endDate"])
            row["budget_id"] = SQLValue(flat["campaignBudget.id"])
            row["budget_amount_micros"] = amount.flatMap(Int64.init).map(SQLValue.integer) ?? .null
            row["budget_period"] = SQLValue(flat["campaignBudget.period"])
            row["final_url_suffix"] = SQLValue(flat["campaign.finalUrlSuffix"])
            row["tracking_url_template"] = SQLValue(flat["campaign.trackingUrlTemplate"])
        case .ads:
            guard let adGroup = flat["adGroup.id"], Self.isID(adGroup) else { return fail("adGroup.id: missing or not a numeric id") }
            row["ad_group_id"] = .text(adGroup)
            row["ad_id"] = .text(id)
            row["ad_name"] = SQLValue(flat["adGroupAd.ad.name"])
            row["status"] = SQLValue(flat["adGroupAd.status"])
            row["type"] = SQLValue(flat["adGroupAd.ad.type"])
            // The first final URL is the page; the others are for other devices or languages.
            row["final_url"] = SQLValue(flat["adGroupAd.ad.finalUrls[0]"])
            row["final_url_suffix"] = SQLValue(flat["adGroupAd.ad.finalUrlSuffix"])
            row["tracking_url_template"] = SQLValue(flat["adGroupAd.ad.trackingUrlTemplate"])
        case .assetGroups:
            row["asset_group_id"] = .text(id)
            row["asset_group_name"] = SQLValue(flat["assetGroup.name"])
            row["status"] = SQLValue(flat["assetGroup.status"])
            row["final_url"] = SQLValue(flat["assetGroup.finalUrls[0]"])
        case .adGroups:
            row["ad_group_id"] = .text(id)
            row["ad_group_name"] = SQLValue(flat["adGroup.name"])
            row["status"] = SQLValue(flat["adGroup.status"])
            row["type"] = SQLValue(flat["adGroup.type"])
        }
        return .row(row)
    }

    /// Google ids are int64 sent as strings: digits only.
    static func isID(_ text: String) -> Bool { !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
}
