import ArgumentParser
import Connectors
import Foundation
import OmnidashCore
import Pipeline
import Warehouse

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the dashboard and keep the timetable (schedule:) in one long-running service.",
        discussion: """
            Sync jobs run at the times `schedule.jobs` gives in `schedule.time_zone` (orders and ads every 6 hours, \
            products daily at 06:00, alerts daily at 07:00 by default); the marts are rebuilt and the alerts evaluated \
            after every sync job. After downtime, each job that missed slots runs once on start. SIGTERM or Ctrl-C \
            stops the running sync after the page it is writing, then the server, and exits 0; the next start resumes. \
            Several services may share one PostgreSQL warehouse: a stream is synced only under a lease, and a slot \
            is run by the first service to claim it.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Port to listen on (default: dashboard.port, 8080).")
    var port: Int?

    @Option(help: "Address to bind (default: dashboard.host, 127.0.0.1).")
    var host: String?

    @Option(help: .hidden)
    var clockFile: String?

    @Option(help: .hidden)
    var tick: Double = 20

    @Option(help: .hidden)
    var leaseSeconds: Int = 60

    func validate() throws {
        guard tick > 0 else { throw ValidationError("--tick must be above 0 seconds") }
        guard leaseSeconds >= 3 else { throw ValidationError("--lease-seconds must be 3 or more") }
    }

    func run() async throws {
        Runtime.bootstrapMetrics()
        var configuration = try ConfigurationLoader.load(global)
        if let port { configuration.dashboard.port = port }
        if let host { configuration.dashboard.host = host }
        try configuration.validate(requiringSources: true)
        let clock = try clockFile.map { try ClockFile(path: $0).clock } ?? .system
        try await Runtime.withHTTPClient { client in
            try await Runtime.withWarehouse(configuration) { warehouse in
                let pipeline = Pipeline(configuration: configuration, warehouse: warehouse,
                                        environment: SyncEnvironment(transport: AsyncHTTPClientTransport(client: client),
                                                                     logger: Runtime.logger("sync", level: .notice)),
                                        logger: Runtime.logger("transform"))
                let schedule = ScheduleService(pipeline: pipeline, settings: configuration.schedule, clock: clock,
                                               tick: .milliseconds(Int64(tick * 1000)),
                                               leases: StreamLeases(warehouse: warehouse, duration: .seconds(leaseSeconds)),
                                               logger: Runtime.logger("schedule", level: .info))
                let next = configuration.schedule.nextRuns(after: clock.now, limit: 4)
                    .map { "\($0.job) \(Timestamp.string($0.at))" }.joined(separator: ", ")
                Terminal.note("run: schedule in \(configuration.schedule.timeZone); next: \(next.isEmpty ? "nothing (every job is off)" : next)")
                try await Serve.serve(configuration: configuration, warehouse: warehouse, alongside: [schedule])
            }
        }
    }
}
