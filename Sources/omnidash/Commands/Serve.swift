import ArgumentParser
import Dashboard
import Foundation
import Hummingbird
import OmnidashCore
import ServiceLifecycle
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
    /// - Parameter services: Run beside the server in one service group (`omnidash run`'s scheduler); SIGTERM shuts
    ///   them all down gracefully.
    /// - Parameter signIn: The demo's `Sign in: user …, password …` line, printed after the URL once the server listens.
    static func serve(configuration: OmnidashConfiguration, warehouse: any Warehouse, alongside services: [any Service] = [],
                      signIn: String? = nil) async throws {
        let environment = DashboardEnvironment(warehouse: warehouse, currency: configuration.currency,
                                               calendar: configuration.calendar, logger: Runtime.logger("dashboard", level: .info),
                                               settings: configuration.dashboard, schedule: configuration.schedule,
                                               metricsText: Runtime.metricsText(),
                                               restatementDays: Operations.restatementDays(configuration))
        let host = configuration.dashboard.host
        if let warning = ListenHost.exposureWarning(host: host) { Terminal.note(warning) }
        if signIn == nil, try await environment.accounts.count() == 0 {
            Terminal.note("serve: nobody can sign in yet; add a user with `omnidash user add NAME --role admin`")
        }
        // A wildcard address is reached through loopback on this machine; an IPv6 literal needs brackets in a URL.
        let urlHost = switch host {
        case "0.0.0.0": "127.0.0.1"
        case "::", "[::]": "[::1]"
        default: host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        }
        let app = buildApplication(host: host, port: configuration.dashboard.port, environment: environment) { port in
            Terminal.note("Omnidash dashboard: http://\(urlHost):\(port)")
            Terminal.print("http://\(urlHost):\(port)")
            if let signIn { Terminal.print(signIn) }
        }
        do {
            try await ServiceGroup(services: [app] + services, gracefulShutdownSignals: [.sigterm, .sigint],
                                   logger: environment.logger).run()
        } catch where "\(error)".contains("Address already in use") {
            throw CommandFailure("serve: \(host):\(configuration.dashboard.port) is already in use; choose another port with --port")
        }
    }
}
