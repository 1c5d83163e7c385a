import OmnidashCore
import Warehouse

/// Airbyte's `source-google-ads` records of the seed's custom query `ad_group_performance` (campaign and ad group ids
/// and names, `segments.date`, impressions, clicks, `cost_micros`, conversions and their value, `FROM ad_group`) →
/// `raw_google_ads`, the native connector's ad-group rows. Airbyte names each field by its GAQL name (`metrics.cost_micros`,
/// snake_case, dotted) where the REST API nests camelCase; the checks are the native parser's: whole non-negative
/// counts and micros, decimal conversions kept as their text. The customer and its currency come from
/// `customer.id` / `customer.currency_code` when the query selects them, else from `--account-id` / `--currency`.
public struct GoogleAdsAirbyteMapper: AirbyteSourceMapper {
    public static let adGroupStreams = ["ad_group_performance"]

    let options: AirbyteImportOptions

    public init(options: AirbyteImportOptions = AirbyteImportOptions()) {
        self.options = options
    }

    public var streams: [String] { Self.adGroupStreams }
    public var tables: [RawTableContract] { [GoogleAdsRawTables.adGroups] }

    public mutating func map(stream: String, data: Range<Int>, of scanner: JSONScanner) -> AirbyteMapped {
        guard Self.adGroupStreams.contains(stream) else { return .unknownStream }
        return .parsed(adGroupRow(stream: stream, data, scanner))
    }

    private func adGroupRow(stream: String, _ data: Range<Int>, _ scanner: JSONScanner) -> ParsedRecord {
        let raw = scanner.text(data)
        var key: String?
        var customerID = options.accountID
        func reject(_ reason: String) -> ParsedRecord {
            .reject(RawReject(source: Platform.googleAds.rawValue, stream: stream, accountID: customerID, recordKey: key, reason: reason,
                              payload: raw))
        }
        do throws(JSONRecord.Problem) {
            let record = try JSONRecord(scanner, data)
            let adGroupID = try record.id("ad_group.id")
            guard let dateText = try record.string("segments.date") else { return reject("segments.date: is required") }
            key = "\(adGroupID)@\(dateText)"
            guard let date = BusinessDate(dateText) else { return reject("segments.date: '\(dateText)' is not YYYY-MM-DD") }
            if record.value("customer.id") != nil { customerID = try record.id("customer.id") }
            guard let customerID else { return reject("customer.id: is not in the record; select it in the query or pass --account-id") }
            let currency = try record.string("customer.currency_code") ?? options.currency
            guard let currency, currency.utf8.count == 3 else {
                return reject("customer.currency_code: is not in the record; select it in the query or pass --currency")
            }
            var row = GoogleAdsRawTables.adGroups.row()
            row["_date"] = .text(date.description)
            row["customer_id"] = .text(customerID)
            row["customer_name"] = SQLValue(try record.string("customer.descriptive_name"))
            row["customer_currency"] = .text(currency)
            row["campaign_id"] = SQLValue(try record.value("campaign.id") == nil ? nil : record.id("campaign.id"))
            row["campaign_name"] = SQLValue(try record.string("campaign.name"))
            row["campaign_type"] = SQLValue(try record.string("campaign.advertising_channel_type"))
            row["ad_group_id"] = .text(adGroupID)
            row["ad_group_name"] = SQLValue(try record.string("ad_group.name"))
            row["ad_group_status"] = SQLValue(try record.string("ad_group.status"))
            // Proto3 leaves a zero metric out, and Airbyte with it: absent is zero, as in the native parser.
            row["impressions"] = .integer(try record.optionalCount("metrics.impressions") ?? 0)
            row["clicks"] = .integer(try record.optionalCount("metrics.clicks") ?? 0)
            row["cost_micros"] = .integer(try record.optionalCount("metrics.cost_micros") ?? 0)
            row["conversions"] = .text(try record.value("metrics.conversions") == nil ? "0" : record.amount("metrics.conversions"))
            row["conversion_value"] = .text(try record.value("metrics.conversions_value") == nil ? "0" : record.amount("metrics.conversions_value"))
            row["raw_json"] = .text(raw)
            return .row(row)
        } catch {
            return reject(error.reason)
        }
    }
}
