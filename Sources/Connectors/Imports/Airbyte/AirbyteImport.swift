import Foundation
import Warehouse

/// `omnidash import airbyte`: reads an Airbyte source's `read` output line by line and lands its records in the raw
/// tables of the native connector, through the source's mapper, append-dedup on the same keys.
///
/// A `STATE` message is a checkpoint: every record before it is loaded first, then the state is saved, so an import
/// that stops half-way has saved only a state whose records are in, and the next `airbyte read --state` goes on
/// from there (records read twice replace themselves). A line that is not an Airbyte message, a record of a stream the
/// mapper does not read, and a record it cannot read each go to `raw_rejects` with the line number; none stops the run.
public struct AirbyteImport: Sendable {
    public let sink: RawSink
    /// The Airbyte source's name as registered (without `source-`), under which state and protocol rejects are kept.
    public let source: String
    public var mapper: any AirbyteSourceMapper
    /// Records per load (each one transaction); a `STATE` loads what came before it at once.
    public var pageSize = 2_000

    public init(sink: RawSink, source: String, mapper: any AirbyteSourceMapper) {
        self.sink = sink
        self.source = source
        self.mapper = mapper
    }

    /// The `raw_rejects.source` of lines that never reached a mapper.
    public var rejectSource: String { "airbyte:\(source)" }

    /// Imports `input`; `show` receives each `LOG` and `TRACE` line as it is read.
    public func run(_ input: AirbyteLineInput, show: @Sendable (String) -> Void = { _ in }) async throws -> AirbyteImportSummary {
        var mapper = self.mapper
        let store = AirbyteStateStore(warehouse: sink.warehouse, source: source)
        let fileName = input.name
        var summary = AirbyteImportSummary()
        var rows: [String: [TableRow]] = [:]
        var rejects: [RawReject] = []
        var pending = 0
        let tables = Dictionary(mapper.tables.map { ($0.table, $0) }, uniquingKeysWith: { first, _ in first })

        func flush() async throws {
            guard pending > 0 else { return }
            var carrier = rejects
            for contract in mapper.tables {
                guard let loaded = rows[contract.table], !loaded.isEmpty else { continue }
                try await sink.load(RawPage(table: contract, rows: loaded, rejects: carrier, sourceFile: fileName))
                carrier = []
            }
            if !carrier.isEmpty, let first = mapper.tables.first {
                try await sink.load(RawPage(table: first, rows: [], rejects: carrier, sourceFile: fileName))
            }
            rows.removeAll(keepingCapacity: true)
            rejects.removeAll(keepingCapacity: true)
            pending = 0
        }
        func reject(_ reason: String, stream: String, line: ArraySlice<UInt8>, number: Int) {
            rejects.append(RawReject(source: rejectSource, stream: stream, accountID: nil, recordKey: "line \(number)",
                                     reason: "\(fileName):\(number): \(reason)", payload: String(decoding: line, as: UTF8.self)))
            summary.rejects += 1
            pending += 1
        }

        try await input.forEachLine { line, number in
            summary.lines += 1
            let scanner = JSONScanner(Array(line))
            let message: AirbyteMessage
            do throws(AirbyteMessageError) {
                message = try AirbyteMessage.decode(scanner)
            } catch {
                reject(error.description, stream: "(not a message)", line: line, number: number)
                return
            }
            switch message {
            case .record(let record):
                summary.records += 1
                let mapped: ParsedRecord
                switch mapper.map(stream: record.stream, data: record.data, of: scanner) {
                case .parsed(let parsed):
                    mapped = parsed
                case .context:
                    return
                case .unknownStream:
                    summary.unknownStreams[record.stream, default: 0] += 1
                    reject("stream '\(record.stream)' is not one this import reads from \(source) (it reads \(mapper.streams.joined(separator: ", ")))",
                           stream: record.stream, line: line, number: number)
                    return
                }
                switch mapped {
                case .row(let row):
                    guard tables[row.layout.table] != nil else {
                        preconditionFailure("the \(source) mapper made a row of \(row.layout.table), which it does not list")
                    }
                    rows[row.layout.table, default: []].append(row)
                    summary.rows[row.layout.table, default: 0] += 1
                case .reject(var rejected):
                    rejected.reason = "\(fileName):\(number): \(rejected.reason)"
                    if rejected.recordKey == nil { rejected.recordKey = "line \(number)" }
                    rejects.append(rejected)
                    summary.rejects += 1
                }
                pending += 1
                if pending >= pageSize { try await flush() }
            case .state(let state):
                try await flush()
                try await store.save(state, line: number, sourceFile: fileName, runID: sink.runID)
                summary.states += 1
            case .log(let level, let text):
                summary.logs += 1
                show("\(source) \(level): \(text)")
            case .trace(let type, let text, let failureType):
                guard type == "ERROR" else { return }
                let line = "\(fileName):\(number): \(failureType ?? "error"): \(text ?? "(no message)")"
                summary.traceErrors.append(line)
                show("\(source) TRACE \(line)")
            case .other(let type):
                summary.skipped[type, default: 0] += 1
            }
        }
        try await flush()
        return summary
    }
}
