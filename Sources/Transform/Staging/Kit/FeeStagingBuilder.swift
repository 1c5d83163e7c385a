import OmnidashCore
import Warehouse

/// A marketplace's settlement staging: its finance rows → `stg_order_fees`, one row for every staged order of the
/// platform, settled or not. A platform gives its tables, which orders' finance rows changed, and how its rows read
/// as `SettledOrder`s; the rest is shared (`FeeStaging`).
///
/// It runs after the platform's orders are staged (it follows them in `StagingRegistry`) and rebuilds whole order
/// dates: the dates of orders loaded since its watermark (a new order is an unsettled one) and the order dates of
/// finance rows loaded since then (a settlement lands on the day its order's revenue did).
protocol FeeStagingBuilder: StagingBuilder {
    var platform: Platform { get }
    /// The platform's raw orders, with `create_time` in Unix seconds.
    var ordersTable: RawTableContract { get }
    var feeTables: [RawTableContract] { get }
    /// A query of the distinct `order_date`s of the platform's `stg_orders` whose finance rows were loaded after
    /// `:watermark`.
    var changedOrderDates: String { get }
    /// The settlements of the platform's orders staged on `date`, read from its finance rows.
    func settlements(on date: BusinessDate, context: StagingContext) async throws -> [SettledOrder]
}

extension FeeStagingBuilder {
    var rawTables: [RawTableContract] { [ordersTable] + feeTables }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        let parameters: [String: SQLValue] = ["watermark": .integer(watermark)]
        // Not `touchedDates(_:)`: orders staged as their pages loaded still need their fee rows.
        var dates = try await context.touchedDates(buckets: SQLStatement("""
            SELECT DISTINCT create_time / 900 AS bucket FROM \(SQLDialect.quote(ordersTable.table)) WHERE _loaded_at_us > :watermark
            """, parameters))
        for row in try await context.warehouse.query(SQLStatement(changedOrderDates, parameters)) {
            if let date = BusinessDate(row.text("order_date")) { dates.insert(date) }
        }
        var outcome = StagingOutcome(touchedDates: dates)
        guard !dates.isEmpty else { return outcome }
        outcome.rows = try await FeeStaging(platform: platform, context: context).stage(dates) { date in
            try await settlements(on: date, context: context)
        }
        return outcome
    }
}
