import OmnidashCore

/// Meta's ad-level daily insights, their age × gender breakdown and the account's campaigns, ad sets and ads, one
/// group of streams per configured ad account.
public struct FacebookAdsConnector: SourceConnector {
    public init() {}

    public func streamGroups(_ settings: FacebookAdsSettings, kit: ConnectorKit) async throws -> [[any SyncStream]] {
        var groups: [[any SyncStream]] = []
        for account in settings.accounts {
            let counters = RequestCounters()
            let runner = await kit.runner(.platform(.facebookAds), account: FacebookAds.bareAccountID(account),
                                          limit: settings.rateLimit, counters: counters)
            groups.append([
                FacebookInsightsStream(account: account, configuration: settings, runner: runner, calendar: kit.calendar,
                                       counters: counters, sleep: kit.environment.sleep),
                FacebookInsightsStream(account: account, configuration: settings, runner: runner, calendar: kit.calendar,
                                       counters: counters, byAgeAndGender: true, sleep: kit.environment.sleep),
                FacebookEntitiesStream(account: account, configuration: settings, runner: runner, counters: counters),
            ])
        }
        return groups
    }
}
