import Foundation
import OmnidashCore

extension WebsiteAnalytics {
    static let figureHeader = "sessions,engaged_sessions,user_days,new_users,returning_user_days,engagement_rate,bounce_rate,"
        + "pageviews,pages_per_session,avg_session_duration_seconds,transactions,revenue,conversion_rate,aov"

    /// One row per channel, source / medium and campaign, as the page's traffic-source table, with the GA4 path of the
    /// range in every row.
    public static func csv(_ model: Model) -> String {
        var lines = ["channel_group,source,medium,campaign," + figureHeader + ",session_share,revenue_share,data_source"]
        for row in model.sources {
            lines.append(([row.channel, row.source, row.medium, row.campaign].map(PageExport.csvField) + csvFields(row.figures)
                          + [PageExport.ratio(row.sessionShare), PageExport.ratio(row.revenueShare), model.dataSource.summary ?? ""])
                .joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func csvFields(_ figures: WebsiteFigures) -> [String] {
        [String(figures.sessions), String(figures.engagedSessions), String(figures.userDays), String(figures.newUsers),
         String(figures.returningUserDays), PageExport.ratio(figures.engagementRate), PageExport.ratio(figures.bounceRate),
         figures.pageviews.map(String.init) ?? "", PageExport.ratio(figures.pagesPerSession), PageExport.ratio(figures.averageDurationSeconds),
         String(figures.transactions), PageExport.money(figures.revenueMinor), PageExport.ratio(figures.conversionRate),
         PageExport.ratio(figures.aov)]
    }

    static func values(_ figures: WebsiteFigures) -> [String: PageExport.Value] {
        typealias Value = PageExport.Value
        return [
            "sessions": .integer(figures.sessions), "engaged_sessions": .integer(figures.engagedSessions),
            "user_days": .integer(figures.userDays), "new_users": .integer(figures.newUsers),
            "returning_user_days": .integer(figures.returningUserDays), "engagement_rate": Value(ratio: figures.engagementRate),
            "bounce_rate": Value(ratio: figures.bounceRate), "pageviews": figures.pageviews.map(Value.integer) ?? .null,
            "pages_per_session": Value(ratio: figures.pagesPerSession),
            "avg_session_duration_seconds": Value(ratio: figures.averageDurationSeconds), "transactions": .integer(figures.transactions),
            "revenue": .text(PageExport.money(figures.revenueMinor)), "revenue_minor": .integer(figures.revenueMinor),
            "conversion_rate": Value(ratio: figures.conversionRate), "aov": Value(averageMoney: figures.aov),
        ]
    }

    /// The KPIs, the GA4 path of each date, the channels, daily sessions per charted channel, the traffic sources, the
    /// top pages and the device and country splits. Users are user-days, named so.
    public static func json(_ model: Model, currency: Currency) throws -> Data {
        typealias Value = PageExport.Value
        func split(_ rows: [AudienceRow]) -> Value {
            .array(rows.map { row in
                .object(values(row.figures).merging([
                    "value": .text(row.value), "previous_sessions": .integer(row.previousSessions),
                    "sessions_change": Value(ratio: row.sessionsChange), "session_share": Value(ratio: row.sessionShare),
                    "revenue_share": Value(ratio: row.revenueShare),
                ]) { $1 })
            })
        }
        // The channels drawn, then the rest under a name no channel group has.
        let names = model.chartChannels + ["(other)"]
        let daily: [Value] = model.daily.map { day in
            .object(["date": .text(day.date.description), "sessions": .object(Dictionary(
                zip(names, day.sessions).map { ($0.0, Value.integer($0.1)) }, uniquingKeysWith: { $1 }))])
        }
        let sources: [Value] = model.sources.map { row in
            .object(values(row.figures).merging([
                "channel_group": .text(row.channel), "source": .text(row.source), "medium": .text(row.medium),
                "campaign": .text(row.campaign), "session_share": Value(ratio: row.sessionShare), "revenue_share": Value(ratio: row.revenueShare),
            ]) { $1 })
        }
        let pages: [Value] = model.pages.map { row in
            .object(["page_path": .text(row.path), "page_title": Value(text: row.title), "pageviews": .integer(row.pageviews),
                     "unique_pageviews": .integer(row.uniquePageviews), "entrances": .integer(row.entrances), "exits": .integer(row.exits),
                     "exit_rate": Value(ratio: row.exitRate), "avg_time_on_page_seconds": Value(ratio: row.averageTimeOnPage),
                     "bounce_rate": Value(ratio: row.bounceRate)])
        }
        let filters = model.filters
        return try PageExport.document(filters, currency: currency, kpis: model.kpis, sections: [
            // The common scope, with the channel group this page narrows to.
            "scope": .object(["platform": Value(text: filters.platform?.rawValue), "shop_id": Value(text: filters.shopID),
                              "sku": Value(text: filters.sku), "account_id": Value(text: filters.accountID),
                              "campaign_id": Value(text: filters.campaignID), "adset_id": Value(text: filters.adSetID),
                              "channel_group": Value(text: filters.channel)]),
            "data_source": .object([
                "summary": Value(text: model.dataSource.summary),
                "export_dates": .array(model.dataSource.exportDates.map { .text($0.description) }),
                "data_api_dates": .array(model.dataSource.dataAPIDates.map { .text($0.description) }),
            ]),
            "totals": .object(values(model.totals)),
            "channels": split(model.channelRows), "daily_sessions": .array(daily), "traffic_sources": .array(sources),
            "top_pages": .array(pages), "devices": split(model.devices), "countries": split(model.countries),
        ])
    }
}
