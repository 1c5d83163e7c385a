import OmnidashCore

/// TikTok Ads: per advertiser, its details, its ad-level report, then its campaigns, ad groups and ads.
public struct TikTokAdsConnector: SourceConnector {
    public init() {}

    public func streamGroups(_ settings: TikTokAdsSettings, kit: ConnectorKit) async throws -> [[any SyncStream]] {
        var groups: [[any SyncStream]] = []
        for advertiserID in settings.advertiserIDs {
            let counters = RequestCounters()
            let runner = await kit.runner(.platform(.tiktokAds), account: advertiserID, limit: settings.rateLimit, counters: counters)
            let directory = TikTokAdvertiserDirectory(settings: settings, advertiserID: advertiserID, runner: runner)
            var streams: [any SyncStream] = [
                TikTokAdvertiserStream(advertiserID: advertiserID, directory: directory, counters: counters),
                TikTokReportStream(advertiserID: advertiserID, settings: settings, directory: directory, runner: runner,
                                   calendar: kit.calendar, counters: counters),
            ]
            for kind in TikTokEntityStream.Kind.allCases {
                streams.append(TikTokEntityStream(kind, advertiserID: advertiserID, settings: settings, runner: runner, counters: counters))
            }
            groups.append(streams)
        }
        return groups
    }
}
