import ArgumentParser
import Connectors
import Foundation
import OmnidashCore
import Sandbox
import Warehouse

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the Sandbox, sync its simulated seller through the real connectors, transform, and serve the dashboard.",
        discussion: """
            Everything runs on this machine over loopback HTTP; nothing reaches the internet. The demo warehouse is \
            rebuilt when the seed or the world's date changes, and refused if it holds data the demo did not create.
            """)

    @Option(help: "Dashboard port.")
    var port = 8080

    @Option(help: "Days of history to sync.")
    var days = 90

    @Option(help: "The simulated world's seed.")
    var seed: UInt64 = 42

    @Option(help: "The world holds complete days before this business date (default: today in Asia/Bangkok).")
    var asOf: BusinessDate?

    @Option(help: "The warehouse: a file path, sqlite:PATH, or postgres://user@host:port/db?schema=NAME.")
    var warehouse = "omnidash.sqlite"

    @Option(help: "Faults for the Sandbox to inject, e.g. throttle=7,5xx=11x3 (the sync still completes).")
    var faults: String?

    func validate() throws {
        guard (1...730).contains(days) else { throw ValidationError("--days must be 1…730") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be a TCP port") }
        do { _ = try WarehouseLocation(parsing: warehouse) } catch { throw ValidationError("--warehouse: \(error)") }
    }

    func run() async throws {
        let asOf = asOf ?? BusinessCalendar.bangkok.date(Date())
        let faults = try faults.map(SandboxFaults.init(parsing:)) ?? .none
        let sandbox = try await SandboxServer.start(SandboxOptions(seed: seed, asOf: asOf, faults: faults),
                                                    logger: Runtime.logger("sandbox"))
        Terminal.note("Sandbox: emulating Shopee and Meta at \(sandbox.baseURL) (seed \(seed), world as of \(asOf))")
        let configuration = sandbox.credentials.configuration(warehouse: warehouse, days: days, dashboardPort: port)
        do {
            let warehouse = try await DemoWarehouse.open(configuration, marker: .init(seed: seed, asOf: asOf.description))
            do {
                try await Runtime.withHTTPClient { client in
                    let report = try await Sync.sync(configuration: configuration, warehouse: warehouse,
                                                     transport: AsyncHTTPClientTransport(client: client),
                                                     options: SyncOptions(days: days), retry: .fast)
                    guard report.succeeded else {
                        throw CommandFailure("demo: sync failed: \(report.failures[0].error ?? "")")
                    }
                }
                try await Transform.transform(configuration: configuration, warehouse: warehouse)
                try await Serve.serve(configuration: configuration, warehouse: warehouse)
            } catch {
                await warehouse.close()
                throw error
            }
            await warehouse.close()
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }
}

/// The demo's warehouse: tagged with the world it holds, rebuilt for another world, and never one that holds
/// anything else.
enum DemoWarehouse {
    struct Marker: Codable, Equatable {
        var seed: UInt64
        var asOf: String
    }

    static func open(_ configuration: OmnidashConfiguration, marker: Marker) async throws -> any Warehouse {
        var warehouse = try await Runtime.openWarehouse(configuration)
        let state = SyncStateStore(warehouse: warehouse)
        let existing = try await state.state(Marker.self, source: "sandbox", accountID: "demo", stream: "world")
        if existing == marker { return warehouse }
        let used = try await warehouse.scalar("SELECT count(*) FROM sync_runs").int64 ?? 0
        if existing == nil && used > 0 {
            await warehouse.close()
            throw CommandFailure("demo: \(configuration.warehouse) holds data the demo did not create; point the demo elsewhere with --warehouse")
        }
        if existing != nil {
            Terminal.note("demo: the warehouse holds another simulated world; rebuilding it")
            await warehouse.close()
            try await reset(try WarehouseLocation(parsing: configuration.warehouse))
            warehouse = try await Runtime.openWarehouse(configuration)
        }
        try await SyncStateStore(warehouse: warehouse).save(marker, source: "sandbox", accountID: "demo", stream: "world")
        return warehouse
    }

    private static func reset(_ location: WarehouseLocation) async throws {
        switch location {
        case .sqlite(let path):
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        case .postgres(let postgres):
            let warehouse = try await location.open()
            try await warehouse.execute(SQLStatement("DROP SCHEMA IF EXISTS \(SQLDialect.quote(postgres.schema)) CASCADE"))
            await warehouse.close()
        }
    }
}
