import Foundation
import OmnidashCore
import Warehouse

/// The account's campaigns, ad groups and ads with their statuses and budgets, listed in full on every sync (a
/// few dozen objects), page by page.
public struct LineAdsEntitiesStream: SyncStream {
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.lineAds) }
    public var accountID: String { account }
    public var name: String { "entities" }
    let account: String
    let configuration: LineAdsSettings
    let runner: RequestRunner
    let now: @Sendable () -> Date

    public init(account: String, configuration: LineAdsSettings, runner: RequestRunner, counters: RequestCounters,
                now: @escaping @Sendable () -> Date = Date.init) {
        self.account = account
        self.configuration = configuration
        self.runner = runner
        self.counters = counters
        self.now = now
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        var summary = StreamSummary()
        for level in LineAds.Level.allCases {
            var pageNumber: Int? = 1
            while let current = pageNumber {
                let endpoint = "/api/v3/adaccounts/\(account)/\(LineAds.Requests.entityPath(level))"
                let response = try await runner.run(
                    endpoint: endpoint,
                    build: { [configuration, account, now] in
                        LineAds.Requests.entities(baseURL: configuration.baseURL, accountID: account, level: level, page: current,
                                                  accessKey: configuration.accessKey, secretKey: configuration.secretKey, now: now())
                    },
                    classify: { LineAds.classify($0, endpoint: endpoint) },
                    refresh: {})
                let scanner = JSONScanner([UInt8](response.body))
                guard let datas = try? scanner.value(at: ["datas"]), let elements = try? scanner.elements(of: datas) else {
                    throw ConnectorError(.invalidResponse, platform: .lineAds, endpoint: endpoint, message: "`datas` is missing or not an array")
                }
                let parser = LineAdsEntityParser(accountID: account, level: level)
                var page = ParsedPage()
                for element in elements { page.append(parser.parse(scanner, element)) }
                try await context.load(page, into: LineAdsRawTables.entities, of: self,
                                       position: "\(LineAds.Requests.entityPath(level)) page \(current)", summary: &summary)
                pageNumber = LineAdsPaging.next(scanner, page: current, received: elements.count).flatMap { Int($0) }
            }
        }
        return summary
    }
}
