import Foundation
import OmnidashCore
import Warehouse

/// Shopee Ads product campaigns with their settings (`get_product_level_campaign_id_list`, then
/// `get_product_level_campaign_setting_info` 100 at a time): name, status, placement, daily budget and schedule,
/// for `stg_ad_entities`. Read in full on every sync; each page of ids is one load.
public struct ShopeeAdsCampaignsStream: SyncStream {
    public let session: ShopeeSession
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.shopee) }
    public var accountID: String { String(session.shopID) }
    public var name: String { "ads_campaigns" }

    public init(session: ShopeeSession, counters: RequestCounters) {
        self.session = session
        self.counters = counters
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        var summary = StreamSummary()
        var offset = 0
        while true {
            let campaigns = try await ShopeeAdsCampaignIDPage.fetch(session, offset: offset)
            if campaigns.ids.isEmpty { break }
            let call = Shopee.Requests.productLevelCampaignSettingInfo(campaignIDs: campaigns.ids)
            let scanner = JSONScanner([UInt8](try await session.send(call)))
            guard let list = try? scanner.value(at: ["response", "campaign_list"]), let entries = try? scanner.elements(of: list) else {
                throw ConnectorError(.invalidResponse, platform: .shopee, endpoint: call.path,
                                     message: "response.campaign_list is missing or not an array")
            }
            let region = (try? scanner.value(at: ["response", "region"])).flatMap { $0 }.flatMap(scanner.string)
            var page = ParsedPage()
            var seen = Set<String>()
            for entry in entries {
                let record = parse(scanner, entry, region: region)
                if case .row(let row) = record, !seen.insert(row["campaign_id"].string ?? "").inserted { continue }
                page.append(record)
            }
            try await context.load(page, into: ShopeeAdsRawTables.campaigns, of: self, position: "campaigns from \(offset)",
                                   summary: &summary)
            guard campaigns.hasNextPage else { break }
            offset += campaigns.ids.count
        }
        return summary
    }

    func parse(_ scanner: JSONScanner, _ range: Range<Int>, region: String?) -> ParsedRecord {
        var key: String?
        do throws(ShopeeAdsRecord.Problem) {
            let record = try ShopeeAdsRecord(scanner, range)
            let campaignID = try record.id("campaign_id")
            key = campaignID
            guard let commonRange = record.value("common_info") else { throw ShopeeAdsRecord.Problem(reason: "common_info: is required") }
            let common = try ShopeeAdsRecord(scanner, commonRange)
            var row = ShopeeAdsRawTables.campaigns.row()
            row["shop_id"] = .text(accountID)
            row["region"] = SQLValue(region)
            row["campaign_id"] = .text(campaignID)
            row["ad_name"] = SQLValue(try common.string("ad_name"))
            row["ad_type"] = SQLValue(try common.string("ad_type"))
            row["campaign_status"] = SQLValue(try common.string("campaign_status"))
            row["campaign_placement"] = SQLValue(try common.string("campaign_placement"))
            row["bidding_method"] = SQLValue(try common.string("bidding_method"))
            row["campaign_budget"] = SQLValue(try common.optionalAmount("campaign_budget"))
            if let durationRange = common.value("campaign_duration") {
                let duration = try ShopeeAdsRecord(scanner, durationRange)
                row["start_time"] = SQLValue(try duration.optionalCount("start_time"))
                row["end_time"] = SQLValue(try duration.optionalCount("end_time"))
            }
            row["raw_json"] = .text(record.json)
            return .row(row)
        } catch {
            return .reject(RawReject(source: Platform.shopee.rawValue, stream: name, accountID: accountID, recordKey: key,
                                     reason: error.reason, payload: scanner.text(range)))
        }
    }
}
