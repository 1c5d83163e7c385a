import AsyncHTTPClient
import Connectors
import Foundation
import Logging
import OmnidashCore
import Sandbox
import Transform
import Warehouse

/// A running Sandbox for one test, with the configuration that points the real connectors at it over loopback.
public struct SandboxHarness: Sendable {
    public let server: SandboxServer
    public let asOf: BusinessDate

    /// Starts a Sandbox whose world ends yesterday (Bangkok), so a sync "up to now" covers every day of it.
    public static func start(seed: UInt64 = 7, faults: SandboxFaults = .none) async throws -> SandboxHarness {
        let asOf = BusinessCalendar.bangkok.date(Date())
        var logger = Logger(label: "test.sandbox")
        logger.logLevel = .error
        let server = try await SandboxServer.start(SandboxOptions(seed: seed, asOf: asOf, faults: faults), logger: logger)
        return SandboxHarness(server: server, asOf: asOf)
    }

    public func stop() async { await server.stop() }

    /// The Sandbox's connectors configuration, writing to `warehouse`.
    public func configuration(warehouse: String) -> OmnidashConfiguration {
        server.credentials.configuration(warehouse: warehouse)
    }

    /// The last `days` complete days of the world.
    public func window(days: Int) -> DateRange {
        DateRange(start: asOf.adding(days: -days), end: asOf.adding(days: -1))
    }

    /// Sync options that fetch exactly `window`'s business days.
    public func syncOptions(_ window: DateRange, sources: Set<SyncSource>? = nil, runID: String? = nil) -> SyncOptions {
        SyncOptions(sources: sources, days: window.dayCount,
                    since: Date(timeIntervalSince1970: TimeInterval(BusinessCalendar.bangkok.startOfDay(window.start))),
                    until: Date(), runID: runID)
    }

    /// Millisecond back-off with more attempts than `.fast`: the fault tests fail about two requests in five per
    /// platform, and which stream meets a run of them depends on how concurrent streams interleave, which varies with
    /// the machine's load; twelve attempts make a give-up by bad luck negligible while every fault is still met.
    static let retry = RetryPolicy(maxAttempts: 12, baseDelay: .milliseconds(2), maxDelay: .milliseconds(50))

    /// Syncs `window` through the real connectors over HTTP, with millisecond back-off.
    /// - Parameter configuration: Instead of the Sandbox's own credentials (to test wrong ones).
    public func sync(_ window: DateRange, into warehouse: any Warehouse, location: String, sources: Set<SyncSource>? = nil,
                     configuration: OmnidashConfiguration? = nil, runID: String? = nil) async throws -> SyncReport {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            var logger = Logger(label: "test.sync")
            logger.logLevel = .error
            let engine = SyncEngine(configuration: configuration ?? self.configuration(warehouse: location), warehouse: warehouse,
                                    environment: SyncEnvironment(transport: AsyncHTTPClientTransport(client: client),
                                                                 retry: Self.retry, logger: logger))
            let report = try await engine.run(syncOptions(window, sources: sources, runID: runID))
            try await client.shutdown()
            return report
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Loads the world's SKU map, as `omnidash import sku-map` would from `/_sandbox/sku-map.csv`.
    public func loadSKUMap(into warehouse: any Warehouse, runID: String = "test-sku-map") async throws {
        let map = try SKUMapFile(try server.world.skuMapCSV(), name: "/_sandbox/sku-map.csv")
        try await warehouse.write(map.replacement(loadedAt: Timestamp.now(), runID: runID))
    }

    /// Syncs `window` and builds staging and marts.
    @discardableResult
    public func syncAndTransform(_ window: DateRange, into fixture: TestWarehouse) async throws -> SyncReport {
        try await loadSKUMap(into: fixture.warehouse)
        let report = try await sync(window, into: fixture.warehouse, location: fixture.location)
        _ = try await TransformRunner(warehouse: fixture.warehouse, configuration: configuration(warehouse: fixture.location)).run()
        return report
    }
}

extension DayTruth {
    /// `mart_daily_performance` read back as the world's truth is written, one entry per day of `window`
    /// (a day the mart lacks reads as zeros), so a reconciliation is one comparison.
    public static func mart(_ warehouse: any Warehouse, window: DateRange) async throws -> [DayTruth] {
        let rows = try await warehouse.query(SQLStatement("""
            SELECT date, total_revenue_minor, total_orders, total_units, total_ad_spend_minor, total_clicks, total_impressions,
                   total_conversions
            FROM mart_daily_performance WHERE date BETWEEN :from AND :to
            """, ["from": .text(window.start.description), "to": .text(window.end.description)]))
        let byDate = Dictionary(rows.map { ($0.text("date"), $0) }, uniquingKeysWith: { first, _ in first })
        return window.days.map { date in
            guard let row = byDate[date.description] else { return DayTruth(date: date) }
            return DayTruth(date: date, revenueMinor: row.int("total_revenue_minor"), orders: row.int("total_orders"),
                            units: row.int("total_units"), spendMinor: row.int("total_ad_spend_minor"), clicks: row.int("total_clicks"),
                            impressions: row.int("total_impressions"), conversions: row.int("total_conversions"))
        }
    }
}

extension PlatformDayTruth {
    /// A slice's (date, platform, shop or account).
    public struct Key: Hashable, Sendable {
        public var date: BusinessDate
        public var platform: Platform
        public var accountID: String

        public init(_ slice: PlatformDayTruth) {
            (date, platform, accountID) = (slice.date, slice.platform, slice.accountID)
        }
    }

    /// `mart_shop_performance` over `window` read back as the world's shop slices are written: revenue, orders and
    /// units per (date, platform, shop).
    public static func shopMart(_ warehouse: any Warehouse, window: DateRange) async throws -> [Key: PlatformDayTruth] {
        let rows = try await warehouse.query(SQLStatement(
            """
            SELECT date, platform, shop_id, revenue_minor, orders, units, refunded_orders, refund_amount_minor
            FROM mart_shop_performance WHERE date BETWEEN :from AND :to
            """,
            ["from": .text(window.start.description), "to": .text(window.end.description)]))
        var result: [Key: PlatformDayTruth] = [:]
        for row in rows {
            guard let date = BusinessDate(row.text("date")), let platform = Platform(rawValue: row.text("platform")) else { continue }
            var slice = PlatformDayTruth(date: date, platform: platform, accountID: row.text("shop_id"))
            slice.revenueMinor = row.int("revenue_minor")
            slice.orders = row.int("orders")
            slice.units = row.int("units")
            slice.refundedOrders = row.int("refunded_orders")
            slice.refundMinor = row.int("refund_amount_minor")
            result[Key(slice)] = slice
        }
        return result
    }
}
