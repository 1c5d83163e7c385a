import OmnidashCore

/// Google Ads for each configured customer: daily campaign, ad group and keyword reports, then the campaign and ad
/// group entities. One OAuth session serves every customer.
public struct GoogleAdsConnector: SourceConnector {
    public init() {}

    public func streamGroups(_ settings: GoogleAdsSettings, kit: ConnectorKit) async throws -> [[any SyncStream]] {
        let tokenRunner = await kit.runner(.platform(.googleAds), account: "oauth", limit: settings.rateLimit, counters: RequestCounters())
        let session = GoogleAdsSession(settings: settings, vault: kit.vault, runner: tokenRunner, now: kit.environment.now)
        var groups: [[any SyncStream]] = []
        for customer in settings.accountIDs {
            let counters = RequestCounters()
            let runner = await kit.runner(.platform(.googleAds), account: customer, limit: settings.rateLimit, counters: counters)
            groups.append(GoogleAds.Report.allCases.map { report in
                GoogleAdsReportStream(report: report, customerID: customer, settings: settings, session: session, runner: runner,
                                      calendar: kit.calendar, counters: counters)
            } + GoogleAds.Entity.allCases.map { entity in
                GoogleAdsEntityStream(entity: entity, customerID: customer, settings: settings, session: session, runner: runner,
                                      counters: counters)
            })
        }
        return groups
    }
}
