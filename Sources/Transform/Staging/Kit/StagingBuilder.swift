import Foundation
import OmnidashCore
import Warehouse

/// Maps one source's raw rows to the unified `stg_*` rows, for the business dates touched since its last build.
protocol StagingBuilder: Sendable {
    /// The key of this builder's watermark in `transform_state`.
    var name: String { get }

    /// The raw tables it reads; the builder runs when any of them has rows loaded after its watermark.
    var rawTables: [RawTableContract] { get }

    /// Rebuilds the staging rows of every business date with raw rows loaded after `watermark`.
    /// - Returns: The dates rebuilt (the marts rebuild from them) and how many rows were written.
    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome
}

/// What every staging builder reads besides raw rows: the calendar and the reference data.
struct StagingContext: Sendable {
    let warehouse: any Warehouse
    let calendar: BusinessCalendar
    let currency: Currency
    let fx: FXTable
    let skuMap: SKUMap
    let builtAt: String
    /// The business date of the build's clock: what "today" is for a schedule that may have ended.
    let today: BusinessDate
}

struct StagingOutcome: Sendable {
    var touchedDates: Set<BusinessDate> = []
    var rows = 0
    /// Statuses the status map does not know, with how many orders carried each.
    var unknownStatuses: [String: Int] = [:]

    /// `text` through a platform's status map; a status the map does not know yet is counted and reported, and staged
    /// as pending, the least surprising home until the map learns it.
    mutating func status(_ text: String, by normalize: (String) -> NormalizedOrderStatus?) -> NormalizedOrderStatus {
        if let known = normalize(text) { return known }
        unknownStatuses[text, default: 0] += 1
        return .pending
    }
}

extension StagingContext {
    /// The context of one build at `now`: the warehouse's FX rates and SKU map as they are then.
    static func load(warehouse: any Warehouse, configuration: OmnidashConfiguration, now: Date) async throws -> StagingContext {
        StagingContext(
            warehouse: warehouse, calendar: configuration.calendar, currency: configuration.currency,
            fx: try await FXTable.load(from: warehouse, reportingCurrency: configuration.currency),
            skuMap: try await SKUMap.load(from: warehouse), builtAt: Timestamp.string(now), today: configuration.calendar.date(now))
    }

    /// The business dates of the rows of `table` loaded after `watermark`, from a unix-seconds column, leaving out
    /// pages that were staged as they were loaded (`transform_staged_loads`).
    ///
    /// Rows are grouped into 15-minute buckets, and both ends of each bucket are mapped: exact for every UTC offset in use.
    func touchedDates(_ table: RawTableContract, unixSecondsColumn column: String, after watermark: Int64) async throws -> Set<BusinessDate> {
        try await touchedDates(buckets: SQLStatement("""
            SELECT DISTINCT \(SQLDialect.quote(column)) / 900 AS bucket FROM \(SQLDialect.quote(table.table))
            WHERE _loaded_at_us > :watermark
              AND _loaded_at_us NOT IN (SELECT loaded_at_us FROM transform_staged_loads WHERE raw_table = :table AND loaded_at_us > :watermark)
            """, ["watermark": .integer(watermark), "table": .text(table.table)]))
    }

    /// The business dates of the 15-minute buckets (Unix seconds / 900) a query returns as `bucket`, for a builder whose
    /// rows are touched through another table (an order through its return).
    func touchedDates(buckets statement: SQLStatement) async throws -> Set<BusinessDate> {
        var dates = Set<BusinessDate>()
        for row in try await warehouse.query(statement) {
            let start = row.int("bucket") * 900
            dates.insert(calendar.date(unixSeconds: start))
            dates.insert(calendar.date(unixSeconds: start + 899))
        }
        return dates
    }
}
