import Foundation
import OmnidashCore
import Warehouse

/// `omnidash import ga4-events FILE`: a GA4 BigQuery export day (`events_YYYYMMDD` as newline-delimited JSON, what
/// `bq extract --destination_format NEWLINE_DELIMITED_JSON` writes) into `raw_ga4_events`, with the same reader and
/// reject rules as every import: streamed in pages of `pageSize` events, each page one transaction; a line that cannot
/// be read goes to `raw_rejects` with its file, line number and field, and the import goes on.
public struct GA4EventsFileImport: Sendable {
    public let sink: RawSink
    public let parser: GA4EventParser
    public var pageSize = 2_000

    public init(sink: RawSink, parser: GA4EventParser) {
        self.sink = sink
        self.parser = parser
    }

    public struct Result: Sendable, Equatable {
        public var events = 0
        public var rejects = 0
        public var dates: Set<BusinessDate> = []

        public init(events: Int = 0, rejects: Int = 0) {
            self.events = events
            self.rejects = rejects
        }
    }

    public func run(path: String, progress: @Sendable (Result) -> Void = { _ in }) async throws -> Result {
        var result = Result()
        var rows: [TableRow] = []
        var rejects: [RawReject] = []
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        // The page before this one is written while this one is parsed; at most two pages are in memory.
        var writing: Task<Result, any Error>?
        func finishWriting() async throws {
            guard let written = try await writing?.value else { return }
            writing = nil
            result.events += written.events
            result.rejects += written.rejects
            progress(result)
        }
        func flush() async throws {
            guard !rows.isEmpty || !rejects.isEmpty else { return }
            let page = RawPage(table: GA4EventRawTables.events, rows: rows, rejects: rejects, sourceFile: fileName)
            let counts = Result(events: rows.count, rejects: rejects.count)
            rows.removeAll(keepingCapacity: true)
            rejects.removeAll(keepingCapacity: true)
            try await finishWriting()
            writing = Task { [sink] in
                try await sink.load(page)
                return counts
            }
        }
        do {
            try await LineReader(path: path).forEachLine { line, number in
                switch parser.parse(line) {
                case .row(let row):
                    if let date = BusinessDate(row["event_date"].string ?? "") { result.dates.insert(date) }
                    rows.append(row)
                case .reject(var reject):
                    // A line that is not UTF-8 (a file saved as UTF-16) says so, not just that it is not JSON.
                    if reject.payload == nil, let problem = ReadableFile.utf8Problem(in: line) { reject.reason = problem.reason }
                    reject.reason = "\(fileName):\(number): \(reject.reason)"
                    rejects.append(reject)
                }
                if rows.count + rejects.count >= pageSize { try await flush() }
            }
            try await flush()
            try await finishWriting()
        } catch {
            // A page already handed to the writer is finished (or fails) before the error is reported: nothing half-written.
            _ = try? await writing?.value
            throw error
        }
        return result
    }
}
