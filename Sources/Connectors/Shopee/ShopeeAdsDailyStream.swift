import Foundation
import OmnidashCore
import Warehouse

/// Shopee Ads shop totals per day (`get_all_cpc_ads_daily_performance`), every CPC ad of the shop together: what
/// Seller Centre's ads dashboard shows, kept beside the campaign rows to check them against.
///
/// Windows of 30 days with a 7-day lookback, one call each. The endpoint refuses a range of one day (Shopee points
/// to its hourly endpoint for that), so a one-day window asks for the day before it too: that day's row is simply
/// loaded again, fresher.
public struct ShopeeAdsDailyStream: WindowedStream {
    public let session: ShopeeSession
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.shopee) }
    public var accountID: String { String(session.shopID) }
    public var name: String { "ads_daily" }
    public var table: RawTableContract { ShopeeAdsRawTables.daily }
    public var windowLength: Int64 { Shopee.adsWindowDays }
    public var policy: PassPolicy<BusinessDate> { .lookback(Shopee.adsLookbackDays) }
    let dates: ShopeeAdsDates

    public init(session: ShopeeSession, calendar: BusinessCalendar, counters: RequestCounters) {
        self.session = session
        self.dates = ShopeeAdsDates(calendar: calendar)
        self.counters = counters
    }

    public func bounds(_ context: StreamContext) -> (since: BusinessDate, until: BusinessDate) { dates.bounds(context) }

    public func fetchPage(_ request: WindowRequest<BusinessDate>) async throws -> (page: ParsedPage, next: String?) {
        let through = request.end.adding(days: -1)
        let from = request.start == through ? through.adding(days: -1) : request.start
        let call = Shopee.Requests.allCPCAdsDailyPerformance(from: from, through: through)
        let scanner = JSONScanner([UInt8](try await session.send(call)))
        // `response` is an array of days (one client library reads an object with `daily_performance_list`).
        guard let response = try? scanner.value(at: ["response"]),
              let days = (try? scanner.elements(of: response))
                ?? (try? scanner.value(at: ["response", "daily_performance_list"])).flatMap({ $0 }).flatMap({ try? scanner.elements(of: $0) })
        else {
            throw ConnectorError(.invalidResponse, platform: .shopee, endpoint: call.path, message: "response is missing or not an array")
        }
        var page = ParsedPage()
        var seen = Set<String>()
        for day in days {
            let record = parse(scanner, day)
            if case .row(let row) = record, !seen.insert(row["_date"].string ?? "").inserted { continue }
            page.append(record)
        }
        return (page, nil)
    }

    func parse(_ scanner: JSONScanner, _ range: Range<Int>) -> ParsedRecord {
        var key: String?
        do throws(ShopeeAdsRecord.Problem) {
            let record = try ShopeeAdsRecord(scanner, range)
            let date = try record.shopeeAdsDate("date")
            key = date.description
            var row = ShopeeAdsRawTables.daily.row()
            row["_date"] = .text(date.description)
            row["shop_id"] = .text(accountID)
            row["impression"] = .integer(try record.count("impression"))
            row["clicks"] = .integer(try record.count("clicks"))
            row["ctr"] = SQLValue(try record.optionalAmount("ctr"))
            row["expense"] = .text(try record.amount("expense"))
            row["broad_order"] = .integer(try record.count("broad_order"))
            row["broad_gmv"] = .text(try record.amount("broad_gmv"))
            row["broad_roas"] = SQLValue(try record.optionalAmount("broad_roas"))
            row["broad_item_sold"] = SQLValue(try record.optionalCount("broad_item_sold"))
            row["direct_order"] = .integer(try record.count("direct_order"))
            row["direct_gmv"] = .text(try record.amount("direct_gmv"))
            row["direct_roas"] = SQLValue(try record.optionalAmount("direct_roas"))
            row["direct_item_sold"] = SQLValue(try record.optionalCount("direct_item_sold"))
            row["cost_per_conversion"] = SQLValue(try record.optionalAmount("cost_per_conversion"))
            row["raw_json"] = .text(record.json)
            return .row(row)
        } catch {
            return .reject(RawReject(source: Platform.shopee.rawValue, stream: name, accountID: accountID, recordKey: key,
                                     reason: error.reason, payload: scanner.text(range)))
        }
    }
}
