import Foundation
import OmnidashCore

/// Where connectors and imports hand their records: appends them to the raw tables with lineage columns,
/// de-duplicated on the natural key (newest version wins), with rejects and sync state in the same transaction.
public struct RawSink: Sendable {
    public let warehouse: any Warehouse
    /// The sync run (or import) the rows belong to.
    public let runID: String
    private let clock: LoadClock

    public init(warehouse: any Warehouse, runID: String, clock: LoadClock = .system) {
        self.warehouse = warehouse
        self.runID = runID
        self.clock = clock
    }

    /// Writes the page atomically.
    public func load(_ page: RawPage) async throws {
        let loadedAt: Int64
        if let taken = page.loadedAt { loadedAt = taken } else { loadedAt = await clock.next() }
        let ingestedAt = Self.ingestedAt(loadedAt)
        let lineage: [SQLValue] = [.text(ingestedAt), .integer(loadedAt), SQLValue(page.sourceFile), .text(runID)]
        var operations: [WriteOperation] = []
        if !page.rows.isEmpty {
            let rows = RowSet(
                table: page.table.table,
                columns: RawTableContract.lineage.map(\.name) + page.table.layout.columns,
                rows: page.rows.map { lineage + $0.values },
                onConflict: .replaceIfNewer(key: page.table.key, version: page.table.version))
            if page.dependents.isEmpty {
                operations.append(.insert(rows))
            } else {
                operations.append(.insertWithDependents(rows, page.dependents))
                operations.append(.insert(RowSet(table: "transform_staged_loads", columns: ["raw_table", "loaded_at_us"],
                                                 rows: [[.text(page.table.table), .integer(loadedAt)]],
                                                 onConflict: .ignore(key: ["raw_table", "loaded_at_us"]))))
            }
        }
        if !page.rejects.isEmpty {
            operations.append(.insert(RowSet(
                table: "raw_rejects",
                columns: ["reject_id", "source", "stream", "account_id", "record_key", "reason", "payload", "_sync_run_id",
                          "_source_file", "rejected_at"],
                rows: page.rejects.map { reject in
                    [.text(UUID().uuidString.lowercased()), .text(reject.source), .text(reject.stream), SQLValue(reject.accountID),
                     SQLValue(reject.recordKey), .text(reject.reason), SQLValue(reject.payload), .text(runID),
                     SQLValue(page.sourceFile), .text(ingestedAt)]
                })))
        }
        if let state = page.state {
            operations.append(state.operation(updatedAt: ingestedAt))
        }
        guard !operations.isEmpty else { return }
        try await warehouse.write(operations)
    }
}

extension RawSink {
    /// A load time for a page the caller stages itself: stamped on its rows as `_loaded_at_us` by `load(_:)`.
    public func nextLoadTime() async -> Int64 {
        await clock.next()
    }

    /// The `_ingested_at` text of a load time, as `load(_:)` writes it on every row of the page.
    public static func ingestedAt(_ loadedAt: Int64) -> String {
        Timestamp.string(unixSeconds: loadedAt / 1_000_000)
    }
}

/// Hands out strictly increasing load times in microseconds, so staging watermarks never miss a page loaded
/// within the same microsecond as another.
public actor LoadClock {
    /// The process's one load clock on the system clock.
    public static let system = LoadClock(.system)
    private let wall: WallClock
    private var last: Int64 = 0

    public init(_ wall: WallClock) {
        self.wall = wall
    }

    public func next() -> Int64 {
        let now = Int64(wall.now.timeIntervalSince1970 * 1_000_000)
        last = max(now, last + 1)
        return last
    }
}
