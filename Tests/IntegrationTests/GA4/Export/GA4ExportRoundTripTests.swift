import Connectors
import Foundation
import OmnidashCore
import OmnidashTestSupport
import Sandbox
import Testing
import Transform
import Warehouse

/// The BigQuery export path end to end: the Sandbox writes the world's website as `events_YYYYMMDD` files, the import
/// loads them, the transform sessionises them, and the staged figures per (date, channel group) are the world's.
@Suite("GA4 export round trip", .serialized)
struct GA4ExportRoundTripTests {
    static let piiKey = "ga4-export-round-trip-key"

    @Test("sessions, users, transactions and revenue per date and channel group from the export equal the world's",
          arguments: WarehouseEngine.allCases)
    func exportEqualsTheWorld(engine: WarehouseEngine) async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.stop() } }
        let world = sandbox.server.world
        let window = sandbox.window(days: 4)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        try world.exportGA4Events(days: window.dayCount) { day, chunk in
            let path = directory.appendingPathComponent("events_\(day.description.replacingOccurrences(of: "-", with: "")).json").path
            if files.last != path {
                FileManager.default.createFile(atPath: path, contents: nil)
                files.append(path)
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: chunk)
        }
        #expect(files.count >= window.dayCount)

        try await withTestWarehouse(engine) { fixture in
            var loaded = 0
            for file in files {
                let result = try await Self.importer(fixture.warehouse).run(path: file)
                #expect(result.rejects == 0, "\(file)")
                loaded += result.events
            }
            // Google Ads' campaigns tell auto-tagged clicks' networks apart (Search, Shopping, Performance Max).
            let report = try await sandbox.sync(window, into: fixture.warehouse, location: fixture.location,
                                                sources: [.platform(.googleAds), .fx])
            #expect(report.succeeded, "\(report.failures.map { $0.error ?? "" })")
            _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: sandbox.configuration(warehouse: fixture.location)).run()

            let truth = world.websiteTruth(from: window.start, to: window.end)
            let staged = try await Self.channelRows(fixture.warehouse, window)
            #expect(loaded > 0 && !truth.isEmpty)
            #expect(Set(truth.map(\.channelGroup)).isSuperset(of: ["Paid Search", "Cross-network", "Paid Social", "Marketplace", "LINE",
                                                                  "Direct", "Organic Search"]), "the world lacks a channel the test relies on")
            #expect(staged.map(\.key).sorted() == truth.map { "\($0.date) \($0.channelGroup)" }.sorted(), "\(engine): channel groups differ")
            let byKey = Dictionary(staged, uniquingKeysWith: { first, _ in first })
            for expected in truth {
                let key = "\(expected.date) \(expected.channelGroup)"
                guard let row = byKey[key] else { continue }
                #expect(row == [expected.sessions, expected.users, expected.newUsers, expected.engagedSessions, expected.pageviews,
                                expected.transactions, expected.revenueMinor],
                        "\(engine) \(key): staged [sessions, users, new users, engaged, pageviews, transactions, revenue] \(row)")
            }
            // Every session once; purchases equal the channel rows'.
            let sessions = try await fixture.warehouse.scalar(SQLStatement(
                "SELECT count(*) FROM stg_ga4_sessions WHERE date BETWEEN :first AND :last", Self.range(window))).int64
            #expect(sessions == truth.reduce(0) { $0 + $1.sessions })
            let purchases = try await fixture.warehouse.query(SQLStatement(
                "SELECT count(*) AS n, sum(revenue_thb_minor) AS revenue FROM stg_ga4_purchases WHERE data_source = 'export' AND date BETWEEN :first AND :last",
                Self.range(window)))
            #expect(purchases.first?.int("n") == truth.reduce(0) { $0 + $1.transactions })
            #expect(purchases.first?.int("revenue") == truth.reduce(0) { $0 + $1.revenueMinor })
        }
    }

    /// `stg_ga4_audience`'s channel rows as "date channel" → the truth's figures.
    static func channelRows(_ warehouse: any Warehouse, _ window: DateRange) async throws -> [(key: String, value: [Int64])] {
        try await warehouse.query(SQLStatement("""
            SELECT date, value, sessions, users, new_users, engaged_sessions, pageviews, transactions, revenue_thb_minor
            FROM stg_ga4_audience WHERE data_source = 'export' AND dimension = 'channel' AND date BETWEEN :first AND :last
            """, range(window))).map { row in
            ("\(row.text("date")) \(row.text("value"))",
             ["sessions", "users", "new_users", "engaged_sessions", "pageviews", "transactions", "revenue_thb_minor"].map { row.int($0) })
        }
    }

    static func range(_ window: DateRange) -> [String: SQLValue] {
        ["first": .text(window.start.description), "last": .text(window.end.description)]
    }

    static func importer(_ warehouse: any Warehouse) -> GA4EventsFileImport {
        GA4EventsFileImport(sink: RawSink(warehouse: warehouse, runID: "test-\(UUID().uuidString.prefix(6))"),
                            parser: GA4EventParser(hasher: PIIHasher(secret: piiKey)))
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-ga4-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
