import Foundation

/// The demo's claim on a warehouse. The demo writes only into a warehouse that is empty or provably its own,
/// and never deletes a file or a schema: a warehouse it holds for another simulated world is emptied table by
/// table, and only after every row in it has been traced to one of the demo's own runs.
///
/// A warehouse is the demo's own when it carries the demo's marker and every row that records its writer was
/// written by a run listed in that marker. The marker lists a run before the run starts, so a demo killed
/// mid-sync still owns what it wrote.
public struct DemoWarehouseClaim: Sendable {
    /// The simulated world a demo warehouse holds.
    public struct World: Codable, Equatable, Sendable, CustomStringConvertible {
        public var seed: UInt64
        public var asOf: String

        public init(seed: UInt64, asOf: String) {
            self.seed = seed
            self.asOf = asOf
        }

        public var description: String { "seed \(seed), as of \(asOf)" }
    }

    public enum Outcome: Sendable, Equatable {
        /// The warehouse was empty and is now the demo's.
        case claimed
        /// The warehouse already holds this world; syncing again continues it.
        case reused
        /// The warehouse held another world of the demo's; its rows were deleted.
        case rebuilt(from: World)
    }

    /// Why the demo will not touch a warehouse; names the warehouse and what in it is not the demo's.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var warehouse: String
        public var reason: String
        public var description: String {
            "demo: \(warehouse) \(reason); the demo writes only into an empty warehouse or one it created: point it elsewhere with --warehouse"
        }
    }

    /// The marker, stored as sync state so it travels with the warehouse.
    struct Marker: Codable, Equatable {
        var world: World
        var runs: [String]
    }

    static let markerKey = (source: "sandbox", accountID: "demo", stream: "world")

    /// Tables without a writer column whose rows only syncs and transforms write, as consequences of runs
    /// that are themselves traced: derived layers, state, tokens, rates, the calendar.
    static func isDerivedOrOperational(_ table: String) -> Bool {
        table.hasPrefix("stg_") || table.hasPrefix("mart_") || table.hasPrefix("dim_")
            || ["sync_state", "transform_state", "transform_staged_loads", "oauth_tokens", "ref_fx_rates"].contains(table)
            // The demo's own user and its sessions, remade on every run.
            || ["users", "user_sessions"].contains(table)
            // What the demo's alerts delivered, and the scheduler's ledger and leases should a service run on it.
            || ["alert_deliveries", "schedule_runs", "stream_leases"].contains(table)
    }

    public let warehouse: any Warehouse

    public init(warehouse: any Warehouse) {
        self.warehouse = warehouse
    }

    /// Claims the warehouse for `world`: checks, migrates, and empties it if it held another world.
    /// - Throws: `Refusal` when the warehouse holds anything the demo did not create; nothing is changed then.
    @discardableResult
    public func claim(for world: World) async throws -> Outcome {
        let inventory = WarehouseInventory(warehouse: warehouse)
        let foreign = try await inventory.foreignTables()
        if !foreign.isEmpty {
            throw refusal("holds tables Omnidash did not create (\(Self.list(foreign)))")
        }
        let marker = try await storedMarker(inventory)
        if let marker {
            try await checkProvenance(inventory, runs: Set(marker.runs))
        } else {
            let occupied = try await inventory.rowCounts().filter { $0.rows > 0 && $0.table != "dim_date" }
            if !occupied.isEmpty {
                throw refusal("holds data the demo did not create (\(Self.list(occupied.map { "\($0.rows) rows in \($0.table)" })))")
            }
        }
        try await warehouse.migrate()
        let outcome: Outcome
        switch marker {
        case nil:
            outcome = .claimed
        case let marker? where marker.world == world:
            return .reused
        case let marker?:
            try await inventory.deleteAllRows()
            outcome = .rebuilt(from: marker.world)
        }
        try await save(Marker(world: world, runs: []))
        return outcome
    }

    /// Lists `runID` as the demo's before the run writes anything.
    public func recordRun(_ runID: String) async throws {
        guard var marker = try await storedMarker(WarehouseInventory(warehouse: warehouse)) else {
            throw refusal("carries no demo marker; claim it first")
        }
        marker.runs.append(runID)
        try await save(marker)
    }

    private func checkProvenance(_ inventory: WarehouseInventory, runs: Set<String>) async throws {
        let strangers = try await inventory.writers().filter { writer in writer.map { !runs.contains($0) } ?? true }
        if !strangers.isEmpty {
            let names = strangers.map { $0 ?? "an unnamed writer" }.sorted()
            throw refusal("holds rows written by runs the demo did not make (\(Self.list(names)))")
        }
        let untraced = try await inventory.rowCounts().filter { count in
            count.rows > 0 && !Self.isDerivedOrOperational(count.table)
                && !(Migration.declaredTables.first { $0.name == count.table }?.columnNames.contains(WarehouseInventory.runColumn) ?? false)
                && count.table != "sync_runs"
        }
        if !untraced.isEmpty {
            throw refusal("holds data the demo did not create (\(Self.list(untraced.map { "\($0.rows) rows in \($0.table)" })))")
        }
    }

    private func storedMarker(_ inventory: WarehouseInventory) async throws -> Marker? {
        guard try await inventory.tableNames().contains("sync_state") else { return nil }
        let key = Self.markerKey
        do {
            return try await SyncStateStore(warehouse: warehouse).state(Marker.self, source: key.source, accountID: key.accountID,
                                                                          stream: key.stream)
        } catch is DecodingError {
            // A marker from an older demo lists no runs, so nothing in the warehouse can be traced to it.
            throw refusal("carries a demo marker from an older Omnidash that cannot prove what it holds")
        }
    }

    private func save(_ marker: Marker) async throws {
        let key = Self.markerKey
        try await SyncStateStore(warehouse: warehouse).save(marker, source: key.source, accountID: key.accountID, stream: key.stream)
    }

    private func refusal(_ reason: String) -> Refusal {
        Refusal(warehouse: warehouse.displayName, reason: reason)
    }

    /// At most three items, then how many more.
    static func list(_ items: [String]) -> String {
        let shown = items.prefix(3).joined(separator: ", ")
        return items.count > 3 ? "\(shown) and \(items.count - 3) more" : shown
    }
}
