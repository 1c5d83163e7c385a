import Foundation
import OmnidashCore
import Warehouse

/// Airbyte's `source-tiktok-marketing` records → TikTok Ads' raw tables. `ads_reports_daily` records carry the
/// integrated report's row as TikTok answers it (`dimensions` with `ad_id` and `stat_time_day`, `metrics`) beside
/// Airbyte's own flattened copies, so the native report parser reads them as they are. Their currency and time zone are
/// the advertiser's, from the `advertisers` stream (Airbyte lists it first) or `--currency`.
///
/// Daily rows are taken as the advertiser's days: for an advertiser on the reporting zone they are the business days;
/// the native connector re-buckets other advertisers from hourly rows, which this stream does not have.
public struct TikTokAdsAirbyteMapper: AirbyteSourceMapper {
    public static let reportStreams = ["ads_reports_daily"]
    public static let advertiserStreams = ["advertisers"]

    let options: AirbyteImportOptions
    let calendar: BusinessCalendar
    private var advertisers: [String: TikTokAdvertiser] = [:]

    public init(options: AirbyteImportOptions = AirbyteImportOptions(), calendar: BusinessCalendar = .bangkok) {
        self.options = options
        self.calendar = calendar
    }

    public var streams: [String] { Self.advertiserStreams + Self.reportStreams }
    public var tables: [RawTableContract] { [TikTokAdsRawTables.report, TikTokAdsRawTables.advertisers] }

    public mutating func map(stream: String, data: Range<Int>, of scanner: JSONScanner) -> AirbyteMapped {
        if Self.advertiserStreams.contains(stream) { return .parsed(advertiser(stream: stream, data, scanner)) }
        guard Self.reportStreams.contains(stream) else { return .unknownStream }
        let raw = scanner.text(data)
        let record = try? JSONRecord(scanner, data)
        let advertiserID = record.flatMap { try? $0.id("advertiser_id") } ?? options.accountID
        guard let advertiserID else {
            return .parsed(.reject(RawReject(source: Platform.tiktokAds.rawValue, stream: stream, accountID: nil, recordKey: nil,
                                             reason: "advertiser_id: is required (or pass --account-id)", payload: raw)))
        }
        guard let advertiser = advertisers[advertiserID] ?? options.currency.map({ currency in
            TikTokAdvertiser(id: advertiserID, name: nil, currency: currency, timeZone: calendar.timeZone, status: nil, rawJSON: "{}")
        }) else {
            return .parsed(.reject(RawReject(source: Platform.tiktokAds.rawValue, stream: stream, accountID: advertiserID, recordKey: nil,
                                             reason: "currency: unknown for advertiser \(advertiserID); import the advertisers stream first or pass --currency",
                                             payload: raw)))
        }
        return .parsed(TikTokReportParser(advertiser: advertiser, grain: .day, calendar: calendar).parse(scanner, data).record)
    }

    /// An `advertisers` record: stored as the native connector stores `advertiser/info/`, and remembered for the reports.
    private mutating func advertiser(stream: String, _ data: Range<Int>, _ scanner: JSONScanner) -> ParsedRecord {
        let raw = scanner.text(data)
        do throws(JSONRecord.Problem) {
            let record = try JSONRecord(scanner, data)
            let id = try record.id("advertiser_id")
            guard let currency = try record.string("currency"), currency.utf8.count == 3 else {
                throw JSONRecord.Problem(reason: "currency: missing or not a 3-letter code")
            }
            let zoneName = try record.string("timezone")
            guard let timeZone = zoneName.map({ TimeZone(identifier: $0) }) ?? calendar.timeZone else {
                throw JSONRecord.Problem(reason: "timezone: '\(zoneName ?? "")' is not an IANA time zone")
            }
            let name = try record.string("name")
            let status = try record.string("status")
            advertisers[id] = TikTokAdvertiser(id: id, name: name, currency: currency, timeZone: timeZone, status: status, rawJSON: raw)
            var row = TikTokAdsRawTables.advertisers.row()
            row["advertiser_id"] = .text(id)
            row["name"] = SQLValue(name)
            row["currency"] = .text(currency)
            row["timezone"] = .text(timeZone.identifier)
            row["status"] = SQLValue(status)
            row["raw_json"] = .text(raw)
            return .row(row)
        } catch {
            return .reject(RawReject(source: Platform.tiktokAds.rawValue, stream: stream, accountID: nil, recordKey: nil, reason: error.reason,
                                     payload: raw))
        }
    }
}
