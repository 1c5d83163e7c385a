import ArgumentParser
import OmnidashCore

/// `omnidash`: every command parses its arguments, builds values and calls the libraries.
@main
struct Omnidash: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "omnidash",
        abstract: "\(Platform.supported.map(\.displayName).joined(separator: ", ")) in one warehouse and one dashboard, self-hosted.",
        version: "0.1.0",
        subcommands: [Demo.self, SandboxCommand.self, Init.self, Sync.self, Transform.self, Serve.self, Run.self, Import.self,
                      SKUs.self, Migrate.self, Bench.self, UserCommand.self, AlertsCommand.self])
}
