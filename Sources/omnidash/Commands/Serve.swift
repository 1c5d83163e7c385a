import ArgumentParser
import Dashboard
import Foundation
import Hummingbird
import OmnidashCore
import Warehouse

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the dashboard (loopback only unless told otherwise).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Port to listen on (default: dashboard.port, 8080).")
    var port: Int?

    @Option(help: "Address to bind (default: dashboard.host, 127.0.0.1).")
    var host: String?

    func run() async throws {
        var configuration = try ConfigurationLoader.load(global, unused: [.secrets, .sources, .fx])
        if let port { configuration.dashboard.port = port }
        if let host { configuration.dashboard.host = host }
        try configuration.validate(requiringSources: false)
        try await Runtime.withWarehouse(configuration, migrate: false) { warehouse in
            let pending = try await warehouse.pendingMigrations()
            guard pending.isEmpty else {
                throw CommandFailure("serve: the warehouse has \(pending.count) pending migrations; run `omnidash migrate` first")
            }
            try await Self.serve(configuration: configuration, warehouse: warehouse)
        }
    }

    /// Serves until SIGINT/SIGTERM, printing the URL once the server listens.
    static func serve(configuration: OmnidashConfiguration, warehouse: any Warehouse) async throws {
        let environment = DashboardEnvironment(warehouse: warehouse, currency: configuration.currency,
                                               calendar: configuration.calendar, logger: Runtime.logger("dashboard", level: .info))
        let host = configuration.dashboard.host
        if let warning = ListenHost.exposureWarning(host: host) { Terminal.note(warning) }
        // A wildcard address is reached through loopback on this machine; an IPv6 literal needs brackets in a URL.
        let urlHost = switch host {
        case "0.0.0.0": "127.0.0.1"
        case "::", "[::]": "[::1]"
        default: host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        }
        let app = buildApplication(host: host, port: configuration.dashboard.port, environment: environment) { port in
            Terminal.note("Omnidash dashboard: http://\(urlHost):\(port)")
            Terminal.print("http://\(urlHost):\(port)")
        }
        do {
            try await app.runService()
        } catch where "\(error)".contains("Address already in use") {
            throw CommandFailure("serve: \(host):\(configuration.dashboard.port) is already in use; choose another port with --port")
        }
    }
}
