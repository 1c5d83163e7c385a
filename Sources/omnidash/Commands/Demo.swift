import ArgumentParser
import Connectors
import Dashboard
import Foundation
import OmnidashCore
import Sandbox
import Transform
import Warehouse

struct Demo: AsyncParsableCommand {
    /// Not `omnidash.sqlite`, which `init` and every other command default to: the demo never shares a seller's file.
    static let defaultWarehouse = "omnidash-demo.sqlite"
    /// The user the demo signs in as; an admin, so every page and figure shows.
    static let userName = "demo"

    static let configuration = CommandConfiguration(
        abstract: "Start the Sandbox, sync its simulated seller through the real connectors, transform, and serve the dashboard.",
        discussion: """
            Everything runs on this machine over loopback HTTP; nothing reaches the internet. The demo writes its own \
            warehouse (omnidash-demo.sqlite unless --warehouse says otherwise) and refuses any warehouse that holds \
            something it did not create. It never deletes a file: a warehouse it holds for another seed or date is \
            emptied and synced again.
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
    var warehouse = Demo.defaultWarehouse

    @Option(help: "Faults for the Sandbox to inject, e.g. throttle=7,5xx=11x3 (the sync still completes).")
    var faults: String?

    @Flag(inversion: .prefixedNo, help: "Serve the dashboard once the warehouse is built (--no-serve: build it and exit).")
    var serve = true

    func validate() throws {
        guard (1...730).contains(days) else { throw ValidationError("--days must be 1…730") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be a TCP port") }
        do { _ = try WarehouseLocation(parsing: warehouse) } catch { throw ValidationError("--warehouse: \(error)") }
    }

    func run() async throws {
        // Before the sync, so `/metrics` counts the demo's own requests and records.
        Runtime.bootstrapMetrics()
        let asOf = asOf ?? BusinessCalendar.bangkok.date(Date())
        let faults = try faults.map(SandboxFaults.init(parsing:)) ?? .none
        let sandbox = try await SandboxServer.start(SandboxOptions(seed: seed, asOf: asOf, faults: faults),
                                                    logger: Runtime.logger("sandbox"))
        let emulated = sandbox.credentials.all.map { type(of: $0).platform.displayName }.joined(separator: ", ")
        Terminal.note("Sandbox: emulating \(emulated) at \(sandbox.baseURL) (seed \(seed), world as of \(asOf))")
        let configuration = sandbox.credentials.configuration(warehouse: warehouse, days: days, dashboardPort: port)
        do {
            let warehouse = try await Runtime.openWarehouse(configuration, migrate: false)
            do {
                let claim = DemoWarehouseClaim(warehouse: warehouse)
                if case .rebuilt(let previous) = try await claim.claim(for: .init(seed: seed, asOf: asOf.description)) {
                    Terminal.note("demo: \(warehouse.displayName) held the demo's world for \(previous); emptied it for this one")
                }
                let runID = SyncEngine.makeRunID(Date())
                try await claim.recordRun(runID)
                // The seller's SKU map, as the Sandbox publishes it at /_sandbox/sku-map.csv: every line gets its master SKU.
                let map = try SKUMapFile(try sandbox.world.skuMapCSV(), name: "/_sandbox/sku-map.csv")
                try await warehouse.write(map.replacement(loadedAt: Timestamp.now(), runID: runID))
                try await Runtime.withHTTPClient { client in
                    let report = try await Sync.run(configuration: configuration, warehouse: warehouse,
                                                    transport: AsyncHTTPClientTransport(client: client),
                                                    options: SyncOptions(days: days, until: sandbox.world.now, runID: runID),
                                                    transform: true, retry: .demo).sync
                    guard report.succeeded else {
                        throw CommandFailure("demo: sync failed: \(report.failures[0].error ?? "")")
                    }
                }
                if serve {
                    // A fresh password on every run: whoever saw an earlier one cannot sign in to this one.
                    let password = UserAccounts.randomPassword()
                    try await UserAccounts(warehouse: warehouse).replace(name: Self.userName, role: .admin, password: password)
                    try await Serve.serve(configuration: configuration, warehouse: warehouse,
                                          signIn: "Sign in: user \(Self.userName), password \(password)")
                }
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
