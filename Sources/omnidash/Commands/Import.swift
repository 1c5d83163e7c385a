import ArgumentParser

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load files: records into the raw layer through the connectors' own parsers, and the SKU map.",
        subcommands: SourceCommands.imports + [ImportSKUMap.self, ImportAirbyte.self])
}
