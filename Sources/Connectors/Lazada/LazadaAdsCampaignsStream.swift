import Foundation
import OmnidashCore
import Warehouse

/// The seller's Sponsored Discovery campaigns (`searchCampaignList`) with their daily budgets, schedules and
/// statuses, for `stg_ad_entities`. Read in full on every sync, 100 a page.
public struct LazadaAdsCampaignsStream: SyncStream {
    public let session: LazadaSession
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.lazada) }
    public var accountID: String { String(session.sellerID) }
    public var name: String { "ads_campaigns" }
    let calendar: BusinessCalendar
    let currency: String

    public init(session: LazadaSession, calendar: BusinessCalendar, currency: String, counters: RequestCounters) {
        self.session = session
        self.calendar = calendar
        self.currency = currency
        self.counters = counters
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        var summary = StreamSummary()
        let today = calendar.date(context.now)
        let since = min(calendar.date(context.since), today)
        var pageNo = 1
        var fetched = 0
        while true {
            let call = Lazada.Requests.searchCampaignList(from: since, through: today, pageNo: pageNo)
            let scanner = JSONScanner([UInt8](try await session.send(call)))
            if let refusal = Lazada.sponsorRefusal(scanner, endpoint: call.path) { throw refusal }
            guard let list = try? scanner.value(at: ["result"]), let elements = try? scanner.elements(of: list) else {
                throw ConnectorError(.invalidResponse, platform: .lazada, endpoint: call.path, message: "result is missing or not an array")
            }
            let total = (try? scanner.value(at: ["totalCount"])).flatMap { $0 }.flatMap { Int(scanner.string($0) ?? scanner.text($0)) }
            var page = ParsedPage()
            var seen = Set<String>()
            for element in elements {
                let record = parse(scanner, element)
                if case .row(let row) = record, !seen.insert(row["campaign_id"].string ?? "").inserted { continue }
                page.append(record)
            }
            try await context.load(page, into: LazadaAdsRawTables.campaigns, of: self, position: "page \(pageNo)", summary: &summary)
            fetched += elements.count
            let more = total.map { fetched < $0 } ?? (elements.count == Lazada.sponsorPageSize)
            guard more, !elements.isEmpty, pageNo < Lazada.sponsorPageSize else { break }
            pageNo += 1
        }
        return summary
    }

    func parse(_ scanner: JSONScanner, _ range: Range<Int>) -> ParsedRecord {
        var key: String?
        do throws(LazadaAdsRecord.Problem) {
            let record = try LazadaAdsRecord(scanner, range)
            let campaignID = try record.id("campaignId")
            key = campaignID
            var row = LazadaAdsRawTables.campaigns.row()
            row["seller_id"] = .text(accountID)
            row["currency"] = .text(currency)
            row["campaign_id"] = .text(campaignID)
            row["campaign_name"] = SQLValue(record.text("campaignName"))
            row["status"] = SQLValue(record.text("status"))
            row["switch_status"] = SQLValue(record.text("campaignSwitchStatus"))
            row["daily_budget"] = SQLValue(try record.optionalAmount("dailyBudget"))
            for (column, member) in [("start_date", "startDate"), ("end_date", "endDate")] {
                if let text = record.text(member) {
                    guard BusinessDate(text) != nil else { throw LazadaAdsRecord.Problem(reason: "\(member): '\(text)' is not yyyy-MM-dd") }
                    row[column] = .text(text)
                }
            }
            row["raw_json"] = .text(record.json)
            return .row(row)
        } catch {
            return .reject(RawReject(source: Platform.lazada.rawValue, stream: name, accountID: accountID, recordKey: key,
                                     reason: error.reason, payload: scanner.text(range)))
        }
    }
}
