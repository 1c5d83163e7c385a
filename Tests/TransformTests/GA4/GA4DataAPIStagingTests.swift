import Foundation
import OmnidashCore
import OmnidashTestSupport
@testable import Sandbox
import Testing
@testable import Transform
import Warehouse

/// The Data API path reconciled with the world: after a Sandbox sync, `stg_ga4_traffic` and `stg_ga4_audience`
/// (`data_api`) hold what the world's sessions give, per (date, source, medium, campaign) and per (date, channel).
@Suite("GA4 Data API staging", .serialized)
struct GA4DataAPIStagingTests {
    struct Figures: Equatable, CustomStringConvertible {
        var sessions: Int64 = 0
        var engaged: Int64 = 0
        var users: Int64 = 0
        var newUsers: Int64 = 0
        var pageViews: Int64 = 0
        var transactions: Int64 = 0
        var revenueMinor: Int64 = 0
        var description: String {
            "sessions \(sessions) engaged \(engaged) users \(users) new \(newUsers) views \(pageViews) tx \(transactions) revenue \(revenueMinor)"
        }

        /// The sessions' figures, users distinct among them.
        init(_ sessions: [WebsiteSession] = []) {
            self.sessions = Int64(sessions.count)
            engaged = Int64(sessions.filter(\.isEngaged).count)
            users = Int64(Set(sessions.map(\.userPseudoID)).count)
            newUsers = Int64(Set(sessions.filter(\.isNewUser).map(\.userPseudoID)).count)
            pageViews = sessions.reduce(0) { $0 + Int64($1.pageViews.count) }
            transactions = Int64(sessions.filter { $0.purchase != nil }.count)
            revenueMinor = sessions.compactMap(\.purchase).reduce(0) { $0 + $1.valueMinor }
        }

        static func + (lhs: Figures, rhs: Figures) -> Figures {
            var sum = lhs
            sum.sessions += rhs.sessions; sum.engaged += rhs.engaged; sum.users += rhs.users; sum.newUsers += rhs.newUsers
            sum.pageViews += rhs.pageViews; sum.transactions += rhs.transactions; sum.revenueMinor += rhs.revenueMinor
            return sum
        }

        init(row: WarehouseRow) {
            sessions = row.int("sessions"); engaged = row.int("engaged_sessions"); users = row.int("users"); newUsers = row.int("new_users")
            pageViews = row.int("pageviews"); transactions = row.int("transactions"); revenueMinor = row.int("revenue_thb_minor")
        }
    }

    static func stage(_ fixture: TestWarehouse, _ sandbox: SandboxHarness) async throws -> StagingOutcome {
        let context = try await StagingContext.load(warehouse: fixture.warehouse,
                                                    configuration: sandbox.configuration(warehouse: fixture.location), now: Date())
        return try await GA4DataAPIStaging().build(context, after: 0)
    }

    @Test("14 days of traffic and audience equal the world's sessions", arguments: WarehouseEngine.allCases)
    func trafficAndAudienceReconcileWithTheWorld(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(engine) { fixture in
            let window = sandbox.window(days: 14)
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location, sources: [.platform(.ga4)])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            // The export's rows of the same dates are another path's: a Data API build leaves them alone.
            var exportRow = StagingTables.ga4Traffic.row()
            for (column, value) in [("date", window.end.description), ("data_source", "export"), ("source", "google"), ("medium", "cpc"),
                                    ("campaign", "kept")] { exportRow[column] = .text(value) }
            try await fixture.warehouse.write([.insert(RowSet(StagingTables.ga4Traffic, rows: [exportRow]))])
            let outcome = try await Self.stage(fixture, sandbox)
            #expect(outcome.touchedDates.isSuperset(of: Set(window.days)))

            let sessions = window.days.flatMap { sandbox.server.world.websiteSessions(on: $0) }
            #expect(sessions.count > 100)

            // Traffic: users are distinct per (device, country) row of daily_traffic and summed over them, as GA4's table is.
            var expectedTraffic: [String: Figures] = [:]
            var channels: [String: String] = [:]
            for (key, group) in Dictionary(grouping: sessions, by: { session in
                [session.day.description, session.attributed.source, session.attributed.medium, session.attributed.campaign].joined(separator: "|")
            }) {
                let cells = Dictionary(grouping: group) { "\($0.device.category)|\($0.geo.country)" }.values
                expectedTraffic[key] = cells.reduce(Figures()) { $0 + Figures($1) }
                channels[key] = group[0].attributed.channelGroup
            }
            let traffic = try await fixture.warehouse.query(SQLStatement("""
                SELECT date, source, medium, campaign, channel_grouping, sessions, engaged_sessions, users, new_users, pageviews,
                       transactions, revenue_thb_minor
                FROM stg_ga4_traffic WHERE data_source = 'data_api'
                """))
            let stagedTraffic = Dictionary(traffic.map { row in
                ([row.text("date"), row.text("source"), row.text("medium"), row.text("campaign")].joined(separator: "|"), row)
            }, uniquingKeysWith: { first, _ in first })
            #expect(stagedTraffic.count == expectedTraffic.count)
            var channelMismatches: [String] = []
            for (key, expected) in expectedTraffic {
                guard let row = stagedTraffic[key] else { Issue.record("\(engine): \(key) is not staged"); continue }
                let got = Figures(row: row)
                if got != expected { Issue.record("\(engine): \(key): staged \(got), world \(expected)") }
                if row.text("channel_grouping") != channels[key] { channelMismatches.append("\(key): \(row.text("channel_grouping")) ≠ \(channels[key]!)") }
            }
            #expect(channelMismatches.isEmpty, "the rule table classifies as the world intends: \(channelMismatches.prefix(5))")
            let kept = try await fixture.warehouse.scalar(SQLStatement("SELECT count(*) FROM stg_ga4_traffic WHERE data_source = 'export'")).int64
            #expect(kept == 1)

            // Audience: users distinct at each grain, exactly.
            var expectedAudience: [String: Figures] = [:]
            for (day, daySessions) in Dictionary(grouping: sessions, by: \.day) {
                expectedAudience["\(day)|total|"] = Figures(daySessions)
                for (channel, group) in Dictionary(grouping: daySessions, by: \.attributed.channelGroup) {
                    expectedAudience["\(day)|channel|\(channel)"] = Figures(group)
                }
                for (device, group) in Dictionary(grouping: daySessions, by: \.device.category) {
                    expectedAudience["\(day)|device|\(device)"] = Figures(group)
                }
            }
            let audience = try await fixture.warehouse.query(SQLStatement("""
                SELECT date, dimension, value, sessions, engaged_sessions, users, new_users, pageviews, transactions, revenue_thb_minor
                FROM stg_ga4_audience WHERE data_source = 'data_api' AND dimension IN ('total', 'channel', 'device')
                """))
            let stagedAudience = Dictionary(audience.map { ("\($0.text("date"))|\($0.text("dimension"))|\($0.text("value"))", Figures(row: $0)) },
                                            uniquingKeysWith: { first, _ in first })
            #expect(stagedAudience.count == expectedAudience.count)
            for (key, expected) in expectedAudience where stagedAudience[key] != expected {
                Issue.record("\(engine): \(key): staged \(stagedAudience[key].map(\.description) ?? "nothing"), world \(expected)")
            }

            // Purchases: every one, with its session campaign, to the satang.
            let purchases = try await fixture.warehouse.query(SQLStatement(
                "SELECT transaction_id, campaign, revenue_thb_minor FROM stg_ga4_purchases WHERE data_source = 'data_api'"))
            let expectedPurchases = Dictionary(uniqueKeysWithValues: sessions.compactMap { session in
                session.purchase.map { ($0.transactionID, "\(session.attributed.campaign)|\($0.valueMinor)") }
            })
            #expect(Dictionary(purchases.map { ($0.text("transaction_id"), "\($0.text("campaign"))|\($0.int("revenue_thb_minor"))") },
                               uniquingKeysWith: { first, _ in first }) == expectedPurchases)
            let pages = try await fixture.warehouse.scalar(SQLStatement(
                "SELECT CAST(sum(pageviews) AS BIGINT) FROM stg_ga4_pages WHERE data_source = 'data_api'")).int64
            #expect(pages == sessions.reduce(0) { $0 + Int64($1.pageViews.count) })

            // A second build of the same dates replaces, never adds.
            let before = try await fixture.warehouse.scalar(SQLStatement("SELECT count(*) FROM stg_ga4_audience")).int64
            _ = try await Self.stage(fixture, sandbox)
            #expect(try await fixture.warehouse.scalar(SQLStatement("SELECT count(*) FROM stg_ga4_audience")).int64 == before)
        }
    }

    @Test func revenueThatIsNotANumberStopsTheBuildNamingTheRow() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        try await withTestWarehouse(.sqlite) { fixture in
            let columns = ["_ingested_at", "_loaded_at_us", "property_id", "date", "breakdown", "value", "purchaseRevenue", "raw_json"]
            let values: [SQLValue] = [.text(Timestamp.now()), .integer(1), "412087345", "2026-11-30", "total", "", "12,50", "{}"]
            try await fixture.warehouse.write([.insert(RowSet(table: GA4RawTables.audience.table, columns: columns, rows: [values]))])
            await #expect(throws: StagingError.self) { _ = try await Self.stage(fixture, sandbox) }
        }
    }
}
