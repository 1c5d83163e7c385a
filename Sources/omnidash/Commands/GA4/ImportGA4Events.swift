import ArgumentParser
import Connectors
import Foundation
import OmnidashCore
import Transform
import Warehouse

/// `omnidash import ga4-events FILE…`: GA4 BigQuery export days (newline-delimited JSON of `events_YYYYMMDD`).
struct ImportGA4Events: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ga4-events",
        abstract: "Import GA4 BigQuery export files: events_YYYYMMDD as written by bq extract --destination_format NEWLINE_DELIMITED_JSON.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The newline-delimited JSON files, one or more export days.")
    var files: [String]

    @Flag(inversion: .prefixedNo, help: "Build staging and marts afterwards.")
    var transform = true

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file") }
    }

    func run() async throws {
        // Importing files needs no API credentials: the sources section may be incomplete.
        let configuration = try (try? ConfigurationLoader.load(global, unused: [.fx]))
            ?? (try ConfigurationLoader.load(global, unused: [.fx, .sources]))
        guard let piiKey = configuration.secrets.piiKey, piiKey.count >= 16 else {
            throw CommandFailure("import: secrets.pii_key must be set (16+ characters): a user_id is hashed before it is stored")
        }
        for file in files {
            do {
                try ReadableFile.check(file)
            } catch {
                throw CommandFailure("import: \(error)")
            }
        }
        try await Runtime.withWarehouse(configuration) { warehouse in
            var rejects = 0
            for file in files {
                rejects += try await Self.importFile(file, piiKey: piiKey, warehouse: warehouse).rejects
            }
            if transform { try await Transform.transform(configuration: configuration, warehouse: warehouse) }
            if rejects > 0 { Terminal.note("import: \(Terminal.count(rejects)) events rejected; see raw_rejects for each reason") }
        }
    }

    @discardableResult
    static func importFile(_ file: String, piiKey: String, warehouse: any Warehouse) async throws -> GA4EventsFileImport.Result {
        let runID = "import-\(UUID().uuidString.prefix(8).lowercased())"
        let importer = GA4EventsFileImport(sink: RawSink(warehouse: warehouse, runID: runID),
                                           parser: GA4EventParser(hasher: PIIHasher(secret: piiKey)))
        let result = try await importer.run(path: file) { progress in
            Terminal.progress("import: \(Terminal.count(progress.events)) events, \(Terminal.count(progress.rejects)) rejected")
        }
        Terminal.note("import \(runID): \(Terminal.count(result.events)) GA4 events loaded, \(Terminal.count(result.rejects)) rejected from \(file)")
        return result
    }
}
