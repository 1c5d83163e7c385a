import Foundation
import OmnidashCore
import Warehouse

/// The staged rows of a range of sessions: the sessions themselves, and traffic, pages, audience and purchases rolled
/// up from them. Users are counted distinct at each row's own grain; revenue is converted to the reporting currency at
/// the session date's rate and rounded once per purchase.
struct GA4ExportRows {
    let context: StagingContext
    let dataSource: String

    struct Output {
        var sessions: [TableRow] = []
        var traffic: [TableRow] = []
        var pages: [TableRow] = []
        var audience: [TableRow] = []
        var purchases: [TableRow] = []

        var count: Int { sessions.count + traffic.count + pages.count + audience.count + purchases.count }
    }

    /// Sums over a group of sessions.
    struct Totals {
        var sessions: Int64 = 0
        var engaged: Int64 = 0
        var users = Set<String>()
        var newUsers = Set<String>()
        var pageviews: Int64 = 0
        var durationSeconds: Int64 = 0
        var transactions: Int64 = 0
        var revenueMinor: Int64 = 0
        var campaignID: String?
        var channel: String?

        mutating func add(_ staged: GA4StagedSession, revenueMinor revenue: Int64) {
            sessions += 1
            engaged += staged.session.isEngaged ? 1 : 0
            users.insert(staged.session.user)
            if staged.session.isNewUser { newUsers.insert(staged.session.user) }
            pageviews += Int64(staged.session.pageViews.count)
            durationSeconds += staged.session.durationSeconds
            transactions += Int64(staged.session.purchases.count)
            revenueMinor += revenue
            campaignID = campaignID ?? staged.source.campaignID
            channel = channel ?? staged.channel
        }
    }

    /// Per page of a date.
    struct PageTotals {
        var title: String?
        var pageviews: Int64 = 0
        var sessions = Set<String>()
        var entrances: Int64 = 0
        var exits: Int64 = 0
        var bouncedEntrances: Int64 = 0
        var timeOnPageMicros: Int64 = 0
    }

    func rows(_ staged: [GA4StagedSession]) throws -> Output {
        var output = Output()
        var traffic: [[String]: Totals] = [:]
        var audience: [[String]: Totals] = [:]
        var pages: [[String]: PageTotals] = [:]
        var purchased = Set<[String]>()
        for item in staged {
            let session = item.session
            let date = session.date.description
            var revenueMinor: Int64 = 0
            for purchase in session.purchases {
                let money = try thb(purchase, on: session.date, session: session.key)
                revenueMinor += money.minorUnits
                guard purchased.insert([date, purchase.transactionID]).inserted else { continue }
                var row = StagingTables.ga4Purchases.row()
                row["date"] = .text(date)
                row["data_source"] = .text(dataSource)
                row["transaction_id"] = .text(purchase.transactionID)
                row["session_id"] = .text(session.key)
                row["source"] = .text(item.source.source)
                row["medium"] = .text(item.source.medium)
                row["campaign"] = .text(item.source.campaign)
                row["campaign_id"] = SQLValue(item.source.campaignID)
                row["items"] = .integer(purchase.items)
                row["revenue"] = .text("\(money.decimal)")
                row["revenue_thb_minor"] = .integer(money.minorUnits)
                row["_ingested_at"] = .text(context.builtAt)
                output.purchases.append(row)
            }
            output.sessions.append(sessionRow(item, revenueMinor: revenueMinor))
            traffic[[date, item.source.source, item.source.medium, item.source.campaign], default: Totals()].add(item, revenueMinor: revenueMinor)
            for (dimension, value) in [("total", ""), ("device", session.deviceCategory ?? "(not set)"),
                                       ("country", session.country ?? "(not set)"), ("channel", item.channel)] {
                audience[[date, dimension, value], default: Totals()].add(item, revenueMinor: revenueMinor)
            }
            for (index, view) in session.pageViews.enumerated() {
                var page = pages[[date, view.path], default: PageTotals()]
                page.title = page.title ?? view.title
                page.pageviews += 1
                page.sessions.insert(session.key)
                if index == 0 {
                    page.entrances += 1
                    if !session.isEngaged { page.bouncedEntrances += 1 }
                }
                if index == session.pageViews.count - 1 {
                    page.exits += 1
                } else {
                    page.timeOnPageMicros += session.pageViews[index + 1].timestamp - view.timestamp
                }
                pages[[date, view.path]] = page
            }
        }
        for (key, totals) in traffic.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            var row = StagingTables.ga4Traffic.row()
            row["date"] = .text(key[0])
            row["data_source"] = .text(dataSource)
            row["source"] = .text(key[1])
            row["medium"] = .text(key[2])
            row["campaign"] = .text(key[3])
            row["campaign_id"] = SQLValue(totals.campaignID)
            row["channel_grouping"] = SQLValue(totals.channel)
            fill(&row, totals)
            row["avg_session_duration"] = .real(Double(totals.durationSeconds) / Double(totals.sessions))
            row["bounce_rate"] = .real(Double(totals.sessions - totals.engaged) / Double(totals.sessions))
            output.traffic.append(row)
        }
        for (key, totals) in audience.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            var row = StagingTables.ga4Audience.row()
            row["date"] = .text(key[0])
            row["data_source"] = .text(dataSource)
            row["dimension"] = .text(key[1])
            row["value"] = .text(key[2])
            fill(&row, totals)
            output.audience.append(row)
        }
        for (key, page) in pages.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            var row = StagingTables.ga4Pages.row()
            row["date"] = .text(key[0])
            row["data_source"] = .text(dataSource)
            row["page_path"] = .text(key[1])
            row["page_title"] = SQLValue(page.title)
            row["pageviews"] = .integer(page.pageviews)
            row["unique_pageviews"] = .integer(Int64(page.sessions.count))
            // Time on a page is measured to the next page view, so exits have none (as Universal Analytics defined it).
            let timed = page.pageviews - page.exits
            row["avg_time_on_page"] = timed > 0 ? .real(Double(page.timeOnPageMicros) / 1_000_000 / Double(timed)) : .null
            row["entrances"] = .integer(page.entrances)
            row["exits"] = .integer(page.exits)
            row["exit_rate"] = .real(Double(page.exits) / Double(page.pageviews))
            row["bounce_rate"] = page.entrances > 0 ? .real(Double(page.bouncedEntrances) / Double(page.entrances)) : .null
            row["_ingested_at"] = .text(context.builtAt)
            output.pages.append(row)
        }
        return output
    }

    private func fill(_ row: inout TableRow, _ totals: Totals) {
        row["sessions"] = .integer(totals.sessions)
        row["engaged_sessions"] = .integer(totals.engaged)
        row["users"] = .integer(Int64(totals.users.count))
        row["new_users"] = .integer(Int64(totals.newUsers.count))
        row["pageviews"] = .integer(totals.pageviews)
        row["session_duration_seconds"] = .real(Double(totals.durationSeconds))
        row["transactions"] = .integer(totals.transactions)
        row["revenue"] = .text("\(Money(minorUnits: totals.revenueMinor, currency: context.currency).decimal)")
        row["revenue_thb_minor"] = .integer(totals.revenueMinor)
        row["_ingested_at"] = .text(context.builtAt)
    }

    private func sessionRow(_ item: GA4StagedSession, revenueMinor: Int64) -> TableRow {
        let session = item.session
        var row = StagingTables.ga4Sessions.row()
        row["date"] = .text(session.date.description)
        row["session_id"] = .text(session.key)
        row["user_pseudo_id"] = .text(session.user)
        row["session_start"] = .text(Timestamp.string(unixSeconds: session.start / 1_000_000))
        row["session_end"] = .text(Timestamp.string(unixSeconds: session.end / 1_000_000))
        row["session_duration_seconds"] = .integer(session.durationSeconds)
        row["engagement_time_msec"] = .integer(session.engagementMsec)
        row["pageviews"] = .integer(Int64(session.pageViews.count))
        row["events_count"] = .integer(Int64(session.eventCount))
        row["session_number"] = SQLValue(session.sessionNumber)
        row["is_new_user"] = SQLValue(session.isNewUser)
        row["landing_page"] = SQLValue(session.pageViews.first?.path)
        row["source"] = .text(item.source.source)
        row["medium"] = .text(item.source.medium)
        row["campaign"] = .text(item.source.campaign)
        row["campaign_id"] = SQLValue(item.source.campaignID)
        row["term"] = SQLValue(item.source.term)
        row["content"] = SQLValue(item.source.content)
        row["channel_grouping"] = .text(item.channel)
        row["first_user_source"] = SQLValue(session.firstUserSource)
        row["first_user_medium"] = SQLValue(session.firstUserMedium)
        row["device_category"] = SQLValue(session.deviceCategory)
        row["operating_system"] = SQLValue(session.operatingSystem)
        row["browser"] = SQLValue(session.browser)
        row["country"] = SQLValue(session.country)
        row["city"] = SQLValue(session.city)
        row["is_engaged"] = SQLValue(session.isEngaged)
        row["is_bounced"] = SQLValue(!session.isEngaged)
        row["has_purchase"] = SQLValue(!session.purchases.isEmpty)
        row["transactions"] = .integer(Int64(session.purchases.count))
        row["purchase_revenue"] = .text("\(Money(minorUnits: revenueMinor, currency: context.currency).decimal)")
        row["purchase_revenue_thb_minor"] = .integer(revenueMinor)
        row["_ingested_at"] = .text(context.builtAt)
        return row
    }

    /// A purchase's revenue in the reporting currency at the session date's rate, rounded once.
    private func thb(_ purchase: GA4ExportSession.Purchase, on date: BusinessDate, session: String) throws -> Money {
        let currency = purchase.currency.map(Currency.init) ?? context.currency
        let rate = try context.fx.rate(currency, on: date)
        return Money(purchase.revenue, currency: currency).converted(to: context.currency, rate: rate)
    }
}
