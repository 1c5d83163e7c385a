import ArgumentParser

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Omnidash's throughput and memory; prints figures, asserts nothing.",
        subcommands: SourceCommands.benchmarks)
}
