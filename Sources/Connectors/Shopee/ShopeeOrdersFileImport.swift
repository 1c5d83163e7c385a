import Foundation
import OmnidashCore
import Warehouse

/// `omnidash import shopee-orders FILE`: JSON lines, each one Shopee order object exactly as
/// `order/get_order_detail` returns it in `response.order_list[]`, through the same parser and raw table as
/// the connector. Streams the file in pages of `pageSize` records, each page one transaction.
///
/// With a `stager`, each page is staged as it is parsed and its staged rows are written in the page's transaction,
/// so the transform that follows need not read the page back.
public struct ShopeeOrdersFileImport: Sendable {
    public let sink: RawSink
    public let parser: ShopeeOrderParser
    public let shopID: String
    public var pageSize = 2_000
    /// Stages a page of parsed orders loaded at the given time; `nil` loads the page unstaged (the transform stages it).
    public var stager: (@Sendable (_ orders: [ShopeeOrderColumns], _ loadedAt: Int64) -> StagedRows?)?

    public init(sink: RawSink, parser: ShopeeOrderParser, shopID: String) {
        self.sink = sink
        self.parser = parser
        self.shopID = shopID
    }

    public struct Result: Sendable, Equatable {
        public var records = 0
        public var rejects = 0
        /// Pages loaded unstaged because the stager could not stage them.
        public var unstagedPages = 0
        /// The business dates of the orders staged as they were loaded.
        public var stagedDates: Set<BusinessDate> = []
        public var unknownStatuses: [String: Int] = [:]

        public init(records: Int = 0, rejects: Int = 0) {
            self.records = records
            self.rejects = rejects
        }

        mutating func add(_ page: Result) {
            records += page.records
            rejects += page.rejects
            unstagedPages += page.unstagedPages
            stagedDates.formUnion(page.stagedDates)
            unknownStatuses.merge(page.unknownStatuses, uniquingKeysWith: +)
        }
    }

    public func run(path: String, progress: @Sendable (Result) -> Void = { _ in }) async throws -> Result {
        var result = Result()
        var page = ParsedPage()
        var columns: [ShopeeOrderColumns] = []
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        // Two cores: the page before this one is written (on the warehouse's own thread) while this one is parsed.
        // At most two pages are in memory, so memory stays flat however large the file is.
        var writing: Task<Result, any Error>?
        func finishWriting() async throws {
            guard let written = try await writing?.value else { return }
            writing = nil
            result.add(written)
            progress(result)
        }
        func flush() async throws {
            guard !page.isEmpty else { return }
            var loaded = RawPage(table: ShopeeRawTables.orders, rows: page.rows, rejects: page.rejects, sourceFile: fileName)
            var counts = Result(records: page.rows.count, rejects: page.rejects.count)
            if let stager, !page.rows.isEmpty {
                let loadedAt = await sink.nextLoadTime()
                loaded.loadedAt = loadedAt
                if let staged = stager(columns, loadedAt) {
                    loaded.dependents = staged.dependents
                    counts.stagedDates = staged.dates
                    counts.unknownStatuses = staged.unknownStatuses
                } else {
                    counts.unstagedPages = 1
                }
            }
            page = ParsedPage()
            columns.removeAll()
            try await finishWriting()
            writing = Task { [sink, loaded, counts] in
                try await sink.load(loaded)
                return counts
            }
        }
        do {
            try await LineReader(path: path).forEachLine { line, number in
                // The reader takes the whole line: it skips the blanks around the record and refuses anything after it.
                var (outcome, parsed) = line.withUnsafeBufferPointer { parser.parseWithColumns($0, 0..<line.count, shopID: shopID) }
                if case .reject(var reject) = outcome {
                    // A line that is not UTF-8 (a file saved as Windows-874 or UTF-16) says so, not just that it is not JSON.
                    if reject.payload == nil, let problem = ReadableFile.utf8Problem(in: line) { reject.reason = problem.reason }
                    reject.reason = "\(fileName):\(number): \(reject.reason)"
                    outcome = .reject(reject)
                }
                page.append(outcome)
                if let parsed { columns.append(parsed) }
                if page.count >= pageSize { try await flush() }
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
