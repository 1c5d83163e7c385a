import OmnidashCore
import Warehouse

/// Airbyte's `source-facebook-marketing` records → Meta's raw tables. Its insight streams carry the Graph API's
/// insight objects with numbers typed by Airbyte's schema (`"spend": 12.5` where Meta writes `"12.50"`), which the
/// native parser reads either way: `ads_insights` into the daily ad rows, an `age`/`gender` breakdown (Airbyte's
/// `ads_insights_age_and_gender`, or the seed's custom `daily_ads_insights`) into the demographics rows. The entity
/// streams `campaigns`, `ad_sets` and `ads` fill the entities table with their budgets; their account currency comes
/// from the `ad_account` stream, the insights' `account_currency`, or `--currency`.
public struct FacebookAirbyteMapper: AirbyteSourceMapper {
    public static let insightStreams = ["ads_insights"]
    public static let demographicStreams = ["ads_insights_age_and_gender", "daily_ads_insights"]
    /// Airbyte's entity stream → the level the native connector stores it under.
    public static let entityStreams = [("campaigns", "campaign"), ("ad_sets", "adset"), ("ads", "ad")]

    let options: AirbyteImportOptions
    /// Each account's currency, learned from the records as they come.
    private var currencies: [String: String] = [:]

    public init(options: AirbyteImportOptions = AirbyteImportOptions()) {
        self.options = options
    }

    public var streams: [String] { Self.insightStreams + Self.demographicStreams + Self.entityStreams.map(\.0) + ["ad_account"] }

    public var tables: [RawTableContract] {
        [FacebookAdsRawTables.insights, FacebookAdsRawTables.demographics, FacebookAdsRawTables.entities]
    }

    public mutating func map(stream: String, data: Range<Int>, of scanner: JSONScanner) -> AirbyteMapped {
        if stream == "ad_account" { return account(data, scanner) }
        let breakdown = Self.demographicStreams.contains(stream)
        if breakdown || Self.insightStreams.contains(stream) {
            let record = try? JSONRecord(scanner, data)
            let accountID = (try? record?.string("account_id")).flatMap { $0 }.map(FacebookAds.bareAccountID) ?? options.accountID ?? ""
            if let currency = (try? record?.string("account_currency")).flatMap({ $0 }), !accountID.isEmpty {
                currencies[accountID] = currency
            }
            return .parsed(FacebookInsightParser(accountID: accountID, stream: stream, byAgeAndGender: breakdown).parse(scanner, data))
        }
        guard let level = Self.entityStreams.first(where: { $0.0 == stream })?.1 else { return .unknownStream }
        return .parsed(entity(stream: stream, level: level, data, scanner))
    }

    /// `ad_account`: nothing to store, but its currency is what the budgets are in. Rejected only if unreadable.
    private mutating func account(_ data: Range<Int>, _ scanner: JSONScanner) -> AirbyteMapped {
        do throws(JSONRecord.Problem) {
            let record = try JSONRecord(scanner, data)
            let accountID = try record.string("account_id")
            let nodeID = try record.string("id")
            let id = accountID ?? nodeID.map(FacebookAds.bareAccountID)
            if let id, let currency = try record.string("currency") { currencies[FacebookAds.bareAccountID(id)] = currency }
            return .context
        } catch {
            return .parsed(.reject(RawReject(source: Platform.facebookAds.rawValue, stream: "ad_account", accountID: nil, recordKey: nil,
                                             reason: error.reason, payload: scanner.text(data))))
        }
    }

    private func entity(stream: String, level: String, _ data: Range<Int>, _ scanner: JSONScanner) -> ParsedRecord {
        let raw = scanner.text(data)
        var key: String?
        var accountID = options.accountID
        func reject(_ reason: String) -> ParsedRecord {
            .reject(RawReject(source: Platform.facebookAds.rawValue, stream: stream, accountID: accountID, recordKey: key.map { "\(level)/\($0)" },
                              reason: reason, payload: raw))
        }
        do throws(JSONRecord.Problem) {
            let record = try JSONRecord(scanner, data)
            let id = try record.id("id")
            key = id
            guard let account = try record.string("account_id").map(FacebookAds.bareAccountID) ?? accountID else {
                return reject("account_id: is required (or pass --account-id)")
            }
            accountID = account
            guard let currency = currencies[account] ?? options.currency else {
                return reject("account_currency: unknown for account \(account); import the ad_account stream first or pass --currency")
            }
            let campaignID = level == "campaign" ? id : try record.scalar("campaign_id").map { text throws(JSONRecord.Problem) in
                try JSONRecord.id(text, "campaign_id")
            }
            guard let campaignID else { return reject("campaign_id: is required on an \(level)") }
            var row = FacebookAdsRawTables.entities.row()
            row["account_id"] = .text(account)
            row["level"] = .text(level)
            row["id"] = .text(id)
            row["account_currency"] = .text(currency)
            row["campaign_id"] = .text(campaignID)
            row["adset_id"] = SQLValue(level == "adset" ? id : try record.scalar("adset_id"))
            row["name"] = SQLValue(try record.string("name"))
            row["status"] = SQLValue(try record.string("status"))
            row["effective_status"] = SQLValue(try record.string("effective_status"))
            row["objective"] = SQLValue(try record.string("objective"))
            for field in ["daily_budget", "lifetime_budget", "budget_remaining"] {
                row[field] = SQLValue(try Self.minorUnits(record.scalar(field), field))
            }
            row["start_time"] = SQLValue(try record.string("start_time"))
            let stopTime = try record.string("stop_time")
            let endTime = try record.string("end_time")
            row["end_time"] = SQLValue(stopTime ?? endTime)
            row["created_time"] = SQLValue(try record.string("created_time"))
            row["updated_time"] = SQLValue(try record.string("updated_time"))
            row["raw_json"] = .text(raw)
            return .row(row)
        } catch {
            return reject(error.reason)
        }
    }

    /// A budget in whole minor units as Meta writes it (`"150000"`): Airbyte's schema types it as a number, so
    /// `150000.0` is read as the same whole amount; a fraction or a negative is refused.
    static func minorUnits(_ text: String?, _ field: String) throws(JSONRecord.Problem) -> String? {
        guard var text else { return nil }
        if let point = text.firstIndex(of: "."), text[text.index(after: point)...].allSatisfy({ $0 == "0" }) {
            text = String(text[..<point])
        }
        guard let value = Int64(text), value >= 0 else {
            throw JSONRecord.Problem(reason: "\(field): '\(text)' is not a whole, non-negative number of minor units")
        }
        return String(value)
    }
}
