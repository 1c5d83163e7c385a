import ArgumentParser

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load records from files into the raw layer, through the connectors' own parsers.",
        subcommands: SourceCommands.imports)
}
