import ArgumentParser
import Connectors
import Foundation
import OmnidashCore
import Transform
import Warehouse

/// `omnidash import airbyte --source NAME [FILE|-]`: what an Airbyte source printed on `read` (Airbyte protocol
/// messages, one JSON object a line), landed in the native connector's raw tables; its `STATE` saved for the next
/// `airbyte read --state`.
struct ImportAirbyte: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "airbyte",
        abstract: "Import an Airbyte source's `read` output (RECORD, STATE, LOG, TRACE lines) into the native raw tables.",
        discussion: """
            Sources: \(AirbyteSourceRegistry.names.joined(separator: ", ")). Records land in the same raw tables as the \
            native connectors', replacing the rows with the same keys; STATE is saved per source and stream once the \
            records before it are in. A line that is not an Airbyte message, a record of a stream Omnidash does not \
            read, or a record it cannot read goes to raw_rejects with its line number. --print-state prints the saved \
            state as the file `airbyte read --state` takes, and imports nothing.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The Airbyte source: \(AirbyteSourceRegistry.names.joined(separator: ", ")).")
    var source: String

    @Argument(help: "The file of the `read` output, or - for standard input.")
    var file: String = "-"

    @Option(help: "The account, customer or property the output was read from, for records that do not name it.")
    var accountID: String?

    @Option(help: "The account's currency (ISO 4217), for records that do not say it.")
    var currency: String?

    @Flag(help: "Print the saved state for `airbyte read --state` and import nothing.")
    var printState = false

    @Flag(inversion: .prefixedNo, help: "Build staging and marts afterwards.")
    var transform = true

    func validate() throws {
        guard AirbyteSourceRegistry.mapper(for: source) != nil else {
            throw ValidationError("--source: '\(source)' is not one of \(AirbyteSourceRegistry.names.joined(separator: ", "))")
        }
        if let currency, currency.utf8.count != 3 { throw ValidationError("--currency: '\(currency)' is not a 3-letter code") }
    }

    func run() async throws {
        let configuration = try ConfigurationLoader.load(global, unused: [.secrets, .sources])
        let name = AirbyteSourceRegistry.canonicalName(source)
        let input = AirbyteLineInput(file)
        if case .file(let path) = input, !printState {
            do { try ReadableFile.check(path) } catch { throw CommandFailure("import: \(error)") }
        }
        try await Runtime.withWarehouse(configuration) { warehouse in
            if printState {
                guard let state = try await AirbyteStateStore(warehouse: warehouse, source: name).stateFile() else {
                    throw CommandFailure("import: no state saved for \(name) yet; run `airbyte read` without --state")
                }
                Terminal.print(state)
                return
            }
            let options = AirbyteImportOptions(accountID: accountID, currency: currency?.uppercased())
            let summary = try await Self.importOutput(input, source: name, options: options, warehouse: warehouse)
            if transform, summary.loadedRows > 0 {
                try await Transform.transform(configuration: configuration, warehouse: warehouse)
            }
        }
    }

    @discardableResult
    static func importOutput(_ input: AirbyteLineInput, source: String, options: AirbyteImportOptions,
                             warehouse: any Warehouse) async throws -> AirbyteImportSummary {
        guard let mapper = AirbyteSourceRegistry.mapper(for: source, options: options) else {
            throw CommandFailure("import: '\(source)' is not one of \(AirbyteSourceRegistry.names.joined(separator: ", "))")
        }
        let runID = "airbyte-\(UUID().uuidString.prefix(8).lowercased())"
        let importer = AirbyteImport(sink: RawSink(warehouse: warehouse, runID: runID), source: source, mapper: mapper)
        let summary: AirbyteImportSummary
        do {
            summary = try await importer.run(input) { Terminal.note($0) }
        } catch let error as ImportError {
            throw CommandFailure("import: \(error)")
        }
        let tables = summary.rows.sorted { $0.key < $1.key }.map { "\($0.key) \(Terminal.count($0.value))" }.joined(separator: ", ")
        Terminal.note("import \(runID): \(Terminal.count(summary.records)) records from \(input.name): \(tables.isEmpty ? "no rows" : tables); "
                      + "\(Terminal.count(summary.rejects)) rejected; \(summary.states) states saved")
        if !summary.unknownStreams.isEmpty {
            Terminal.note("import: streams not read (rejected): \(summary.unknownStreams.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))")
        }
        if summary.rejects > 0 { Terminal.note("import: see raw_rejects for each rejected line's reason") }
        for error in summary.traceErrors { Terminal.note("import: the source reported an error: \(error)") }
        return summary
    }
}
