import OmnidashCore

/// LINE Ads: per configured ad account, the listings of campaigns, ad groups and ads, then the daily online report
/// of each configured level.
public struct LineAdsConnector: SourceConnector {
    public init() {}

    public func streamGroups(_ settings: LineAdsSettings, kit: ConnectorKit) async throws -> [[any SyncStream]] {
        var groups: [[any SyncStream]] = []
        for account in settings.adAccountIDs {
            let counters = RequestCounters()
            let runner = await kit.runner(.platform(.lineAds), account: account, limit: settings.rateLimit, counters: counters)
            var streams: [any SyncStream] = [
                LineAdsEntitiesStream(account: account, configuration: settings, runner: runner, counters: counters,
                                      now: kit.environment.now),
            ]
            for level in LineAds.Level.allCases where settings.reportLevels.contains(level.rawValue) {
                streams.append(LineAdsReportStream(account: account, level: level, configuration: settings, runner: runner,
                                                   calendar: kit.calendar, counters: counters, now: kit.environment.now))
            }
            groups.append(streams)
        }
        return groups
    }
}
