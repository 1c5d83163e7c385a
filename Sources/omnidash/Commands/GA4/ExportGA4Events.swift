import ArgumentParser
import Foundation
import OmnidashCore
import Sandbox

/// `omnidash sandbox export ga4-events`: the simulated website's GA4 BigQuery export.
struct ExportGA4Events: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ga4-events",
        abstract: "The website's GA4 BigQuery export (events_YYYYMMDD as newline-delimited JSON), for `omnidash import ga4-events`.")

    @OptionGroup var world: SandboxCommand.WorldOptions

    @Option(help: "How many complete days before --as-of.")
    var days: Int

    @Option(help: "A file for all days, or a directory (an existing one, or a path ending in /) for one events_YYYYMMDD.json a day.")
    var out: String

    func validate() throws {
        guard days > 0 else { throw ValidationError("--days must be positive") }
    }

    func run() async throws {
        let written = try Self.export(days: days, seed: world.seed, asOf: world.resolvedAsOf, to: out)
        Terminal.note("sandbox export: \(days) days of GA4 events written to \(written.count == 1 ? written[0] : out) (\(written.count) files)")
    }

    /// Writes the export and returns the files written.
    @discardableResult
    static func export(days: Int, seed: UInt64, asOf: BusinessDate, to path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        let perDay = path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
        if perDay {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("sandbox export: cannot create the directory \(path)")
            }
        }
        var files: [String] = []
        var handle: FileHandle?
        var openDay: BusinessDate?
        defer { try? handle?.close() }
        func open(_ file: String) throws -> FileHandle {
            guard FileManager.default.createFile(atPath: file, contents: nil), let opened = FileHandle(forWritingAtPath: file) else {
                throw CommandFailure("sandbox export: cannot write \(file)")
            }
            files.append(file)
            return opened
        }
        try SandboxWorld(seed: seed, asOf: asOf).exportGA4Events(days: days) { day, chunk in
            if perDay, openDay != day {
                try handle?.close()
                let name = "events_" + day.description.replacingOccurrences(of: "-", with: "") + ".json"
                handle = try open(URL(fileURLWithPath: path).appendingPathComponent(name).path)
                openDay = day
            } else if handle == nil {
                handle = try open(path)
            }
            try handle?.write(contentsOf: chunk)
        }
        return files
    }
}
