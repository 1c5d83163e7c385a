import ArgumentParser

/// `--config` and `--warehouse`, on every command.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The configuration file (default: ./omnidash.yaml when it exists).")
    var config: String?

    @Option(name: .long, help: "The warehouse: a file path, sqlite:PATH, or postgres://user@host:port/db?schema=NAME.")
    var warehouse: String?

    @Option(name: .customLong("log-format"), help: "Log lines as text (default) or json, one object per line on standard error.")
    var logFormat: LogFormat = .text

    /// Installs the log format here, while the arguments are read, so every command logs in it from its first line.
    func validate() throws {
        logFormat.bootstrap()
    }
}
