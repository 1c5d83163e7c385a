import ArgumentParser

/// `--config` and `--warehouse`, on every command.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The configuration file (default: ./omnidash.yaml when it exists).")
    var config: String?

    @Option(name: .long, help: "The warehouse: a file path, sqlite:PATH, or postgres://user@host:port/db?schema=NAME.")
    var warehouse: String?
}
