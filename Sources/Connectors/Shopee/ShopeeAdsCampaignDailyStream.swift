import Foundation
import OmnidashCore
import Warehouse

/// Shopee Ads per product campaign per day (`get_product_campaign_daily_performance`): the stream staging reads
/// for `stg_ads_performance` (platform `shopee_ads`), at campaign grain, Shopee reporting nothing finer.
///
/// Passes walk business days in windows of 30 (the endpoints' month); every pass reads the last 7 days again, since
/// orders are attributed up to 7 days after the click. Inside a window the pages follow the campaign id list, 100
/// ids a page, each page's ids asked for in one call; the cursor is the id list's offset.
public struct ShopeeAdsCampaignDailyStream: WindowedStream {
    public let session: ShopeeSession
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.shopee) }
    public var accountID: String { String(session.shopID) }
    public var name: String { Self.streamName }
    static let streamName = "ads_campaign_daily"
    public var table: RawTableContract { ShopeeAdsRawTables.campaignDaily }
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
        let offset = request.cursor.flatMap(Int.init) ?? 0
        let campaigns = try await ShopeeAdsCampaignIDPage.fetch(session, offset: offset)
        guard !campaigns.ids.isEmpty else { return (ParsedPage(), nil) }
        let call = Shopee.Requests.productCampaignDailyPerformance(campaignIDs: campaigns.ids, from: request.start,
                                                                   through: request.end.adding(days: -1))
        let scanner = JSONScanner([UInt8](try await session.send(call)))
        // The documentation gives `response` as an array of shops; one client library reads an object. Both are read.
        guard let response = try? scanner.value(at: ["response"]) else {
            throw ConnectorError(.invalidResponse, platform: .shopee, endpoint: call.path, message: "response is missing")
        }
        let shops = (try? scanner.elements(of: response)) ?? [response]
        var page = ParsedPage()
        var seen = Set<String>()
        for shop in shops {
            let shopRecord: ShopeeAdsRecord
            do { shopRecord = try ShopeeAdsRecord(scanner, shop) } catch {
                throw ConnectorError(.invalidResponse, platform: .shopee, endpoint: call.path, message: "response: \(error.reason)")
            }
            let region = try? shopRecord.string("region")
            guard let list = shopRecord.value("campaign_list"), let entries = try? scanner.elements(of: list) else { continue }
            for entry in entries {
                for record in Self.parse(scanner, entry, region: region ?? nil, shopID: accountID) {
                    // One page must not hold two rows of one key.
                    if case .row(let row) = record, !seen.insert("\(row["campaign_id"].string ?? "")@\(row["_date"].string ?? "")").inserted {
                        continue
                    }
                    page.append(record)
                }
            }
        }
        return (page, campaigns.hasNextPage ? String(offset + campaigns.ids.count) : nil)
    }

    /// One campaign's entry: a row per `metrics_list` day, or a reject naming the field.
    static func parse(_ scanner: JSONScanner, _ range: Range<Int>, region: String?, shopID accountID: String) -> [ParsedRecord] {
        func reject(_ reason: String, key: String?, payload: String) -> ParsedRecord {
            .reject(RawReject(source: Platform.shopee.rawValue, stream: streamName, accountID: accountID, recordKey: key, reason: reason,
                              payload: payload))
        }
        let campaign: ShopeeAdsRecord, campaignID: String
        do {
            campaign = try ShopeeAdsRecord(scanner, range)
            campaignID = try campaign.id("campaign_id")
        } catch {
            return [reject(error.reason, key: nil, payload: scanner.text(range))]
        }
        guard let list = campaign.value("metrics_list"), let metrics = try? scanner.elements(of: list) else {
            return [reject("metrics_list: is missing or not an array", key: campaignID, payload: campaign.json)]
        }
        return metrics.map { element in
            var key = campaignID
            do throws(ShopeeAdsRecord.Problem) {
                let metric = try ShopeeAdsRecord(scanner, element)
                let date = try metric.shopeeAdsDate("date")
                key = "\(campaignID)@\(date)"
                var row = ShopeeAdsRawTables.campaignDaily.row()
                row["_date"] = .text(date.description)
                row["shop_id"] = .text(accountID)
                row["region"] = SQLValue(region)
                row["campaign_id"] = .text(campaignID)
                row["ad_name"] = SQLValue(try campaign.string("ad_name"))
                row["ad_type"] = SQLValue(try campaign.string("ad_type"))
                row["campaign_placement"] = SQLValue(try campaign.string("campaign_placement"))
                row["impression"] = .integer(try metric.count("impression"))
                row["clicks"] = .integer(try metric.count("clicks"))
                row["ctr"] = SQLValue(try metric.optionalAmount("ctr"))
                row["expense"] = .text(try metric.amount("expense"))
                row["broad_order"] = .integer(try metric.count("broad_order"))
                row["broad_gmv"] = .text(try metric.amount("broad_gmv"))
                row["broad_roi"] = SQLValue(try metric.optionalAmount("broad_roi"))
                row["direct_order"] = .integer(try metric.count("direct_order"))
                row["direct_gmv"] = .text(try metric.amount("direct_gmv"))
                row["direct_roi"] = SQLValue(try metric.optionalAmount("direct_roi"))
                // The day's metrics with the campaign's names: the record as Shopee nests it, one day of it.
                row["raw_json"] = .text(#"{"campaign_id":\#(campaignID),"metrics":\#(metric.json)}"#)
                return .row(row)
            } catch {
                return reject(error.reason, key: key, payload: scanner.text(element))
            }
        }
    }
}
