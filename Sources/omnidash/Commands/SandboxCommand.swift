import ArgumentParser
import Foundation
import OmnidashCore
import Sandbox

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve offline emulators of the platform APIs over one simulated seller world.",
        discussion: """
            Prints each emulated platform's base URL and demo credentials (also at GET /_sandbox/credentials); the \
            world's ground truth per day is at GET /_sandbox/truth?from=YYYY-MM-DD&to=YYYY-MM-DD. Point any client \
            (an official SDK, curl, omnidash sync) at it.
            """,
        subcommands: [Serve.self, Export.self],
        defaultSubcommand: Serve.self)

    /// The world's options, shared by serving and exporting.
    struct WorldOptions: ParsableArguments {
        @Option(help: "The world's seed: the same seed and --as-of give the same world.")
        var seed: UInt64 = 42

        @Option(help: "The world holds complete days before this business date (default: today in Asia/Bangkok).")
        var asOf: BusinessDate?

        var resolvedAsOf: BusinessDate { asOf ?? BusinessCalendar.bangkok.date(Date()) }
    }

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the emulators until interrupted.")

        @OptionGroup var world: WorldOptions

        @Option(help: "Port to listen on (0 picks a free one).")
        var port = 8090

        @Option(help: "Faults to inject, e.g. throttle=7,5xx=11x3,slow=200ms,expire-tokens=50,malformed=500; appsecret-proof=required makes Meta require appsecret_proof.")
        var faults: String?

        func run() async throws {
            let faults = try faults.map(SandboxFaults.init(parsing:)) ?? .none
            let server = try await SandboxServer.start(
                SandboxOptions(seed: world.seed, asOf: world.resolvedAsOf, port: port, faults: faults),
                logger: Runtime.logger("sandbox", level: .info))
            SandboxCommand.printCredentials(server)
            try await server.waitUntilStopped()
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write records of the simulated world to a file.", subcommands: SourceCommands.exports)
    }

    static func printCredentials(_ server: SandboxServer) {
        let credentials = server.credentials
        func row(_ label: String, _ text: String) -> String { "  " + label.padding(toLength: 24, withPad: " ", startingAt: 0) + text }
        var lines = ["Omnidash Sandbox at \(server.baseURL) (world as of \(server.world.asOf), seed \(server.world.seed))"]
        for platform in credentials.all {
            let pairs = platform.summary.map { "\($0.name) \($0.value)" }
            lines.append(row(type(of: platform).platform.displayName, pairs.joined(separator: "  ")))
        }
        lines.append(row("FX rates", credentials.fx.url))
        if let notifications = credentials.notifications {
            lines.append(row("Alerts received", notifications.summary.map { "\($0.name) \($0.value)" }.joined(separator: "  ")))
            lines.append(row("Outbox", "\(server.baseURL)/_sandbox/outbox"))
        }
        lines.append(row("Credentials as JSON", "\(server.baseURL)/_sandbox/credentials"))
        lines.append(row("Ground truth", "\(server.baseURL)/_sandbox/truth?from=YYYY-MM-DD&to=YYYY-MM-DD"))
        Terminal.print(lines.joined(separator: "\n"))
    }
}
