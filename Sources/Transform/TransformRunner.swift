import Foundation
import Logging
import OmnidashCore
import Warehouse

/// `omnidash transform`: staging builders for the business dates whose raw rows changed since their last run,
/// then the marts for those dates and the dates that compare against them.
public struct TransformRunner: Sendable {
    public let warehouse: any Warehouse
    public let configuration: OmnidashConfiguration
    public let logger: Logger
    /// Stamps `_built_at` and the watermarks' `updated_at`.
    public let clock: WallClock
    /// Where each builder's and mart's duration goes.
    public let metrics: TransformMetrics

    /// Raw rows loaded this long before a builder's watermark are read again: a sync that took its load time
    /// before another process committed a later page is still seen (re-staging a few rows is harmless).
    static let watermarkMarginMicroseconds: Int64 = 300_000_000

    public init(warehouse: any Warehouse, configuration: OmnidashConfiguration, clock: WallClock = .system,
                logger: Logger = Logger(label: "omnidash.transform"), metrics: TransformMetrics = TransformMetrics()) {
        self.warehouse = warehouse
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        self.metrics = metrics
    }

    /// - Parameters:
    ///   - full: Rebuild everything from the raw layer, ignoring watermarks.
    ///   - stagedDates: Business dates already staged by the caller (an import that staged its pages as it loaded
    ///     them): their marts are rebuilt with the rest.
    public func run(full: Bool = false, stagedDates: Set<BusinessDate> = []) async throws -> TransformReport {
        let context = try await StagingContext.load(warehouse: warehouse, configuration: configuration, now: clock.now)
        var report = TransformReport()
        var touched = stagedDates
        // A full build restages every page, those staged as they loaded included: their records no longer mean anything.
        if full { try await warehouse.execute("DELETE FROM transform_staged_loads") }
        for builder in StagingRegistry.builders {
            let previous = full ? 0 : try await watermark(builder.name)
            // Taken before building: rows loaded while the builder runs are picked up next time.
            let latest = try await latestLoad(builder.rawTables.map(\.table))
            guard latest > previous || full else { continue }
            let outcome = try await metrics.measure(builder.name) {
                try await builder.build(context, after: max(0, previous - (previous > 0 ? Self.watermarkMarginMicroseconds : 0)))
            }
            report.stagedRows[builder.name] = outcome.rows
            touched.formUnion(outcome.touchedDates)
            report.unknownStatuses.merge(outcome.unknownStatuses, uniquingKeysWith: +)
            try await saveWatermark(builder.name, latest)
            try await forgetStagedLoads(builder.rawTables, before: latest - Self.watermarkMarginMicroseconds)
        }
        if !report.unknownStatuses.isEmpty {
            logger.warning("orders with unknown statuses were staged as pending", metadata: ["statuses": "\(report.unknownStatuses)"])
        }
        guard let range = try await martRange(touched: touched, full: full) else { return report }
        report.martRange = range
        let builtAt = Timestamp.string(clock.now)
        let minorPerMajor = pow(10, Double(configuration.currency.minorUnitDigits))
        for model in MartModel.all() {
            try await metrics.measure(model.table.name) {
                try await warehouse.write(model.rebuild(
                    from: range.start.description, to: range.end.description,
                    lookbackFrom: range.start.adding(days: -366).description, minorPerMajor: minorPerMajor, builtAt: builtAt,
                    targets: configuration.targets, alerts: configuration.alerts))
            }
            let name = SQLDialect.quote(model.table.name)
            report.martRows[model.table.name] = Int(try await warehouse.scalar(model.isWholeTable
                ? SQLStatement("SELECT count(*) FROM \(name)")
                : SQLStatement("SELECT count(*) FROM \(name) WHERE date BETWEEN :from AND :to",
                               ["from": .text(range.start.description), "to": .text(range.end.description)])).int64 ?? 0)
        }
        return report
    }

    /// From the earliest touched date to a year after the latest (every comparison that looks back at it),
    /// but not past the last date with data.
    private func martRange(touched: Set<BusinessDate>, full: Bool) async throws -> DateRange? {
        let bounds = try await warehouse.query("""
            SELECT min(first_date) AS first_date, max(last_date) AS last_date FROM (
                SELECT min(order_date) AS first_date, max(order_date) AS last_date FROM stg_orders
                UNION ALL
                SELECT min(date) AS first_date, max(date) AS last_date FROM stg_ads_performance
                UNION ALL
                SELECT min(date) AS first_date, max(date) AS last_date FROM stg_ga4_traffic
                UNION ALL
                SELECT min(date) AS first_date, max(date) AS last_date FROM stg_ga4_audience
            ) AS bounds
            """).first
        guard let first = bounds.flatMap({ BusinessDate($0.text("first_date")) }),
              let last = bounds.flatMap({ BusinessDate($0.text("last_date")) }) else { return nil }
        if full { return DateRange(start: first, end: last) }
        guard let earliest = touched.min(), let latest = touched.max() else { return nil }
        let end = min(latest.adding(days: 366), last)
        guard earliest <= end else { return nil }
        return DateRange(start: earliest, end: end)
    }

    private func watermark(_ builder: String) async throws -> Int64 {
        try await warehouse.scalar(SQLStatement("SELECT watermark_us FROM transform_state WHERE builder = :builder",
                                                ["builder": .text(builder)])).int64 ?? 0
    }

    private func saveWatermark(_ builder: String, _ value: Int64) async throws {
        try await warehouse.write([.insert(RowSet(
            table: "transform_state", columns: ["builder", "watermark_us", "updated_at"],
            rows: [[.text(builder), .integer(value), .text(Timestamp.string(clock.now))]], onConflict: .replace(key: ["builder"])))])
    }

    /// Pages staged as they were loaded and now behind the watermark's margin are never read again: their records go.
    private func forgetStagedLoads(_ tables: [RawTableContract], before cutoff: Int64) async throws {
        for table in tables {
            try await warehouse.execute(SQLStatement(
                "DELETE FROM transform_staged_loads WHERE raw_table = :table AND loaded_at_us <= :cutoff",
                ["table": .text(table.table), "cutoff": .integer(cutoff)]))
        }
    }

    private func latestLoad(_ tables: [String]) async throws -> Int64 {
        var latest: Int64 = 0
        for table in tables {
            latest = max(latest, try await warehouse.scalar(SQLStatement("SELECT max(_loaded_at_us) FROM \(SQLDialect.quote(table))")).int64 ?? 0)
        }
        return latest
    }
}
