import OmnidashCore
import Warehouse

/// Maps one source's raw rows to the unified `stg_*` rows, for the business dates touched since its last build.
protocol StagingBuilder: Sendable {
    /// The key of this builder's watermark in `transform_state`.
    var name: String { get }

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
}

struct StagingOutcome: Sendable {
    var touchedDates: Set<BusinessDate> = []
    var rows = 0
    /// Statuses the status map does not know, with how many orders carried each.
    var unknownStatuses: [String: Int] = [:]
}
