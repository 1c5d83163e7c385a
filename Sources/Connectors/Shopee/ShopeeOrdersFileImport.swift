import Foundation
import OmnidashCore
import Warehouse

/// `omnidash import shopee-orders FILE`: JSON lines, each one Shopee order object exactly as
/// `order/get_order_detail` returns it in `response.order_list[]`, through the same parser and raw table as
/// the connector. Streams the file in pages of `pageSize` records, each page one transaction.
public struct ShopeeOrdersFileImport: Sendable {
    public let sink: RawSink
    public let parser: ShopeeOrderParser
    public let shopID: String
    public var pageSize = 2_000

    public init(sink: RawSink, parser: ShopeeOrderParser, shopID: String) {
        self.sink = sink
        self.parser = parser
        self.shopID = shopID
    }

    public struct Result: Sendable, Equatable {
        public var records = 0
        public var rejects = 0

        public init(records: Int = 0, rejects: Int = 0) {
            self.records = records
            self.rejects = rejects
        }
    }

    public func run(path: String, progress: @Sendable (Result) -> Void = { _ in }) async throws -> Result {
        var result = Result()
        var page = ParsedPage()
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        // Two cores: the page before this one is written (on the warehouse's own thread) while this one is parsed.
        // At most two pages are in memory, so memory stays flat however large the file is.
        var writing: Task<Result, any Error>?
        func finishWriting() async throws {
            guard let written = try await writing?.value else { return }
            writing = nil
            result.records += written.records
            result.rejects += written.rejects
            progress(result)
        }
        func flush() async throws {
            guard !page.isEmpty else { return }
            let loaded = RawPage(table: ShopeeRawTables.orders, rows: page.rows, rejects: page.rejects, sourceFile: fileName)
            let counts = Result(records: page.rows.count, rejects: page.rejects.count)
            page = ParsedPage()
            try await finishWriting()
            writing = Task { [sink] in
                try await sink.load(loaded)
                return counts
            }
        }
        do {
            try await LineReader(path: path).forEachLine { line, number in
                // The reader takes the whole line: it skips the blanks around the record and refuses anything after it.
                var outcome = line.withUnsafeBufferPointer { parser.parse($0, 0..<line.count, shopID: shopID) }
                if case .reject(var reject) = outcome {
                    // A line that is not UTF-8 (a file saved as Windows-874 or UTF-16) says so, not just that it is not JSON.
                    if reject.payload == nil, let problem = ReadableFile.utf8Problem(in: line) { reject.reason = problem.reason }
                    reject.reason = "\(fileName):\(number): \(reject.reason)"
                    outcome = .reject(reject)
                }
                page.append(outcome)
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
