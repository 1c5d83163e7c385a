import Foundation
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
    }

    public func run(path: String, progress: @Sendable (Result) -> Void = { _ in }) async throws -> Result {
        var result = Result()
        var rows: [[SQLValue]] = []
        var rejects: [RawReject] = []
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        func flush() async throws {
            guard !rows.isEmpty || !rejects.isEmpty else { return }
            try await sink.load(RawPage(stream: Shopee.Streams.orders, rows: rows, rejects: rejects, sourceFile: fileName))
            result.records += rows.count
            result.rejects += rejects.count
            rows.removeAll(keepingCapacity: true)
            rejects.removeAll(keepingCapacity: true)
            progress(result)
        }
        try await LineReader(path: path).forEachLine { line, number in
            let scanner = JSONScanner(Array(line))
            let outcome: ShopeeOrderParser.Outcome
            do {
                outcome = parser.parse(scanner, try scanner.root(), shopID: shopID)
            } catch {
                outcome = .reject(RawReject(source: "shopee", stream: "orders", accountID: shopID, recordKey: nil,
                                            reason: "\(fileName):\(number): \(error)", payload: nil))
            }
            switch outcome {
            case .row(let row): rows.append(row)
            case .reject(var reject):
                reject.reason = reject.reason.hasPrefix(fileName) ? reject.reason : "\(fileName):\(number): \(reject.reason)"
                rejects.append(reject)
            }
            if rows.count + rejects.count >= pageSize { try await flush() }
        }
        try await flush()
        return result
    }
}
