import Foundation
import OmnidashCore
import Warehouse

/// The advertiser's campaigns, ad groups or ads with their status and budgets, fetched in full on every sync (a
/// few hundred objects at most): budgets and status change without touching any report row.
public struct TikTokEntityStream: SyncStream {
    public enum Kind: String, Sendable, CaseIterable {
        case campaigns, adGroups = "adgroups", ads

        var path: String {
            switch self {
            case .campaigns: "/campaign/get/"
            case .adGroups: "/adgroup/get/"
            case .ads: "/ad/get/"
            }
        }

        var table: RawTableContract {
            switch self {
            case .campaigns: TikTokAdsRawTables.campaigns
            case .adGroups: TikTokAdsRawTables.adGroups
            case .ads: TikTokAdsRawTables.ads
            }
        }
    }

    public let kind: Kind
    public let counters: RequestCounters
    public let accountID: String
    public var source: SyncSource { .platform(.tiktokAds) }
    public var name: String { kind.rawValue }
    let settings: TikTokAdsSettings
    let runner: RequestRunner

    public init(_ kind: Kind, advertiserID: String, settings: TikTokAdsSettings, runner: RequestRunner, counters: RequestCounters) {
        self.kind = kind
        self.accountID = advertiserID
        self.settings = settings
        self.runner = runner
        self.counters = counters
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        var summary = StreamSummary()
        var page = 1
        while true {
            let endpoint = TikTokAds.apiPath + kind.path
            let response = try await runner.run(
                endpoint: endpoint,
                build: { [settings, kind, accountID, page] in
                    TikTokAds.Requests.entities(kind.path, baseURL: settings.baseURL, accessToken: settings.accessToken,
                                                advertiserID: accountID, page: page, pageSize: settings.pageSize)
                },
                classify: { TikTokAds.classify($0, endpoint: endpoint) })
            let scanner = JSONScanner([UInt8](response.body))
            guard let list = try? scanner.value(at: ["data", "list"]), let elements = try? scanner.elements(of: list) else {
                throw ConnectorError(.invalidResponse, platform: .tiktokAds, endpoint: endpoint, message: "`data.list` is missing or not an array")
            }
            var parsed = ParsedPage()
            for element in elements { parsed.append(parse(scanner, element)) }
            try await context.load(parsed, into: kind.table, of: self, position: "page \(page)", summary: &summary)
            let totalPages = (try? scanner.value(at: ["data", "page_info", "total_page"])).flatMap { $0 }.flatMap { Int(scanner.text($0)) } ?? page
            guard page < totalPages, !elements.isEmpty else { return summary }
            page += 1
        }
    }

    func parse(_ scanner: JSONScanner, _ range: Range<Int>) -> ParsedRecord {
        scanner.bytes.withUnsafeBufferPointer { buffer in
            let raw = String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
            var key: String?
            func reject(_ reason: String) -> ParsedRecord {
                .reject(RawReject(source: Platform.tiktokAds.rawValue, stream: kind.rawValue, accountID: accountID, recordKey: key,
                                  reason: reason, payload: raw))
            }
            do throws(JSONReadError) {
                let record = try TikTokRecordReader(buffer, range)
                var row = kind.table.row()
                row["advertiser_id"] = .text(accountID)
                row["operation_status"] = SQLValue(record["operation_status"])
                row["secondary_status"] = SQLValue(record["secondary_status"])
                row["modify_time"] = SQLValue(record["modify_time"])
                row["raw_json"] = .text(raw)
                guard let campaignID = try record.id("campaign_id") else { return reject("campaign_id: is required") }
                row["campaign_id"] = .text(campaignID)
                switch kind {
                case .campaigns:
                    key = campaignID
                    row["campaign_name"] = SQLValue(record["campaign_name"])
                    row["objective_type"] = SQLValue(record["objective_type"])
                    row["budget_mode"] = SQLValue(record["budget_mode"])
                    row["budget"] = SQLValue(try record.amount("budget"))
                case .adGroups:
                    guard let id = try record.id("adgroup_id") else { return reject("adgroup_id: is required") }
                    key = id
                    row["adgroup_id"] = .text(id)
                    row["adgroup_name"] = SQLValue(record["adgroup_name"])
                    row["budget_mode"] = SQLValue(record["budget_mode"])
                    row["budget"] = SQLValue(try record.amount("budget"))
                    row["schedule_start_time"] = SQLValue(record["schedule_start_time"])
                    row["schedule_end_time"] = SQLValue(record["schedule_end_time"])
                case .ads:
                    guard let id = try record.id("ad_id") else { return reject("ad_id: is required") }
                    guard let adGroupID = try record.id("adgroup_id") else { return reject("adgroup_id: is required") }
                    key = id
                    row["ad_id"] = .text(id)
                    row["adgroup_id"] = .text(adGroupID)
                    row["ad_name"] = SQLValue(record["ad_name"])
                    row["landing_page_url"] = SQLValue(record["landing_page_url"])
                }
                return .row(row)
            } catch {
                return reject(error.description)
            }
        }
    }
}
