import OmnidashCore

/// GA4 for each configured property: the traffic, page, e-commerce, audience and purchase reports, side by side (each a
/// group of its own) so that they walk the same days together, which is also how GA4's own servers see one client's
/// reports of a day arrive. One Google identity (user or service account) serves every property; a property's reports
/// share its rate limit.
public struct GA4Connector: SourceConnector {
    public init() {}

    public func streamGroups(_ settings: GA4Settings, kit: ConnectorKit) async throws -> [[any SyncStream]] {
        let tokenRunner = await kit.runner(.platform(.ga4), account: "oauth", limit: settings.rateLimit, counters: RequestCounters())
        let session = try GA4Session(settings: settings, vault: kit.vault, runner: tokenRunner, now: kit.environment.now)
        var groups: [[any SyncStream]] = []
        for property in settings.propertyIDs {
            let counters = RequestCounters()
            let runner = await kit.runner(.platform(.ga4), account: property, limit: settings.rateLimit, counters: counters)
            groups += GA4.streams.map { stream in
                [GA4ReportStream(name: stream.name, reports: stream.reports, propertyID: property, settings: settings, session: session,
                                 runner: runner, calendar: kit.calendar, counters: counters, pageSize: settings.pageSize)]
            }
        }
        return groups
    }
}
