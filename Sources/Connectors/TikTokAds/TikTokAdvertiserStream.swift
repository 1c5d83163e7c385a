import OmnidashCore
import Warehouse

/// The advertiser's name, currency and time zone (`advertiser/info/`), for staging and the dashboard.
public struct TikTokAdvertiserStream: SyncStream {
    public let directory: TikTokAdvertiserDirectory
    public let counters: RequestCounters
    public let accountID: String
    public var source: SyncSource { .platform(.tiktokAds) }
    public var name: String { "advertiser" }

    public init(advertiserID: String, directory: TikTokAdvertiserDirectory, counters: RequestCounters) {
        self.accountID = advertiserID
        self.directory = directory
        self.counters = counters
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        let advertiser = try await directory.advertiser()
        var row = TikTokAdsRawTables.advertisers.row()
        row["advertiser_id"] = .text(advertiser.id)
        row["name"] = SQLValue(advertiser.name)
        row["currency"] = .text(advertiser.currency)
        row["timezone"] = .text(advertiser.timeZone.identifier)
        row["status"] = SQLValue(advertiser.status)
        row["raw_json"] = .text(advertiser.rawJSON)
        var summary = StreamSummary()
        try await context.load(ParsedPage(rows: [row]), into: TikTokAdsRawTables.advertisers, of: self,
                               position: advertiser.name ?? advertiser.id, summary: &summary)
        return summary
    }
}
