import Foundation
import OmnidashCore
import Warehouse

/// Sponsored Discovery per campaign per day (`getDiscoveryReportCampaign` with `startDate == endDate`, the report
/// having no per-day breakdown): what staging reads for `stg_ads_performance` (platform `lazada_ads`).
///
/// Passes walk business days one day a window, paged by `pageNo` (100 campaigns a page, `totalCount` tells when to
/// stop); every pass reads the last 7 days again for late-attributed orders. Days end yesterday: the offline report
/// (`useRtTable=false`) holds complete days only.
public struct LazadaAdsCampaignReportStream: WindowedStream {
    public let session: LazadaSession
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.lazada) }
    public var accountID: String { String(session.sellerID) }
    public var name: String { Self.streamName }
    static let streamName = "ads_campaign_report"
    public var table: RawTableContract { LazadaAdsRawTables.campaignReport }
    public var windowLength: Int64 { 1 }
    public var policy: PassPolicy<BusinessDate> { .lookback(Lazada.adsLookbackDays) }
    let calendar: BusinessCalendar
    let currency: String

    public init(session: LazadaSession, calendar: BusinessCalendar, currency: String, counters: RequestCounters) {
        self.session = session
        self.calendar = calendar
        self.currency = currency
        self.counters = counters
    }

    public func bounds(_ context: StreamContext) -> (since: BusinessDate, until: BusinessDate) {
        let until = min(calendar.date(context.until).adding(days: 1), calendar.date(context.now))
        return (min(calendar.date(context.since), until), until)
    }

    public func fetchPage(_ request: WindowRequest<BusinessDate>) async throws -> (page: ParsedPage, next: String?) {
        let pageNo = request.cursor.flatMap(Int.init) ?? 1
        let call = Lazada.Requests.discoveryReportCampaign(day: request.start, pageNo: pageNo)
        let scanner = JSONScanner([UInt8](try await session.send(call)))
        if let refusal = Lazada.sponsorRefusal(scanner, endpoint: call.path) { throw refusal }
        guard let rows = try? scanner.value(at: ["result", "result"]), let elements = try? scanner.elements(of: rows) else {
            throw ConnectorError(.invalidResponse, platform: .lazada, endpoint: call.path, message: "result.result is missing or not an array")
        }
        let total = (try? scanner.value(at: ["result", "totalCount"])).flatMap { $0 }
            .flatMap { Int(scanner.string($0) ?? scanner.text($0)) }
        var page = ParsedPage()
        var seen = Set<String>()
        for element in elements {
            let record = Self.parse(scanner, element, day: request.start, sellerID: accountID, currency: currency)
            if case .row(let row) = record, !seen.insert(row["campaign_id"].string ?? "").inserted { continue }
            page.append(record)
        }
        let fetched = (pageNo - 1) * Lazada.sponsorPageSize + elements.count
        // Without a total, a full page may have a next one.
        let more = total.map { fetched < $0 } ?? (elements.count == Lazada.sponsorPageSize)
        return (page, more && !elements.isEmpty ? String(pageNo + 1) : nil)
    }

    static func parse(_ scanner: JSONScanner, _ range: Range<Int>, day: BusinessDate, sellerID accountID: String,
                      currency: String) -> ParsedRecord {
        var key: String?
        do throws(LazadaAdsRecord.Problem) {
            let record = try LazadaAdsRecord(scanner, range)
            let campaignID = try record.id("campaignId")
            key = "\(campaignID)@\(day)"
            var row = LazadaAdsRawTables.campaignReport.row()
            row["_date"] = .text(day.description)
            row["seller_id"] = .text(accountID)
            row["currency"] = .text(currency)
            row["campaign_id"] = .text(campaignID)
            row["campaign_name"] = SQLValue(record.text("campaignName"))
            row["campaign_type"] = SQLValue(record.text("campaignType"))
            row["product_type"] = SQLValue(record.text("productType"))
            row["day_budget"] = SQLValue(try record.optionalAmount("dayBudget"))
            row["impressions"] = .integer(try record.count("impressions"))
            row["clicks"] = .integer(try record.count("clicks"))
            row["ctr"] = SQLValue(try record.optionalAmount("ctr"))
            row["cpc"] = SQLValue(try record.optionalAmount("cpc"))
            row["spend"] = .text(try record.amount("spend"))
            row["store_orders"] = .integer(try record.count("storeOrders"))
            row["store_revenue"] = .text(try record.amount("storeRevenue"))
            row["store_roi"] = SQLValue(try record.optionalAmount("storeRoi"))
            row["product_orders"] = .integer(try record.count("productOrders"))
            row["product_revenue"] = .text(try record.amount("productRevenue"))
            row["raw_json"] = .text(record.json)
            return .row(row)
        } catch {
            return .reject(RawReject(source: Platform.lazada.rawValue, stream: streamName, accountID: accountID, recordKey: key,
                                     reason: error.reason, payload: scanner.text(range)))
        }
    }
}
